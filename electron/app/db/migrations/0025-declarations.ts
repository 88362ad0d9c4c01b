import type { Migration } from './types.ts';

/**
 * Annual declarations of connections (issue 18): each time a worker confirms their declared
 * connections are as listed, or that they have nothing to declare, a dated row; and the month of
 * each worker's yearly re-declaration (empty means the team's default month, a setting). Rows are
 * never changed or removed: a declaration is evidence of what the worker said on the day.
 */
export const migration0025: Migration = {
  version: 25,
  name: 'annual declarations of connections',
  up(db) {
    db.exec(`
      CREATE TABLE declaration (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES person(id),
        declared_on TEXT NOT NULL,
        nothing_to_declare INTEGER NOT NULL CHECK (nothing_to_declare IN (0, 1)),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX declaration_person ON declaration(person_id, declared_on);
      ALTER TABLE person ADD COLUMN declaration_month INTEGER CHECK (declaration_month IS NULL OR declaration_month BETWEEN 1 AND 12);
    `);
  },
};
