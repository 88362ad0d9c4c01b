import type { GeneratedDocument, RecordKind, TemplateVersion } from '../../../shared/domain/documents.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface TemplateRow {
  id: string;
  kind: RecordKind;
  file_name: string;
  sha256: string;
  loaded_by: string;
  loaded_at: string;
  active: number;
}

const toVersion = (r: TemplateRow): TemplateVersion => ({ id: r.id, kind: r.kind, fileName: r.file_name, sha256: r.sha256, loadedBy: r.loaded_by, loadedAt: r.loaded_at, active: r.active === 1 });

export function insertTemplate(db: Connection, t: Omit<TemplateVersion, 'active'>, content: Buffer): void {
  statement(db, 'INSERT INTO document_template (id, kind, file_name, content, sha256, loaded_by, loaded_at, active) VALUES (?, ?, ?, ?, ?, ?, ?, 0)').run(
    t.id, t.kind, t.fileName, content, t.sha256, t.loadedBy, t.loadedAt,
  );
}

/** Makes one version the kind's template, or none (the default) when id is null. */
export function activateTemplate(db: Connection, kind: RecordKind, id: string | null): void {
  statement(db, 'UPDATE document_template SET active = 0 WHERE kind = ? AND active = 1').run(kind);
  if (id) statement(db, 'UPDATE document_template SET active = 1 WHERE id = ? AND kind = ?').run(id, kind);
}

export function selectTemplateVersions(db: Connection, kind: RecordKind): TemplateVersion[] {
  return (statement(db, 'SELECT id, kind, file_name, sha256, loaded_by, loaded_at, active FROM document_template WHERE kind = ? ORDER BY loaded_at DESC').all(kind) as TemplateRow[]).map(toVersion);
}

export function selectActiveTemplate(db: Connection, kind: RecordKind): { fileName: string; content: Buffer } | undefined {
  const row = statement(db, 'SELECT file_name, content FROM document_template WHERE kind = ? AND active = 1').get(kind) as { file_name: string; content: Buffer } | undefined;
  return row ? { fileName: row.file_name, content: row.content } : undefined;
}

interface GeneratedRow {
  id: string;
  kind: GeneratedDocument['kind'];
  source_id: string | null;
  urn: string | null;
  school_name: string | null;
  path: string;
  sha256: string;
  created_by: string;
  created_at: string;
}

const toGenerated = (r: GeneratedRow): GeneratedDocument => ({
  id: r.id, kind: r.kind, sourceId: r.source_id, urn: r.urn, schoolName: r.school_name, path: r.path, sha256: r.sha256, createdBy: r.created_by, createdAt: r.created_at,
});

const GENERATED_SELECT = 'SELECT g.*, s.name AS school_name FROM generated_document g LEFT JOIN school s ON s.urn = g.urn';

export function insertGenerated(db: Connection, g: Omit<GeneratedDocument, 'schoolName'>): void {
  statement(db, 'INSERT INTO generated_document (id, kind, source_id, urn, path, sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    g.id, g.kind, g.sourceId, g.urn, g.path, g.sha256, g.createdBy, g.createdAt,
  );
}

export function selectGenerated(db: Connection, filter: { sourceId?: string | undefined; urn?: string | undefined } = {}): GeneratedDocument[] {
  const where = filter.sourceId ? 'WHERE g.source_id = ?' : filter.urn ? 'WHERE g.urn = ?' : '';
  const args = filter.sourceId ? [filter.sourceId] : filter.urn ? [filter.urn] : [];
  return (statement(db, `${GENERATED_SELECT} ${where} ORDER BY g.created_at DESC LIMIT 500`).all(...args) as GeneratedRow[]).map(toGenerated);
}

export function selectGeneratedOne(db: Connection, id: string): GeneratedDocument | undefined {
  const row = statement(db, `${GENERATED_SELECT} WHERE g.id = ?`).get(id) as GeneratedRow | undefined;
  return row ? toGenerated(row) : undefined;
}

/** Visits with a written record and every consultation: what a meeting record can be made from. */
export function selectProducible(db: Connection): { kind: 'visit' | 'consultation'; id: string; school: string; urn: string; date: string }[] {
  return statement(
    db,
    `SELECT 'visit' AS kind, v.id, s.name AS school, v.urn, coalesce(v.held_on, v.visit_date) AS date
       FROM visit v JOIN visit_record r ON r.visit_id = v.id JOIN school s ON s.urn = v.urn
     UNION ALL
     SELECT 'consultation' AS kind, c.id, s.name AS school, c.urn, c.held_on AS date
       FROM consultation c JOIN school s ON s.urn = c.urn
     ORDER BY date DESC, school`,
  ).all() as { kind: 'visit' | 'consultation'; id: string; school: string; urn: string; date: string }[];
}
