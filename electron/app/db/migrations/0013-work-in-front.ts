import type { Migration } from './types.ts';

/**
 * The one trigger this migration puts on the escalation log; `audit/chain.ts` compares the
 * schema with it on every check and open, as it does the log's append-only triggers.
 */
export const ESCALATION_OPEN_TRIGGER = {
  escalation_entry_open: `CREATE TRIGGER escalation_entry_open AFTER INSERT ON escalation_entry
        BEGIN
          DELETE FROM escalation_open WHERE escalation_id = NEW.escalation_id;
          INSERT INTO escalation_open (escalation_id, entry_id) SELECT NEW.escalation_id, NEW.id WHERE NEW.closed_at IS NULL;
        END`,
} as const;

/**
 * Costs that follow the work in front of the user, not the years behind it: an index for every
 * question the screens ask of a history table, the actions of visit records as rows (so the
 * dashboard reads the open ones instead of parsing every record ever written), the open
 * escalations kept beside the append-only log, and the school register's search text indexed
 * (trigrams: three letters or more anywhere, one or two at the start of a word).
 */
export const migration0013: Migration = {
  version: 13,
  name: 'indexes for the work in front of the user',
  up(db) {
    db.exec(`
      CREATE INDEX visit_status_date ON visit(status, visit_date);
      -- The year planner reads a school's visits of one year from the index alone.
      CREATE INDEX visit_planner ON visit(urn, year_label, term, status, visit_date, id);
      -- Meeting records to make, newest first: held visits and consultations by their day.
      CREATE INDEX visit_held_on ON visit(held_on, id) WHERE held_on IS NOT NULL;
      CREATE INDEX consultation_held_on ON consultation(held_on, id);
      CREATE INDEX generated_document_created ON generated_document(created_at, id);
      CREATE INDEX generated_document_school ON generated_document(urn, created_at, id);
      CREATE INDEX inset_day_day ON inset_day(day, urn);
      -- The register in name order with its tie-break, so a page is read in order and stops early.
      CREATE INDEX school_name_urn ON school(name COLLATE NOCASE, urn);
      -- Each worker's current named schools, counted without reading the history.
      CREATE INDEX allocation_current_person ON allocation(role, person_id, urn) WHERE to_date IS NULL;

      -- One row per child review of a visit record with an action or a date: written with the
      -- record, in the same transaction. done is for marking an action done (not offered yet).
      CREATE TABLE record_action (
        visit_id TEXT NOT NULL REFERENCES visit(id),
        position INTEGER NOT NULL CHECK (position >= 0),
        urn TEXT NOT NULL REFERENCES school(urn),
        initials TEXT NOT NULL,
        year_group TEXT NOT NULL,
        action TEXT,
        who TEXT,
        due_on TEXT,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        PRIMARY KEY (visit_id, position)
      ) STRICT;
      CREATE INDEX record_action_open ON record_action(due_on) WHERE done = 0 AND due_on IS NOT NULL;
      INSERT INTO record_action (visit_id, position, urn, initials, year_group, action, who, due_on)
        SELECT r.visit_id, c.key, v.urn, json_extract(c.value, '$.child.initials'), json_extract(c.value, '$.child.yearGroup'),
               json_extract(c.value, '$.action'), json_extract(c.value, '$.who'), json_extract(c.value, '$.byWhen')
          FROM visit_record r JOIN visit v ON v.id = r.visit_id, json_each(r.data, '$.children') c
         WHERE json_extract(c.value, '$.action') IS NOT NULL OR json_extract(c.value, '$.byWhen') IS NOT NULL;

      -- The latest entry of each open escalation. The log stays append-only; this table is kept
      -- by a trigger on every insert, so no code path can let it drift from the log.
      CREATE TABLE escalation_open (
        escalation_id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL UNIQUE REFERENCES escalation_entry(id)
      ) STRICT;
      INSERT INTO escalation_open (escalation_id, entry_id)
        SELECT e.escalation_id, e.id FROM escalation_entry e
         WHERE e.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = e.id);
    `);
    for (const sql of Object.values(ESCALATION_OPEN_TRIGGER)) db.exec(sql);
    db.exec(`
      -- Search: one trigram index of the search text with every word preceded by two spaces,
      -- so a word's first letter or two are trigrams too ("  a", " st"): three letters or more
      -- are found anywhere, one or two at the start of a word. The rowid is the URN as a number
      -- (stable through VACUUM, unlike the school's own rowid). Contentless: the text lives in
      -- school.search_text, and a row is deleted by giving back the text it was indexed with.
      CREATE VIRTUAL TABLE school_search USING fts5(text, content='', tokenize='trigram remove_diacritics 1');
      INSERT INTO school_search (rowid, text) SELECT CAST(urn AS INTEGER), '  ' || replace(search_text, ' ', '  ') FROM school;
      CREATE TRIGGER school_search_insert AFTER INSERT ON school
        BEGIN
          INSERT INTO school_search (rowid, text) VALUES (CAST(NEW.urn AS INTEGER), '  ' || replace(NEW.search_text, ' ', '  '));
        END;
      CREATE TRIGGER school_search_update AFTER UPDATE OF search_text ON school WHEN OLD.search_text IS NOT NEW.search_text
        BEGIN
          INSERT INTO school_search (school_search, rowid, text) VALUES ('delete', CAST(OLD.urn AS INTEGER), '  ' || replace(OLD.search_text, ' ', '  '));
          INSERT INTO school_search (rowid, text) VALUES (CAST(NEW.urn AS INTEGER), '  ' || replace(NEW.search_text, ' ', '  '));
        END;
      CREATE TRIGGER school_search_delete AFTER DELETE ON school
        BEGIN
          INSERT INTO school_search (school_search, rowid, text) VALUES ('delete', CAST(OLD.urn AS INTEGER), '  ' || replace(OLD.search_text, ' ', '  '));
        END;
    `);
  },
};
