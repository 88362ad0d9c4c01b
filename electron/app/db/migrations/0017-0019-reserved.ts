import type { Migration } from './types.ts';

/**
 * PLACEHOLDERS on the school-story branch only: migrations 17, 18 and 19 belong to the
 * `actions`, `record-versions` and `planner-grid` branches (issue 14 parts 2, 5 and 4). They are
 * here so this branch's migration 20 keeps the numbers gap-free; the merge takes those branches'
 * migrations instead of this file, which it deletes.
 */
const reserved = (version: number, branch: string): Migration => ({ version, name: `reserved for the ${branch} branch`, up() {} });

export const migration0017 = reserved(17, 'actions');
export const migration0018 = reserved(18, 'record-versions');
export const migration0019 = reserved(19, 'planner-grid');
