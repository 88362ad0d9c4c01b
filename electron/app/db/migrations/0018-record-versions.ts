import type { Migration } from './types.ts';

/**
 * Visit records keep their history, and a visit says who held it. Every save of a record is a
 * numbered version in visit_record_version; visit_record stays the current one (the newest
 * version, written in the same transaction) so everything that reads "the record" reads it as
 * before. The records written before this migration become version 1. A visit held without a
 * pro forma says why.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'visit record versions; who held a visit',
  up(db) {
    db.exec(`
      CREATE TABLE visit_record_version (
        visit_id TEXT NOT NULL REFERENCES visit(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        data TEXT NOT NULL,
        written_by TEXT NOT NULL,
        written_at TEXT NOT NULL,
        PRIMARY KEY (visit_id, version)
      ) STRICT;
      ALTER TABLE visit_record ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      INSERT INTO visit_record_version (visit_id, version, data, written_by, written_at)
        SELECT visit_id, 1, data, written_by, written_at FROM visit_record;

      ALTER TABLE visit ADD COLUMN held_by TEXT REFERENCES person(id);
      ALTER TABLE visit ADD COLUMN held_without_pro_forma TEXT;
    `);
  },
};
