import type { Migration } from './types.ts';

/**
 * Whether the team serves a school: a school's own choice, set on its page. NULL (every school
 * here when the migration runs) means its category decides, through the team setting
 * `categoriesInScope`, whose absence means every category: so nothing leaves the planner, the
 * dashboard, the nurse flag or the SPOC list until the team says so.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'schools in the team’s scope',
  up(db) {
    db.exec('ALTER TABLE school ADD COLUMN in_scope INTEGER CHECK (in_scope IN (0, 1))');
  },
};
