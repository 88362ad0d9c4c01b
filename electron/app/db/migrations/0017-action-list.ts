import type { Connection } from '../cipher.ts';
import type { Migration } from './types.ts';

/**
 * One list of every action to close: the actions of visit records (until now in record_action,
 * which had no owner and no "done" anyone could set), the actions of consultations, contact
 * follow-ups and escalation outcomes to chase. Each row names where it came from
 * (source, source_id, source_key), so writing the source again finds the same row and keeps its
 * owner and its "done". The open rows sit in partial indexes, so the dashboard and the action
 * list read the work still to do, not the years of closed actions behind it.
 *
 * The SQL of the copies is frozen here (not shared with actions/sync.ts) so that a later change
 * to the rules cannot change what this migration did.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'one action list',
  up(db) {
    db.exec(`
      CREATE TABLE action (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('visit_record', 'consultation', 'contact', 'escalation')),
        source_id TEXT NOT NULL,
        source_key TEXT NOT NULL,
        urn TEXT NOT NULL REFERENCES school(urn),
        about TEXT,
        text TEXT NOT NULL,
        who TEXT,
        owner_id TEXT REFERENCES person(id),
        due_on TEXT,
        done_on TEXT,
        done_by TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (source, source_id, source_key),
        CHECK ((done_on IS NULL) = (done_by IS NULL))
      ) STRICT;
      CREATE INDEX action_open ON action(due_on) WHERE done_on IS NULL;
      CREATE INDEX action_open_owner ON action(owner_id, due_on) WHERE done_on IS NULL;
      CREATE INDEX action_school ON action(urn, done_on);
      CREATE INDEX action_done ON action(done_on) WHERE done_on IS NOT NULL;

      -- A school's SPOC owns the actions that came without a person: the named worker now.
      CREATE TEMP VIEW spoc_now AS SELECT urn, person_id FROM allocation WHERE role = 'named' AND to_date IS NULL;

      INSERT INTO action (id, source, source_id, source_key, urn, about, text, who, owner_id, due_on, done_on, done_by, created_at)
        SELECT lower(hex(randomblob(16))), 'visit_record', a.visit_id,
               a.initials || '|' || a.year_group || '|' || (row_number() OVER (PARTITION BY a.visit_id, a.initials, a.year_group ORDER BY a.position) - 1),
               a.urn, a.initials || ' Y' || a.year_group, coalesce(a.action, ''), a.who, (SELECT person_id FROM spoc_now WHERE urn = a.urn), a.due_on,
               CASE WHEN a.done = 1 THEN substr(r.written_at, 1, 10) END, CASE WHEN a.done = 1 THEN r.written_by END, r.written_at
          FROM record_action a JOIN visit_record r ON r.visit_id = a.visit_id;

      INSERT INTO action (id, source, source_id, source_key, urn, about, text, who, owner_id, due_on, done_on, done_by, created_at)
        SELECT lower(hex(randomblob(16))), 'contact', c.id, '', c.urn, NULL, c.follow_up, NULL, c.worker_id, c.follow_up_due,
               c.follow_up_done_on, CASE WHEN c.follow_up_done_on IS NOT NULL THEN c.recorded_by END, c.recorded_at
          FROM contact c WHERE c.follow_up IS NOT NULL;

      -- An escalation whose referral was made and whose outcome is not yet known: chase it a week on.
      INSERT INTO action (id, source, source_id, source_key, urn, about, text, who, owner_id, due_on, done_on, done_by, created_at)
        SELECT lower(hex(randomblob(16))), 'escalation', e.escalation_id, 'outcome', e.urn, NULL, 'Find out the outcome of the referral', NULL,
               (SELECT person_id FROM spoc_now WHERE urn = e.urn), date(substr(coalesce(e.referral_at, e.raised_at), 1, 10), '+7 days'), NULL, NULL, e.recorded_at
          FROM escalation_open o JOIN escalation_entry e ON e.id = o.entry_id
         WHERE e.referral_made = 'yes' AND e.outcome IS NULL;
    `);
    copyConsultationActions(db);
    db.exec(`
      DROP VIEW temp.spoc_now;
      DROP TABLE record_action;
    `);
  },
};

/** Each line of a consultation's actions is an action, due two weeks after the consultation. */
function copyConsultationActions(db: Connection): void {
  const rows = db.prepare("SELECT id, urn, held_on, json_extract(data, '$.actions') AS actions, recorded_at FROM consultation WHERE json_extract(data, '$.actions') <> ''").all() as {
    id: string; urn: string; held_on: string; actions: string | null; recorded_at: string;
  }[];
  const insert = db.prepare(`INSERT INTO action (id, source, source_id, source_key, urn, text, owner_id, due_on, created_at)
    VALUES (lower(hex(randomblob(16))), 'consultation', ?, ?, ?, ?, (SELECT person_id FROM spoc_now WHERE urn = ?), date(?, '+14 days'), ?)`);
  for (const row of rows) {
    const seen = new Map<string, number>();
    for (const raw of (row.actions ?? '').split('\n')) {
      const text = raw.replace(/^\s*[-*•]\s*/, '').trim();
      if (!text) continue;
      const n = seen.get(text) ?? 0;
      seen.set(text, n + 1);
      insert.run(row.id, `${text}|${n}`, row.urn, text, row.urn, row.held_on, row.recorded_at);
    }
  }
}
