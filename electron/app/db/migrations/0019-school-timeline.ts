import type { Migration } from './types.ts';

/**
 * A school's escalations, newest first, read from an index (the school's timeline): the log had
 * none by school, so every page of a timeline read the whole county's log. The closed ones have
 * their own partial index, as the timeline reads them by the day they closed.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'a school’s escalations by date, for its timeline',
  up(db) {
    db.exec(`
      CREATE INDEX escalation_entry_school ON escalation_entry(urn, raised_at);
      CREATE INDEX escalation_entry_school_closed ON escalation_entry(urn, closed_at) WHERE closed_at IS NOT NULL;
    `);
  },
};
