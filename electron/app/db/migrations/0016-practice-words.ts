import type { Connection } from '../cipher.ts';
import { ESCALATION_TRIGGERS } from './0010-escalations.ts';
import { ESCALATION_OPEN_TRIGGER } from './0013-work-in-front.ts';
import type { Migration } from './types.ts';

const OLD_CATEGORY = 'fixed_term_exclusion';

/** Visit records name a child reviewed for suspensions by today's word: "suspension" since 2022. */
function renameSuspensions(db: Connection): void {
  const rows = db.prepare(`SELECT visit_id, data FROM visit_record WHERE data LIKE '%${OLD_CATEGORY}%'`).all() as { visit_id: string; data: string }[];
  const update = db.prepare('UPDATE visit_record SET data = ? WHERE visit_id = ?');
  for (const row of rows) {
    const record = JSON.parse(row.data) as { children?: { category?: string }[] };
    for (const child of record.children ?? []) if (child.category === OLD_CATEGORY) child.category = 'suspension';
    update.run(JSON.stringify(record), row.visit_id);
  }
}

/**
 * The escalation log's table again, with "child missing education" among the concerns and the
 * referral's route. SQLite cannot change a CHECK in place, so the table is built anew and every
 * entry copied as it is; the append-only triggers and the open-escalations trigger are created
 * again with the very text `audit/chain.ts` expects. DROP TABLE fires no DELETE trigger.
 */
function rebuildEscalationLog(db: Connection): void {
  db.exec(`
    -- Emptied first so the drop below leaves no row pointing at a missing entry; refilled at the end.
    DELETE FROM escalation_open;
    CREATE TABLE escalation_entry_new (
      id TEXT PRIMARY KEY,
      escalation_id TEXT NOT NULL,
      corrects_id TEXT REFERENCES escalation_entry_new(id),
      version INTEGER NOT NULL CHECK (version >= 1),
      raised_at TEXT NOT NULL,
      raised_by TEXT NOT NULL,
      urn TEXT NOT NULL REFERENCES school(urn),
      children TEXT NOT NULL,
      concern TEXT NOT NULL CHECK (concern IN ('child_protection', 'adult_safeguarding', 'neglect', 'domestic_abuse', 'missing_education', 'other')),
      summary TEXT NOT NULL,
      manager_informed_at TEXT,
      manager_informed TEXT,
      late_reason TEXT,
      referral_made TEXT NOT NULL CHECK (referral_made IN ('not_known', 'yes', 'no')),
      referral_route TEXT CHECK (referral_route IN ('ifd_mash_by_school', 'ifd_mash_by_team', 'adult_services', 'lado', 'other')),
      referral_route_other TEXT,
      referral_at TEXT,
      referral_reference TEXT,
      advice TEXT,
      outcome TEXT,
      closed_at TEXT,
      change_note TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      UNIQUE (escalation_id, version),
      CHECK ((version = 1) = (corrects_id IS NULL)),
      CHECK ((referral_route = 'other') = (referral_route_other IS NOT NULL))
    ) STRICT;
    -- Every entry before this asked one question: did the school refer to the IFD / MASH.
    INSERT INTO escalation_entry_new (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary,
        manager_informed_at, manager_informed, late_reason, referral_made, referral_route, referral_route_other, referral_at, referral_reference,
        advice, outcome, closed_at, change_note, recorded_by, recorded_at)
      SELECT id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary,
        manager_informed_at, manager_informed, late_reason, referral_made, 'ifd_mash_by_school', NULL, referral_at, referral_reference,
        advice, outcome, closed_at, change_note, recorded_by, recorded_at
      FROM escalation_entry ORDER BY version;
    DROP TABLE escalation_entry;
    ALTER TABLE escalation_entry_new RENAME TO escalation_entry;
    CREATE UNIQUE INDEX escalation_entry_corrected_once ON escalation_entry(corrects_id) WHERE corrects_id IS NOT NULL;
  `);
  for (const sql of Object.values(ESCALATION_TRIGGERS)) db.exec(sql);
  for (const sql of Object.values(ESCALATION_OPEN_TRIGGER)) db.exec(sql);
  db.exec(`
    INSERT INTO escalation_open (escalation_id, entry_id)
      SELECT e.escalation_id, e.id FROM escalation_entry e
       WHERE e.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = e.id);
  `);
}

/**
 * Practice as it is now: "suspension" for what was a fixed-term exclusion, a concern of its own
 * for a child missing education, and the route of an escalation's referral.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'practice words: suspensions, children missing education, referral routes',
  up(db) {
    renameSuspensions(db);
    rebuildEscalationLog(db);
  },
};
