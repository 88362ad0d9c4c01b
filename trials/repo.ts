/** The trials' only SQL: what a database holds, as row counts per table (the audit log without its opens), to compare states. */
import type { Connection } from '../electron/app/db/cipher.ts';

export type Fingerprint = Record<string, number>;

export function fingerprintOf(db: Connection): Fingerprint {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Fingerprint = {};
  for (const table of tables) {
    // Opening with a person's own passphrase writes an `open` row (access/opened.ts): the judge's own opens are not part of any change.
    const where = table === 'audit_log' ? " WHERE action <> 'open'" : '';
    counts[table] = db.prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"${where}`).pluck().get() as number;
  }
  return counts;
}
