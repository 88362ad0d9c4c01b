import type { Migration } from './types.ts';

/**
 * The one way an entry of the append-only escalation log may change: a retention purge. A purge
 * first writes a row in escalation_purge (in the same transaction as its audit row, so the hash
 * chain records it), and only then may the entries of that escalation be updated, and only to
 * blank the children's references and the free text: every date, the school, the concern and
 * the referral's answers must stay as they were, so the reports' counts do not move. Anything
 * else is refused as before. escalation_purge is itself append-only.
 *
 * `audit/chain.ts` compares the schema with this text on every check and open.
 */
export const ESCALATION_PURGE_TRIGGERS = {
  escalation_entry_no_update: `CREATE TRIGGER escalation_entry_no_update BEFORE UPDATE ON escalation_entry
        WHEN NOT (
          EXISTS (SELECT 1 FROM escalation_purge p WHERE p.escalation_id = OLD.escalation_id)
          AND NEW.id IS OLD.id AND NEW.escalation_id IS OLD.escalation_id AND NEW.corrects_id IS OLD.corrects_id AND NEW.version IS OLD.version
          AND NEW.raised_at IS OLD.raised_at AND NEW.urn IS OLD.urn AND NEW.concern IS OLD.concern
          AND NEW.manager_informed_at IS OLD.manager_informed_at AND NEW.referral_made IS OLD.referral_made AND NEW.referral_route IS OLD.referral_route
          AND NEW.referral_at IS OLD.referral_at AND NEW.closed_at IS OLD.closed_at AND NEW.recorded_by IS OLD.recorded_by AND NEW.recorded_at IS OLD.recorded_at
          AND NEW.children = '[]' AND NEW.summary = '' AND NEW.raised_by = '' AND NEW.manager_informed IS NULL AND NEW.late_reason IS NULL
          AND NEW.referral_route_other IS (CASE WHEN OLD.referral_route_other IS NULL THEN NULL ELSE '' END)
          AND NEW.referral_reference IS NULL AND NEW.advice IS NULL AND NEW.outcome IS NULL AND NEW.change_note IS NULL
        )
        BEGIN SELECT RAISE(ABORT, 'The escalation log is append-only: an entry cannot be changed'); END`,
  escalation_purge_no_update: `CREATE TRIGGER escalation_purge_no_update BEFORE UPDATE ON escalation_purge
        BEGIN SELECT RAISE(ABORT, 'The record of purges is append-only'); END`,
  escalation_purge_no_delete: `CREATE TRIGGER escalation_purge_no_delete BEFORE DELETE ON escalation_purge
        BEGIN SELECT RAISE(ABORT, 'The record of purges is append-only'); END`,
} as const;

export const migration0021: Migration = {
  version: 21,
  name: 'retention: the escalation log’s one permitted change, a recorded purge',
  up(db) {
    db.exec(`
      CREATE TABLE escalation_purge (
        escalation_id TEXT PRIMARY KEY,
        purged_on TEXT NOT NULL,
        purged_by TEXT NOT NULL
      ) STRICT;
      DROP TRIGGER escalation_entry_no_update;
    `);
    for (const sql of Object.values(ESCALATION_PURGE_TRIGGERS)) db.exec(sql);
  },
};
