import type { Migration } from './types.ts';

export const migration0011: Migration = {
  version: 11,
  name: 'document templates and produced documents',
  up(db) {
    db.exec(`
      CREATE TABLE document_template (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('visit_record', 'consultation_record')),
        file_name TEXT NOT NULL,
        content BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        loaded_by TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX document_template_active ON document_template(kind) WHERE active = 1;
      CREATE TABLE generated_document (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('visit_record', 'consultation_record', 'spoc_list')),
        source_id TEXT,
        urn TEXT REFERENCES school(urn),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX generated_document_source ON generated_document(source_id);
    `);
  },
};
