/**
 * What a termly visit and an Early Help Consultation record. Children are recorded by reference
 * only (initials, year group, an optional case-system ID), never by name.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line, lines } from './text.ts';
import { Urn } from './schools.ts';
import { ABSENCE_BAND_LABELS, absenceBandOfAttendance, SEVERE_ABSENCE_PERCENT } from './attendance.ts';

export const YEAR_GROUPS = ['N', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'] as const;

/** Initials are a few capital letters; anything with a lower-case word or a space looks like a name. */
export function looksLikeFullName(text: string): boolean {
  return /[a-z]{2,}/.test(text) || /\s/.test(text.trim());
}

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
  })
  .strict();
export type VisitRecordInput = z.input<typeof VisitRecordInput>;
export type VisitRecord = z.output<typeof VisitRecordInput> & { writtenBy: string; writtenAt: string };

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
    urn: Urn,
    date: isoDate(),
    requestedBy: line().min(1, 'Say who asked for the consultation').max(200),
    attendees: z.array(z.object({ name: line().min(1, 'Give the attendee’s name').max(100), role: z.enum(ATTENDEE_ROLES) })).min(1, 'Add at least one attendee'),
    notes: z.object(Object.fromEntries(KEY_AREAS.map((a) => [a, lines().max(4000)])) as Record<(typeof KEY_AREAS)[number], z.ZodString>),
    children: z.array(ChildRef).max(100),
    actions: lines().max(4000),
    notesSharedOn: z.union([z.literal(''), isoDate()]).optional().transform((v) => (v ? v : null)),
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
