import type { Migration } from './types.ts';

/**
 * Who held each visit, for the termly and annual reports, and the indexes that let a report read
 * one period of the history rather than all of it. Migration 0018 added `visit.held_by` but a
 * visit marked held without a name, and every visit held before it, left it empty: those are
 * given the school's named link worker on the day the visit was held (the allocation in force
 * then), which is who the team expected to hold it. A visit whose school had no named worker on
 * that day stays empty ("not recorded"), rather than guessed.
 *
 * Contacts and escalations are indexed by their day (the first ten characters of the time), not
 * by the time itself: an index on the time would also serve "newest first" over the whole table,
 * and the planner took it for the dashboard's open escalations, walking the log instead of the
 * few open entries. Only a query that asks for the day uses these.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'who held each visit; the reports’ indexes by period',
  up(db) {
    db.exec(`
      UPDATE visit SET held_by = (
        SELECT a.person_id FROM allocation a
         WHERE a.urn = visit.urn AND a.role = 'named' AND a.from_date <= visit.held_on AND (a.to_date IS NULL OR a.to_date >= visit.held_on)
         ORDER BY a.from_date DESC LIMIT 1)
       WHERE held_by IS NULL AND held_on IS NOT NULL AND status IN ('held', 'record_written');
      CREATE INDEX visit_term ON visit(year_label, term);
      CREATE INDEX contact_day ON contact(substr(at, 1, 10));
      CREATE INDEX escalation_entry_raised_day ON escalation_entry(substr(raised_at, 1, 10));
    `);
  },
};
