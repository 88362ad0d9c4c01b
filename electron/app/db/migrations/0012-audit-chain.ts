import { auditRowHash, GENESIS_HASH } from '../../audit/chain-hash.ts';
import type { Migration } from './types.ts';

/**
 * The triggers as created; `audit/chain.ts` compares the schema with them on every check and
 * open. Rows can only be added after the last one, with an id above every id used and chained
 * to the last row's hash: this also refuses INSERT OR REPLACE over an existing row, which
 * would otherwise delete it without firing the delete trigger.
 */
export const AUDIT_TRIGGERS = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: a row cannot be changed'); END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: a row cannot be deleted'); END`,
  audit_log_in_order: `CREATE TRIGGER audit_log_in_order BEFORE INSERT ON audit_log
        WHEN NEW.id IS NULL
          OR NEW.id <= coalesce((SELECT max(id) FROM audit_log), 0)
          OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${GENESIS_HASH}')
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: a row can only be added after the last one, chained to its hash'); END`,
} as const;

interface LegacyRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string | null;
  action: string;
  summary: string | null;
}

const BATCH = 1000;

/**
 * Rebuilds the audit log with `prev_hash` and `hash` (SQLite cannot add NOT NULL columns
 * without a default, nor AUTOINCREMENT, to a table) and chains the existing rows in order of
 * id. AUTOINCREMENT keeps the highest id ever used in sqlite_sequence, so rows deleted from
 * the end still show. The chain vouches for these rows from now on; it cannot tell whether
 * they were changed before this migration.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'audit log hash chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log RENAME TO audit_log_unchained;
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        action TEXT NOT NULL,
        summary TEXT,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
      ) STRICT;
    `);
    // In batches: a long-lived team's log need not be held in memory at once.
    const read = db.prepare('SELECT * FROM audit_log_unchained WHERE id > ? ORDER BY id LIMIT ?');
    const insert = db.prepare(
      'INSERT INTO audit_log (id, at, actor, entity, entity_id, action, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let prevHash = GENESIS_HASH;
    let lastId = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = read.all(lastId, BATCH) as LegacyRow[];
      if (rows.length === 0) break;
      for (const r of rows) {
        const hash = auditRowHash({ id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action, summary: r.summary, prevHash });
        insert.run(r.id, r.at, r.actor, r.entity, r.entity_id, r.action, r.summary, prevHash, hash);
        prevHash = hash;
        lastId = r.id;
      }
    }
    db.exec(`
      DROP TABLE audit_log_unchained;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `);
    for (const sql of Object.values(AUDIT_TRIGGERS)) db.exec(sql);
  },
};
