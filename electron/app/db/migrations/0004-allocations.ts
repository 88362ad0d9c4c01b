import type { Migration } from './types.ts';

export const migration0004: Migration = {
  version: 4,
  name: 'link-worker allocations',
  up(db) {
    db.exec(`
      CREATE TABLE allocation (
        id TEXT PRIMARY KEY,
        urn TEXT NOT NULL REFERENCES school(urn),
        role TEXT NOT NULL CHECK (role IN ('named', 'secondary')),
        person_id TEXT NOT NULL REFERENCES person(id),
        from_date TEXT NOT NULL,
        to_date TEXT CHECK (to_date IS NULL OR to_date >= from_date),
        allocated_by TEXT NOT NULL,
        allocated_at TEXT NOT NULL,
        reason TEXT,
        override_reason TEXT,
        county_agreed_on TEXT,
        county_agreed_by TEXT
      ) STRICT;
      CREATE INDEX allocation_school ON allocation(urn, role, from_date);
      CREATE INDEX allocation_person ON allocation(person_id, from_date);
      -- At most one current allocation per school and role.
      CREATE UNIQUE INDEX allocation_current ON allocation(urn, role) WHERE to_date IS NULL;
    `);
    db.prepare("INSERT INTO setting (key, value) VALUES ('fairnessPercent', '25') ON CONFLICT(key) DO NOTHING").run();
  },
};
