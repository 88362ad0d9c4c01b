import type { Migration } from './types.ts';

export const migration0006: Migration = {
  version: 6,
  name: 'termly SPOC visits',
  up(db) {
    db.exec(`
      CREATE TABLE visit (
        id TEXT PRIMARY KEY,
        urn TEXT NOT NULL REFERENCES school(urn),
        year_label TEXT NOT NULL,
        term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
        visit_date TEXT,
        agreed_with TEXT,
        agreed_on TEXT,
        status TEXT NOT NULL CHECK (status IN ('to_be_agreed', 'agreed', 'pro_forma_sent', 'pro_forma_returned', 'held', 'record_written', 'cancelled')),
        pro_forma_sent_on TEXT,
        pro_forma_returned_on TEXT,
        held_on TEXT,
        record_written_on TEXT,
        cancelled_reason TEXT,
        moved_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (urn, year_label, term)
      ) STRICT;
      CREATE INDEX visit_date ON visit(visit_date);
    `);
  },
};
