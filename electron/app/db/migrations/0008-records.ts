import type { Migration } from './types.ts';

export const migration0008: Migration = {
  version: 8,
  name: 'visit records and Early Help Consultations',
  up(db) {
    db.exec(`
      CREATE TABLE visit_record (
        visit_id TEXT PRIMARY KEY REFERENCES visit(id),
        data TEXT NOT NULL,
        written_by TEXT NOT NULL,
        written_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE consultation (
        id TEXT PRIMARY KEY,
        urn TEXT NOT NULL REFERENCES school(urn),
        held_on TEXT NOT NULL,
        with_school_nurse INTEGER NOT NULL CHECK (with_school_nurse IN (0, 1)),
        data TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consultation_school ON consultation(urn, held_on);
    `);
  },
};
