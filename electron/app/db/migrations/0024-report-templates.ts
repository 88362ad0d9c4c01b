import type { Migration } from './types.ts';

/**
 * A team's own templates for the termly and annual report and for the printable escalation log,
 * beside the meeting records'. document_template's kind has a CHECK list, which SQLite cannot
 * change in place: the table is built anew with the longer list and every template copied as it
 * is (its content, who loaded it, which one is in use), then its index made again. No trigger
 * and no foreign key refer to it.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'the team’s own report and escalation log templates',
  up(db) {
    db.exec(`
      CREATE TABLE document_template_new (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('visit_record', 'consultation_record', 'team_report', 'escalation_log')),
        file_name TEXT NOT NULL,
        content BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        loaded_by TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
      ) STRICT;
      INSERT INTO document_template_new (id, kind, file_name, content, sha256, loaded_by, loaded_at, active)
        SELECT id, kind, file_name, content, sha256, loaded_by, loaded_at, active FROM document_template;
      DROP TABLE document_template;
      ALTER TABLE document_template_new RENAME TO document_template;
      CREATE UNIQUE INDEX document_template_active ON document_template(kind) WHERE active = 1;
    `);
  },
};
