/**
 * What a termly visit and an Early Help Consultation record. Children are recorded by reference
 * only (initials, year group, an optional case-system ID), never by name.
 */
import { z } from 'zod';
import { formatDate } from '../format.ts';
import { isoDate } from '../dates.ts';
import { line, lines } from './text.ts';
import { ChosenSchool } from './schools.ts';
import { looksLikeFullName } from './child-names.ts';
import { ABSENCE_BAND_LABELS, absenceBandOfAttendance, SEVERE_ABSENCE_PERCENT } from './attendance.ts';

export const YEAR_GROUPS = ['N', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

export function yearGroupLabel(year: YearGroup): string {
  return year === 'N' ? 'Nursery' : year === 'R' ? 'Reception' : `Year ${year}`;
}

const yearsFrom = (first: YearGroup, last: YearGroup): YearGroup[] => YEAR_GROUPS.slice(YEAR_GROUPS.indexOf(first), YEAR_GROUPS.indexOf(last) + 1);

/**
 * The year groups a school teaches, from its GIAS phase and LinkDesk category: a primary
 * Reception to Year 6, a secondary Years 7 to 13 (GIAS does not say whether a sixth form is
 * still open), a middle school Years 3 to 8 (deemed primary) or 4 to 9 (deemed secondary), a
 * nursery its two. Special
 * schools, APCs, all-through and independent schools can teach any year, so every year is
 * offered. The first is the form's default.
 */
export function yearGroupsFor(school: { phase: string; category: string }): YearGroup[] {
  const phase = school.phase.trim().toLowerCase();
  if (phase === 'middle deemed primary') return yearsFrom('3', '8');
  if (phase === 'middle deemed secondary') return yearsFrom('4', '9');
  if (phase === '16 plus') return yearsFrom('12', '14');
  switch (school.category) {
    case 'primary':
      return yearsFrom('R', '6');
    case 'secondary':
      return yearsFrom('7', '13');
    case 'nursery':
      return yearsFrom('N', 'R');
    case 'further_education':
      return yearsFrom('12', '14');
    default:
      return [...YEAR_GROUPS];
  }
}

/** The year groups to offer for one child: the school's, and the one already recorded if the school's list has lost it (a record is never changed by a list). */
export function yearGroupChoices(offered: readonly YearGroup[], recorded?: YearGroup): YearGroup[] {
  if (!recorded || offered.includes(recorded)) return [...offered];
  return YEAR_GROUPS.filter((y) => y === recorded || offered.includes(y));
}

export { looksLikeFullName };

/** The workers of the team who hold a school's roles, as the record names them. */
export interface SchoolLinks {
  spoc: string | null;
  secondary: string | null;
}

/** "Who attended from the team", before anyone types: the school's SPOC and secondary link worker. */
export function teamAttendeesOf(links: SchoolLinks): string {
  return [links.spoc ? `${links.spoc} (SPOC)` : null, links.secondary ? `${links.secondary} (secondary link worker)` : null].filter(Boolean).join('; ');
}

/**
 * Who can be given an action, as the record writes them: the school's SPOC and secondary link
 * worker, the school's DSL and head teacher (or the role alone when the team has no name),
 * then the team's other workers. The screen adds "someone else", typed.
 */
export function whoChoices(input: SchoolLinks & { workers: readonly string[]; dslName: string | null; headTeacher: string | null }): string[] {
  const choices = [
    input.spoc ? `${input.spoc} (SPOC)` : null,
    input.secondary ? `${input.secondary} (secondary link worker)` : null,
    input.dslName ? `${input.dslName} (DSL)` : 'The school’s DSL',
    input.headTeacher ? `${input.headTeacher} (head teacher)` : 'The head teacher',
    ...input.workers.filter((w) => w !== input.spoc && w !== input.secondary),
  ].filter((c): c is string => Boolean(c));
  return [...new Set(choices)];
}

/**
 * The next visit the record can name: the school's first visit after this one (by school year,
 * then term) that has a date and is not cancelled.
 */
export function plannedNextVisit(
  visits: readonly { id: string; yearLabel: string; term: string; date: string | null; status: string }[],
  current: { yearLabel: string; term: string },
): string | null {
  const order = (v: { yearLabel: string; term: string }) => `${v.yearLabel}-${TERM_ORDER.indexOf(v.term)}`;
  const after = visits.filter((v) => v.date && v.status !== 'cancelled' && order(v) > order(current)).sort((a, b) => order(a).localeCompare(order(b)));
  return after[0]?.date ?? null;
}
const TERM_ORDER = ['autumn', 'spring', 'summer'];

export const ChildRef = z.object({
  initials: line().min(1, 'Give the child’s initials').max(40),
  yearGroup: z.enum(YEAR_GROUPS, 'Choose the year group'),
  caseId: line().max(30).optional().transform((v) => (v ? v : null)),
});

/**
 * Why a child was reviewed at a termly visit (seed 001): among the school's top 10% of
 * persistently absent pupils; suspended (called fixed-term exclusion until 2022) for at least
 * the threshold's school days in the last three terms; at imminent risk of permanent exclusion.
 */
export const CHILD_CATEGORIES = ['persistent_absence', 'suspension', 'pex_risk', 'other'] as const;
export type ChildCategory = (typeof CHILD_CATEGORIES)[number];
export const CHILD_CATEGORY_LABELS: Record<ChildCategory, string> = {
  persistent_absence: 'Persistently absent: among the school’s top 10% of persistently absent pupils',
  suspension: 'Suspensions at or above the threshold (last three terms)',
  pex_risk: 'Imminent risk of permanent exclusion',
  other: 'Other',
};
export const DECISIONS = ['yes', 'no', 'provisional'] as const;
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = { yes: 'Yes', no: 'No', provisional: 'Provisionally agreed' };

const optionalText = (max: number) => (max >= 1000 ? lines() : line()).max(max).optional().transform((v) => (v ? v : null));

/**
 * What a person has confirmed is not a child's name: a reference that looks like a name but is
 * initials, or words in the notes that name an adult or a place. A Word record is made only when
 * every finding of shared/domain/child-names.ts is confirmed here or corrected.
 */
const ConfirmedNotNames = z.array(line().min(1).max(200)).max(200).optional().transform((v) => v ?? []);

export const ChildReview = z.object({
  child: ChildRef,
  category: z.enum(CHILD_CATEGORIES),
  /**
   * The child's attendance as the school gives it, a percentage of possible sessions to one
   * decimal place; optional, and absent from records written before it was asked.
   */
  attendancePercent: z
    .number('Give the attendance as a number, such as 87.5')
    .min(0, 'Attendance is a percentage from 0 to 100')
    .max(100, 'Attendance is a percentage from 0 to 100')
    .multipleOf(0.1, 'Give the attendance to one decimal place at most, such as 87.5')
    .nullish(),
  statutoryIntervention: z.enum(DECISIONS),
  earlyHelpReferral: z.enum(DECISIONS),
  action: optionalText(1000),
  who: optionalText(100),
  byWhen: z.union([z.literal(''), isoDate()]).optional().transform((v) => (v ? v : null)),
});

export const VisitRecordInput = z
  .object({
    visitId: z.string().uuid(),
    schoolAttendees: lines().max(2000),
    teamAttendees: lines().max(2000),
    /** The suspension threshold used, in school days: 5 primary, 10 secondary, asked for all-through. */
    exclusionThresholdDays: z.number().int().min(1).max(45),
    children: z.array(ChildReview).max(200),
    managedMovesInternal: z.number().int().min(0).max(500),
    managedMovesExternal: z.number().int().min(0).max(500),
    managedMovesAgreed: optionalText(2000),
    alternativeProvision: optionalText(2000),
    unnotifiedExclusions: optionalText(2000),
    otherIssues: optionalText(4000),
    /** The next visit as agreed at this one: the planned next visit's date unless the meeting said otherwise. */
    nextVisitOn: z.union([z.literal(''), isoDate('the next visit')]).optional().transform((v) => (v ? v : null)),
    confirmedNotNames: ConfirmedNotNames,
  })
  .strict();
export type VisitRecordInput = z.input<typeof VisitRecordInput>;

const storedText = z.string().nullish().transform((v) => v ?? null);
/**
 * A visit record as stored (JSON): checked whenever it is read back, so a damaged or foreign row
 * is an error, never a half-shown record. Fields asked since the first records were written
 * (attendance, the next visit) may be absent from older ones.
 */
export const StoredVisitRecord = z.object({
  schoolAttendees: z.string(),
  teamAttendees: z.string(),
  exclusionThresholdDays: z.number().int(),
  children: z.array(
    z.object({
      child: z.object({ initials: z.string(), yearGroup: z.enum(YEAR_GROUPS), caseId: storedText }),
      category: z.enum(CHILD_CATEGORIES),
      attendancePercent: z.number().nullish(),
      statutoryIntervention: z.enum(DECISIONS),
      earlyHelpReferral: z.enum(DECISIONS),
      action: storedText,
      who: storedText,
      byWhen: storedText,
    }),
  ),
  managedMovesInternal: z.number().int(),
  managedMovesExternal: z.number().int(),
  managedMovesAgreed: storedText,
  alternativeProvision: storedText,
  unnotifiedExclusions: storedText,
  otherIssues: storedText,
  nextVisitOn: storedText,
  confirmedNotNames: z.array(z.string()).optional().transform((v) => v ?? []),
});

/** One saved version of a visit record: every save makes a new one, and the newest is the record. */
export interface VisitRecordVersion {
  version: number;
  writtenBy: string;
  writtenAt: string;
}
export type VisitRecord = z.output<typeof StoredVisitRecord> & VisitRecordVersion & { visitId: string };

/** How a document and the screen name a version: "Version 2, 3 Dec 2026". */
export function versionLabel(v: { version: number; writtenAt: string }): string {
  return `Version ${v.version}, ${formatDate(v.writtenAt)}`;
}

export const KEY_AREAS = ['attendance', 'health_wellbeing', 'neglect', 'transition', 'targeted_support', 'send'] as const;
export const KEY_AREA_LABELS: Record<(typeof KEY_AREAS)[number], string> = {
  attendance: 'Attendance (including exclusions, EBSA and risk of permanent exclusion)',
  health_wellbeing: 'Physical and mental health and wellbeing',
  neglect: 'Neglect',
  transition: 'Transition',
  targeted_support: 'Targeted intervention and support',
  send: 'SEND',
};
export const ATTENDEE_ROLES = ['dsl', 'pastoral_lead', 'senco', 'head', 'school_nurse', 'link_worker', 'other'] as const;
export const ATTENDEE_ROLE_LABELS: Record<(typeof ATTENDEE_ROLES)[number], string> = {
  dsl: 'DSL', pastoral_lead: 'Pastoral lead', senco: 'SENCO', head: 'Head teacher', school_nurse: 'School nurse (5-19 team)', link_worker: 'Link worker', other: 'Other',
};

export const ConsultationInput = z
  .object({
    urn: ChosenSchool,
    date: isoDate(),
    requestedBy: line().min(1, 'Say who asked for the consultation').max(200),
    attendees: z.array(z.object({ name: line().min(1, 'Give the attendee’s name').max(100), role: z.enum(ATTENDEE_ROLES) })).min(1, 'Add at least one attendee'),
    notes: z.object(Object.fromEntries(KEY_AREAS.map((a) => [a, lines().max(4000)])) as Record<(typeof KEY_AREAS)[number], z.ZodString>),
    children: z.array(ChildRef).max(100),
    actions: lines().max(4000),
    notesSharedOn: z.union([z.literal(''), isoDate()]).optional().transform((v) => (v ? v : null)),
    confirmedNotNames: ConfirmedNotNames,
  })
  .strict();
export type ConsultationInput = z.input<typeof ConsultationInput>;

/** A saved consultation, changed: the notes shared, an attendee or an action added, a note put right. It stays with its school. */
export const UpdateConsultationInput = ConsultationInput.extend({ id: z.string().uuid() }).strict();
export type UpdateConsultationInput = z.input<typeof UpdateConsultationInput>;

export interface Consultation extends z.output<typeof ConsultationInput> {
  id: string;
  schoolName: string;
  withSchoolNurse: boolean;
  recordedBy: string;
}

/**
 * Attendance that does not fit the reason a child was reviewed, or that is severe absence: said
 * back to the user when the record is saved (it is saved all the same: the school's figure may be
 * for another span than the one that put the child on the list).
 */
export function attendanceWarnings(children: { child: { initials: string; yearGroup: string }; category: ChildCategory; attendancePercent?: number | null | undefined }[]): string[] {
  return children.flatMap(({ child, category, attendancePercent }) => {
    if (attendancePercent === null || attendancePercent === undefined) return [];
    const who = `${child.initials} Y${child.yearGroup}`;
    const band = absenceBandOfAttendance(attendancePercent);
    if (category === 'persistent_absence' && band === 'neither') {
      return [`${who} is recorded as persistently absent, but attendance of ${attendancePercent}% is ${ABSENCE_BAND_LABELS.neither}.`];
    }
    return band === 'severe' ? [`${who}: attendance of ${attendancePercent}% is severe absence (missing ${SEVERE_ABSENCE_PERCENT}% or more of possible sessions).`] : [];
  });
}

/** Child references that look like names: said back to the user before saving. */
export function childReferenceWarnings(children: { initials: string }[]): string[] {
  return children.filter((c) => looksLikeFullName(c.initials)).map((c) => `"${c.initials}" looks like a name: record children by initials only (for example JB).`);
}
