/** The audit log's part in per-person access: which access changes it records, and who opened when. */
import { statement, type Connection } from '../db/cipher.ts';

export function auditedAccessEvents(db: Connection): Set<string> {
  const rows = statement(db, "SELECT entity_id AS id FROM audit_log WHERE entity = 'access' AND entity_id IS NOT NULL").all() as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** The latest "opened" row of each actor. */
export function lastOpenedByActor(db: Connection): Map<string, string> {
  const rows = statement(db, "SELECT actor, max(at) AS at FROM audit_log WHERE entity = 'database' AND action = 'open' GROUP BY actor").all() as { actor: string; at: string }[];
  return new Map(rows.map((r) => [r.actor, r.at]));
}
