/** The first-run checklist on a new team database's dashboard: set-up steps that tick themselves. */

export const FIRST_RUN_STEPS = ['schools', 'people', 'schoolYear', 'teamFolder', 'templates', 'allocations'] as const;
export type FirstRunStepId = (typeof FIRST_RUN_STEPS)[number];

export interface FirstRunStep {
  id: FirstRunStepId;
  title: string;
  /** Where the database stands on this step, in words: "38 open schools", "Not set yet". */
  detail: string;
  done: boolean;
  /** A step the team may leave as it is (LinkDesk's own templates work without a letterhead). */
  optional: boolean;
  /** The screen that does it (an app route). */
  link: string;
  /** The link's words. */
  action: string;
}

export interface FirstRunChecklist {
  steps: FirstRunStep[];
  /** Every step that is not optional is done: the dashboard no longer shows the list. */
  complete: boolean;
}

/** "1 school", "2 schools": plurals right on screen. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
