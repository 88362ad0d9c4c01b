import type { Migration } from './types.ts';

/**
 * The escalation log's update trigger once more: as 0021's (a recorded purge is the one change
 * allowed), and the reason kind must stay as it was too, since the reports count it.
 * `audit/chain.ts` compares the schema with this text on every check and open.
 */
export const ESCALATION_KIND_TRIGGERS = {
  escalation_entry_no_update: `CREATE TRIGGER escalation_entry_no_update BEFORE UPDATE ON escalation_entry
        WHEN NOT (
          EXISTS (SELECT 1 FROM escalation_purge p WHERE p.escalation_id = OLD.escalation_id)
          AND NEW.id IS OLD.id AND NEW.escalation_id IS OLD.escalation_id AND NEW.corrects_id IS OLD.corrects_id AND NEW.version IS OLD.version
          AND NEW.raised_at IS OLD.raised_at AND NEW.urn IS OLD.urn AND NEW.concern IS OLD.concern
          AND NEW.manager_informed_at IS OLD.manager_informed_at AND NEW.late_reason_kind IS OLD.late_reason_kind
          AND NEW.referral_made IS OLD.referral_made AND NEW.referral_route IS OLD.referral_route
          AND NEW.referral_at IS OLD.referral_at AND NEW.closed_at IS OLD.closed_at AND NEW.recorded_by IS OLD.recorded_by AND NEW.recorded_at IS OLD.recorded_at
          AND NEW.children = '[]' AND NEW.summary = '' AND NEW.raised_by = '' AND NEW.manager_informed IS NULL AND NEW.late_reason IS NULL
          AND NEW.referral_route_other IS (CASE WHEN OLD.referral_route_other IS NULL THEN NULL ELSE '' END)
          AND NEW.referral_reference IS NULL AND NEW.advice IS NULL AND NEW.outcome IS NULL AND NEW.change_note IS NULL
        )
        BEGIN SELECT RAISE(ABORT, 'The escalation log is append-only: an entry cannot be changed'); END`,
} as const;

/**
 * Why a visit was cancelled and why the manager was told late, as a kind from a fixed list beside
 * the words (shared/domain/reason-kinds.ts; the lists are written out here so this migration
 * never changes with them). Rows from before stay NULL, "not categorised": nobody chose a kind
 * for them, and a guessed 'other' would mix what is unknown with what is genuinely another
 * reason (the escalation log is append-only anyway; a correction can set its kind).
 */
export const migration0023: Migration = {
  version: 23,
  name: 'reason kinds for cancelled visits and managers told late',
  up(db) {
    db.exec(`
      ALTER TABLE visit ADD COLUMN cancelled_reason_kind TEXT
        CHECK (cancelled_reason_kind IN ('school_request', 'school_closure', 'worker_unavailable', 'moved_to_next_term', 'no_longer_needed', 'other'));
      ALTER TABLE escalation_entry ADD COLUMN late_reason_kind TEXT
        CHECK (late_reason_kind IN ('out_of_hours', 'manager_unavailable', 'worker_absent', 'system_problem', 'other'));
      DROP TRIGGER escalation_entry_no_update;
    `);
    for (const sql of Object.values(ESCALATION_KIND_TRIGGERS)) db.exec(sql);
  },
};
