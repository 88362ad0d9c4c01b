import type { Migration } from './types.ts';

/**
 * The triggers as created; `audit/chain.ts` compares the schema with them on every check and
 * open, so a dropped or weakened trigger shows. The text must stay as it is.
 */
export const ESCALATION_TRIGGERS = {
  escalation_entry_no_update: `CREATE TRIGGER escalation_entry_no_update BEFORE UPDATE ON escalation_entry
        BEGIN SELECT RAISE(ABORT, 'The escalation log is append-only: an entry cannot be changed'); END`,
  escalation_entry_no_delete: `CREATE TRIGGER escalation_entry_no_delete BEFORE DELETE ON escalation_entry
        BEGIN SELECT RAISE(ABORT, 'The escalation log is append-only: an entry cannot be deleted'); END`,
  escalation_entry_no_replace: `CREATE TRIGGER escalation_entry_no_replace BEFORE INSERT ON escalation_entry
        WHEN EXISTS (
          SELECT 1 FROM escalation_entry e
           WHERE e.id = NEW.id
              OR (e.escalation_id = NEW.escalation_id AND e.version = NEW.version)
              OR (NEW.corrects_id IS NOT NULL AND e.corrects_id = NEW.corrects_id)
        )
        BEGIN SELECT RAISE(ABORT, 'The escalation log is append-only: an entry cannot be replaced'); END`,
} as const;

/**
 * Append-only: triggers refuse any UPDATE or DELETE, and an INSERT that would collide with an
 * entry (which INSERT OR REPLACE would otherwise resolve by deleting it, without the delete trigger).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'safeguarding escalation log',
  up(db) {
    db.exec(`
      CREATE TABLE escalation_entry (
        id TEXT PRIMARY KEY,
        escalation_id TEXT NOT NULL,
        corrects_id TEXT REFERENCES escalation_entry(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        raised_at TEXT NOT NULL,
        raised_by TEXT NOT NULL,
        urn TEXT NOT NULL REFERENCES school(urn),
        children TEXT NOT NULL,
        concern TEXT NOT NULL CHECK (concern IN ('child_protection', 'adult_safeguarding', 'neglect', 'domestic_abuse', 'other')),
        summary TEXT NOT NULL,
        manager_informed_at TEXT,
        manager_informed TEXT,
        late_reason TEXT,
        referral_made TEXT NOT NULL CHECK (referral_made IN ('not_known', 'yes', 'no')),
        referral_at TEXT,
        referral_reference TEXT,
        advice TEXT,
        outcome TEXT,
        closed_at TEXT,
        change_note TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        UNIQUE (escalation_id, version),
        CHECK ((version = 1) = (corrects_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX escalation_entry_corrected_once ON escalation_entry(corrects_id) WHERE corrects_id IS NOT NULL;
    `);
    for (const sql of Object.values(ESCALATION_TRIGGERS)) db.exec(sql);
  },
};
