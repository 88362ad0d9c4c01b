/** The trials' only SQL: what a database holds, as row counts per table, to compare states. */
import type { Connection } from '../electron/app/db/cipher.ts';

export type Fingerprint = Record<string, number>;

export function fingerprintOf(db: Connection): Fingerprint {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Fingerprint = {};
  for (const table of tables) counts[table] = db.prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`).pluck().get() as number;
  return counts;
}
