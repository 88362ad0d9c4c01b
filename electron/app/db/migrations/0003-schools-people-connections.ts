import type { Migration } from './types.ts';

export const migration0003: Migration = {
  version: 3,
  name: 'schools, people and declared connections',
  up(db) {
    db.exec(`
      CREATE TABLE school (
        urn TEXT PRIMARY KEY CHECK (length(urn) = 6),
        name TEXT NOT NULL,
        establishment_type TEXT NOT NULL,
        phase TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        la_code TEXT NOT NULL,
        la_name TEXT NOT NULL,
        street TEXT, locality TEXT, address3 TEXT, town TEXT, county TEXT, postcode TEXT,
        phone TEXT, website TEXT, head_teacher TEXT,
        pupils INTEGER, easting INTEGER, northing INTEGER,
        opened_on TEXT, closed_on TEXT,
        closed_in_gias_on TEXT,
        source TEXT NOT NULL CHECK (source IN ('gias', 'manual')),
        gias_imported_at TEXT,
        hub TEXT, dsl_name TEXT, dsl_email TEXT, main_contact TEXT, notes TEXT,
        enhanced_support TEXT,
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX school_name ON school(name COLLATE NOCASE);
      CREATE INDEX school_la ON school(la_code);

      CREATE TABLE person (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('fsw', 'team_manager', 'other')),
        email TEXT,
        phone TEXT,
        hub TEXT,
        active_from TEXT NOT NULL,
        active_to TEXT,
        capacity INTEGER,
        level3_plans INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX person_email ON person(lower(email)) WHERE email IS NOT NULL;

      CREATE TABLE declared_connection (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES person(id),
        urn TEXT NOT NULL REFERENCES school(urn),
        kind TEXT NOT NULL CHECK (kind IN ('own_child_attends', 'family_member_works_there', 'governor_or_trustee', 'other')),
        other_text TEXT,
        from_date TEXT NOT NULL,
        to_date TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX connection_person ON declared_connection(person_id);
      CREATE INDEX connection_school ON declared_connection(urn);
    `);
  },
};
