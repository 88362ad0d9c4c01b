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

export interface ChainedAuditRecord extends AuditRecord {
  id: number;
  prevHash: string;
  hash: string;
}

export function insertAudit(db: Connection, r: ChainedAuditRecord): void {
  statement(db, 'INSERT INTO audit_log (id, at, actor, entity, entity_id, action, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    r.id, r.at, r.actor, r.entity, r.entityId, r.action, r.summary, r.prevHash, r.hash,
  );
}

/**
 * Where the next row goes: after every id ever used (sqlite_sequence remembers ids of rows
 * deleted from the end), chained to the last row's hash (`genesis` when there is none).
 */
export function nextAuditLink(db: Connection, genesis: string): { id: number; prevHash: string } {
  return statement(
    db,
    `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), coalesce((SELECT max(id) FROM audit_log), 0)) + 1 AS id,
            coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), ?) AS prevHash`,
  ).get(genesis) as { id: number; prevHash: string };
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

interface ChainedAuditRow extends AuditRow {
  prev_hash: string | null;
  hash: string | null;
}

export function listAudit(db: Connection, limit: number): AuditEntry[] {
  const rows = statement(db, 'SELECT id, at, actor, entity, entity_id, action, summary FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action, summary: r.summary }));
}

/** One page of the chain in order of id, for the verifier (which must not hold it all). */
export function auditChainPage(db: Connection, afterId: number, limit: number): ChainedAuditRecord[] {
  const rows = statement(db, 'SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as ChainedAuditRow[];
  // NOT NULL holds unless someone rebuilt the table; an empty link then simply fails to match.
  return rows.map((r) => ({
    id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action, summary: r.summary, prevHash: r.prev_hash ?? '', hash: r.hash ?? '',
  }));
}

export function auditIdWithHash(db: Connection, hash: string): number | null {
  const id = statement(db, 'SELECT id FROM audit_log WHERE hash = ? ORDER BY id LIMIT 1').pluck().get(hash) as number | undefined;
  return id ?? null;
}

/** The highest id the audit log has ever used, or null if SQLite has no record of it. */
export function auditHighestIdUsed(db: Connection): number | null {
  const seq = statement(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
  return seq ?? null;
}

export interface TriggerRow {
  name: string;
  table: string;
  sql: string | null;
}

/** The triggers on the given tables as the schema holds them now. */
export function triggersOn(db: Connection, tables: readonly string[]): TriggerRow[] {
  const rows = statement(db, "SELECT name, tbl_name AS \"table\", sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as TriggerRow[];
  return rows.filter((r) => tables.includes(r.table));
}

/** When the newest audit row was written: the moment a copy of the database reflects. */
export function newestAuditAt(db: Connection, schema = 'main'): string | null {
  const at = db.prepare(`SELECT at FROM ${schema}.audit_log ORDER BY id DESC LIMIT 1`).pluck().get();
  return typeof at === 'string' ? at : null;
}

/** Escalations purged (migration 0021) with no audit row saying so: a purge made outside LinkDesk. */
export function purgesWithoutAudit(db: Connection): string[] {
  return (statement(db, `SELECT p.escalation_id AS id FROM escalation_purge p
    WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'escalation' AND a.entity_id = p.escalation_id AND a.action = 'purge') ORDER BY p.escalation_id`).all() as { id: string }[]).map((r) => r.id);
}
