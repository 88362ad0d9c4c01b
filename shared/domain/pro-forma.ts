/**
 * The SPOC visit pro forma (seed 001): sent to the school ten working days before the visit,
 * returned five working days before with the children the visit will discuss. This module is the
 * contract between the return sheet LinkDesk writes (templates/pro-forma-return.xlsx) and the
 * reader that imports what the school sends back: the columns, the words for each reason a child
 * is listed, and the suspension threshold of the school's phase.
 *
 * A return lists children by reference only (initials, year group, a case ID): it has no column
 * for a name, and a row that holds one is refused whole.
 */
import { PERSISTENT_ABSENCE_PERCENT, SEVERE_ABSENCE_PERCENT } from './attendance.ts';

/** The return sheet's columns in order, with the other headings a school's own layout may use (compared folded: case, spaces, punctuation). */
export const RETURN_COLUMNS = [
  { key: 'initials', header: 'Initials', aliases: ['Child initials', 'Pupil initials', 'Child’s initials'], required: true },
  { key: 'yearGroup', header: 'Year group', aliases: ['Year', 'NC year', 'National curriculum year', 'Yr'], required: true },
  { key: 'caseId', header: 'Case ID', aliases: ['Case reference', 'Case ref', 'LCS ID', 'Mosaic ID', 'EHM ID', 'Early Help ID'], required: false },
  { key: 'reason', header: 'Reason listed', aliases: ['Reason', 'Category', 'Why listed', 'Reason for discussion'], required: true },
  { key: 'attendancePercent', header: 'Attendance %', aliases: ['Attendance', 'Attendance (%)', 'Attendance percentage', 'Attendance percent'], required: false },
  { key: 'suspensionDays', header: 'Suspension days (last three terms)', aliases: ['Suspension days', 'Days suspended', 'Suspensions (days)', 'Days of suspension'], required: false },
] as const;
export type ReturnColumnKey = (typeof RETURN_COLUMNS)[number]['key'];

/** Headings that mean the school has listed names: a row with anything under one is refused. */
export const NAME_HEADINGS = ['Name', 'Child name', 'Pupil name', 'Full name', 'Forename', 'First name', 'Surname', 'Last name', 'Legal name', 'Preferred name'] as const;

/**
 * Why a school lists a child (seed 001). The first three are the reasons a termly visit reviews a
 * child; managed moves and alternative provision are the pro forma's other lists.
 */
export const RETURN_REASONS = ['persistent_absence', 'suspension', 'pex_risk', 'managed_move', 'alternative_provision'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** The words the return sheet offers in its drop-down, one per reason; the reader also takes the aliases below. */
export const RETURN_REASON_WORDS: Record<ReturnReason, string> = {
  persistent_absence: 'Persistent absence (top 10%)',
  suspension: 'Suspensions at or above threshold',
  pex_risk: 'At risk of permanent exclusion',
  managed_move: 'Managed move',
  alternative_provision: 'Alternative provision',
};
export const RETURN_REASON_ALIASES: Record<ReturnReason, readonly string[]> = {
  persistent_absence: ['Persistent absence', 'Persistently absent', 'PA', 'Attendance', 'Severe absence'],
  suspension: ['Suspension', 'Suspensions', 'Suspended', 'Fixed-term exclusion', 'FTE', 'Fixed term exclusion'],
  pex_risk: ['Risk of permanent exclusion', 'Permanent exclusion risk', 'PEX risk', 'PEX', 'At risk of exclusion'],
  managed_move: ['Managed moves', 'MM'],
  alternative_provision: ['AP', 'Alternative provision placement'],
};

/** Suspension days in the last three terms at or above which a child is listed: 5 in a primary school, 10 in a secondary (seed 001). */
export const SUSPENSION_THRESHOLD_DAYS = { primary: 5, secondary: 10 } as const;

/** The threshold a school's pro forma states; all-through, special and other schools are given both, as their phase decides per child. */
export function suspensionThresholdFor(category: string): { days: number | null; words: string } {
  if (category === 'primary' || category === 'nursery') return { days: SUSPENSION_THRESHOLD_DAYS.primary, words: `${SUSPENSION_THRESHOLD_DAYS.primary} or more school days of suspension in the last three terms` };
  if (category === 'secondary' || category === 'further_education') return { days: SUSPENSION_THRESHOLD_DAYS.secondary, words: `${SUSPENSION_THRESHOLD_DAYS.secondary} or more school days of suspension in the last three terms` };
  return {
    days: null,
    words: `${SUSPENSION_THRESHOLD_DAYS.primary} or more school days of suspension in the last three terms for a primary-age child, ${SUSPENSION_THRESHOLD_DAYS.secondary} or more for a secondary-age child`,
  };
}

/** The definitions both pro forma documents state, in the DfE's current terms. */
export const PRO_FORMA_DEFINITIONS = [
  `Persistent absence: missing ${PERSISTENT_ABSENCE_PERCENT}% or more of possible sessions (a session is a morning or an afternoon).`,
  `Severe absence: missing ${SEVERE_ABSENCE_PERCENT}% or more of possible sessions.`,
  'Suspension days: the school days a child was suspended (formerly fixed-term exclusion), counted over the last three terms.',
  'List children by initials, year group and any case ID only. Do not write a child’s name anywhere on the return: a row with a name is refused and nothing from it is kept.',
] as const;
