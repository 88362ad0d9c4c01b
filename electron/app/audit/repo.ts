import type { AuditEntry } from '../../../shared/domain/team.ts';
import { statement, type Connection } from '../db/cipher.ts';

export interface AuditRecord {
  at: string;
  actor: string;
  entity: string;
  entityId: string | null;
  action: string;
  /** Field names and counts only: audit rows must not copy sensitive values. */
  summary: string | null;
}

export function insertAudit(db: Connection, r: AuditRecord): void {
  statement(db, 'INSERT INTO audit_log (at, actor, entity, entity_id, action, summary) VALUES (?, ?, ?, ?, ?, ?)').run(
    r.at, r.actor, r.entity, r.entityId, r.action, r.summary,
  );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string | null;
  action: string;
  summary: string | null;
}

export function listAudit(db: Connection, limit: number): AuditEntry[] {
  const rows = statement(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action, summary: r.summary }));
}

/** When the newest audit row was written: the moment a copy of the database reflects. */
export function newestAuditAt(db: Connection, schema = 'main'): string | null {
  const at = db.prepare(`SELECT at FROM ${schema}.audit_log ORDER BY id DESC LIMIT 1`).pluck().get();
  return typeof at === 'string' ? at : null;
}
