import type { GeneratedDocument, ProducibleRecord, TemplateKind, TemplateVersion } from '../../../shared/domain/documents.ts';
import type { PageRequest } from '../../../shared/domain/paging.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface TemplateRow {
  id: string;
  kind: TemplateKind;
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
export function activateTemplate(db: Connection, kind: TemplateKind, id: string | null): void {
  statement(db, 'UPDATE document_template SET active = 0 WHERE kind = ? AND active = 1').run(kind);
  if (id) statement(db, 'UPDATE document_template SET active = 1 WHERE id = ? AND kind = ?').run(id, kind);
}

export function selectTemplateVersions(db: Connection, kind: TemplateKind): TemplateVersion[] {
  return (statement(db, 'SELECT id, kind, file_name, sha256, loaded_by, loaded_at, active FROM document_template WHERE kind = ? ORDER BY loaded_at DESC').all(kind) as TemplateRow[]).map(toVersion);
}

export function selectActiveTemplate(db: Connection, kind: TemplateKind): { fileName: string; content: Buffer } | undefined {
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

export function selectGenerated(db: Connection, filter: { sourceId?: string | undefined; urn?: string | undefined } = {}, page: PageRequest = { offset: 0, limit: 500 }): GeneratedDocument[] {
  const { where, args } = generatedFilter(filter);
  return (statement(db, `${GENERATED_SELECT} ${where} ORDER BY g.created_at DESC, g.id DESC LIMIT ? OFFSET ?`).all(...args, page.limit, page.offset) as GeneratedRow[]).map(toGenerated);
}

export function countGenerated(db: Connection, filter: { sourceId?: string | undefined; urn?: string | undefined } = {}): number {
  const { where, args } = generatedFilter(filter);
  return statement(db, `SELECT count(*) FROM generated_document g ${where}`).pluck().get(...args) as number;
}

function generatedFilter(filter: { sourceId?: string | undefined; urn?: string | undefined }): { where: string; args: string[] } {
  if (filter.sourceId) return { where: 'WHERE g.source_id = ?', args: [filter.sourceId] };
  if (filter.urn) return { where: 'WHERE g.urn = ?', args: [filter.urn] };
  return { where: '', args: [] };
}

export function selectGeneratedOne(db: Connection, id: string): GeneratedDocument | undefined {
  const row = statement(db, `${GENERATED_SELECT} WHERE g.id = ?`).get(id) as GeneratedRow | undefined;
  return row ? toGenerated(row) : undefined;
}

/**
 * Visits with a written record and every consultation, newest first: what a meeting record can
 * be made from. Each half is read in order from its own index and the two merged, so a page
 * costs its own rows (a held visit always has held_on; only held visits can have a record).
 */
export function selectProducible(db: Connection, page: PageRequest = { offset: 0, limit: 500 }): ProducibleRecord[] {
  return statement(
    db,
    `SELECT 'visit' AS kind, v.id AS id, s.name AS school, v.urn AS urn, v.held_on AS date
       FROM visit v JOIN school s ON s.urn = v.urn
      WHERE v.held_on IS NOT NULL AND EXISTS (SELECT 1 FROM visit_record r WHERE r.visit_id = v.id)
     UNION ALL
     SELECT 'consultation', c.id, s.name, c.urn, c.held_on
       FROM consultation c JOIN school s ON s.urn = c.urn
     ORDER BY 5 DESC, 2 DESC LIMIT ? OFFSET ?`,
  ).all(page.limit, page.offset) as ProducibleRecord[];
}

export function countProducible(db: Connection): number {
  return statement(db, 'SELECT (SELECT count(*) FROM visit_record) + (SELECT count(*) FROM consultation)').pluck().get() as number;
}
