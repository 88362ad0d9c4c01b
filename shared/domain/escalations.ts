/**
 * The safeguarding escalation log (seed 004 section 10). A manager must be told of a child
 * protection or adult safeguarding concern immediately and never later than 24 hours: 24 clock
 * hours, weekends and nights included. The log is append-only like a chronology: a change is a
 * new entry that corrects the one before; nothing is overwritten or deleted.
 */
import { z } from 'zod';
import { line, lines } from './text.ts';
import { isRealWallTime, LOCAL_DATE_TIME, londonInstant, londonWallTime } from './london-time.ts';
import { ChildRef } from './records.ts';
import { LateReasonKind } from './reason-kinds.ts';
import { ChosenSchool } from './schools.ts';

/** A child missing education (not registered at a school, nor otherwise receiving a suitable education) is its own concern, not neglect. */
export const CONCERNS = ['child_protection', 'adult_safeguarding', 'neglect', 'domestic_abuse', 'missing_education', 'other'] as const;
export type Concern = (typeof CONCERNS)[number];
export const CONCERN_LABELS: Record<Concern, string> = {
  child_protection: 'Child protection',
  adult_safeguarding: 'Adult safeguarding',
  neglect: 'Neglect',
  domestic_abuse: 'Domestic abuse',
  missing_education: 'Child missing education',
  other: 'Other',
};
export const REFERRAL_ANSWERS = ['not_known', 'yes', 'no'] as const;
export const REFERRAL_LABELS: Record<(typeof REFERRAL_ANSWERS)[number], string> = { not_known: 'Not known yet', yes: 'Yes', no: 'No' };

/**
 * Where a concern is referred (seed 004 section 10): most often the school refers a child to the
 * Integrated Front Door / MASH, with the team's advice; the team may refer itself; adult
 * safeguarding concerns go to Adult Services; concerns about an adult working with children go
 * to the Local Authority Designated Officer. Entries logged before the route was asked were all
 * about the school's referral to the IFD / MASH, and read so.
 */
export const REFERRAL_ROUTES = ['ifd_mash_by_school', 'ifd_mash_by_team', 'adult_services', 'lado', 'other'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
export const REFERRAL_ROUTE_LABELS: Record<ReferralRoute, string> = {
  ifd_mash_by_school: 'Integrated Front Door / MASH, by the school',
  ifd_mash_by_team: 'Integrated Front Door / MASH, by the team',
  adult_services: 'Adult Services (adult safeguarding)',
  lado: 'Local Authority Designated Officer (LADO)',
  other: 'Other (say where)',
};

/** The route in words: "other" is the text the person gave. */
export function referralRouteText(e: { referralRoute: ReferralRoute | null; referralRouteOther: string | null }): string {
  if (!e.referralRoute) return 'Route not recorded';
  return e.referralRoute === 'other' ? `Other: ${e.referralRouteOther ?? ''}` : REFERRAL_ROUTE_LABELS[e.referralRoute];
}

/** The manager must be told within this many minutes of the concern being raised. */
export const MANAGER_DEADLINE_MINUTES = 24 * 60;

/**
 * yyyy-mm-ddThh:mm; a space in place of the T is accepted, as people type it. The screens send
 * it from a date field and a time field; left empty there, it asks for the time.
 */
const WallTime = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}: a date and a time`)
    .transform((v) => v.replace(/^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})$/, '$1T$2'))
    .pipe(
      z
        .string()
        .regex(LOCAL_DATE_TIME, `Enter ${what} as yyyy-mm-ddThh:mm, for example 2026-11-24T09:30`)
        .refine(isRealWallTime, `Enter ${what} as a real date and time (hours 00 to 23), for example 2026-11-24T09:30`),
    );
const optionalWallTime = (what: string) => z.union([z.literal(''), WallTime(what)]).optional().transform((v) => (v ? v : null));
const optionalText = (max: number) => (max >= 1000 ? lines() : line()).max(max, `Keep this under ${max} characters`).optional().transform((v) => (v ? v : null));

export const EscalationFields = z
  .object({
    raisedAt: WallTime('when the concern was raised'),
    raisedBy: line().min(1, 'Say who raised the concern').max(200),
    urn: ChosenSchool,
    children: z.array(ChildRef).max(30, 'At most 30 children in one entry'),
    concern: z.enum(CONCERNS, 'Choose the concern'),
    summary: lines().min(1, 'Write a short summary of the concern').max(4000),
    managerInformedAt: optionalWallTime('when the manager was told'),
    managerInformed: optionalText(200),
    /** Why the manager was told late, from the fixed list the reports count: needed when told late (the words above stay optional). */
    lateReasonKind: z.union([z.literal(''), LateReasonKind]).optional().transform((v) => (v ? v : null)),
    lateReason: optionalText(2000),
    referralMade: z.enum(REFERRAL_ANSWERS).default('not_known'),
    /** Where the referral went (or would go): needed when one was made. */
    referralRoute: z.union([z.literal(''), z.enum(REFERRAL_ROUTES, 'Choose where the referral went')]).optional().transform((v) => (v ? v : null)),
    referralRouteOther: optionalText(200),
    referralAt: optionalWallTime('when the referral was made'),
    referralReference: optionalText(60),
    advice: optionalText(4000),
    outcome: optionalText(4000),
    closedAt: optionalWallTime('when the entry was closed'),
  })
  .strict();

type Fields = z.output<typeof EscalationFields>;
const refinements = <T extends z.ZodType<Fields>>(schema: T) =>
  schema
    .refine((e) => !e.managerInformedAt || e.managerInformedAt >= e.raisedAt, { message: 'The manager cannot have been told before the concern was raised', path: ['managerInformedAt'] })
    .refine((e) => !e.managerInformedAt || e.managerInformed, { message: 'Say which manager was told', path: ['managerInformed'] })
    .refine((e) => !e.managerInformed || e.managerInformedAt, { message: 'Say when the manager was told', path: ['managerInformedAt'] })
    .refine((e) => e.referralMade === 'yes' || (!e.referralAt && !e.referralReference), { message: 'A referral date or reference needs the answer "Yes"', path: ['referralMade'] })
    .refine((e) => e.referralMade !== 'yes' || e.referralRoute, { message: 'Choose where the referral went', path: ['referralRoute'] })
    .refine((e) => e.referralRoute !== 'other' || e.referralRouteOther, { message: 'Say where the referral went', path: ['referralRouteOther'] })
    .refine((e) => e.referralRoute === 'other' || !e.referralRouteOther, { message: 'Choose "Other" to say where the referral went in your own words', path: ['referralRoute'] })
    .refine((e) => !e.referralAt || e.referralAt >= e.raisedAt, { message: 'The referral cannot be before the concern was raised', path: ['referralAt'] })
    .refine((e) => !e.closedAt || e.closedAt >= e.raisedAt, { message: 'The entry cannot close before the concern was raised', path: ['closedAt'] })
    .refine((e) => !e.closedAt || e.managerInformedAt, { message: 'Record when a manager was told before closing the entry', path: ['managerInformedAt'] })
    .refine((e) => !e.closedAt || e.outcome, { message: 'Record the outcome before closing the entry', path: ['outcome'] });

export const RaiseEscalationInput = refinements(EscalationFields);
export type RaiseEscalationInput = z.input<typeof EscalationFields>;

export const CorrectEscalationInput = refinements(
  EscalationFields.extend({
    /** The entry this one corrects: it must be the latest, so two people cannot fork the history. */
    corrects: z.string().uuid(),
    changeNote: optionalText(1000),
  }),
);
export type CorrectEscalationInput = z.input<typeof CorrectEscalationInput>;

export interface EscalationEntry extends Fields {
  id: string;
  escalationId: string;
  corrects: string | null;
  version: number;
  changeNote: string | null;
  schoolName: string;
  recordedBy: string;
  recordedAt: string;
}

export type ClockState = 'awaiting_manager' | 'overdue' | 'informed' | 'informed_late';
export const CLOCK_LABELS: Record<ClockState, string> = {
  awaiting_manager: 'Manager not yet told',
  overdue: 'Overdue: manager not told within 24 hours',
  informed: 'Manager told within 24 hours',
  informed_late: 'Manager told late',
};

export interface ManagerClock {
  state: ClockState;
  /** The wall-clock time in England by which a manager must be told. */
  deadline: string;
  /** Minutes left before the deadline (negative once past), or, once told, how early (negative: how late). */
  minutesLeft: number;
}

export function managerDeadline(raisedAt: string): string {
  return londonWallTime(new Date(londonInstant(raisedAt).getTime() + MANAGER_DEADLINE_MINUTES * 60_000));
}

/** Told late: more than 24 clock hours after raising; exactly 24 hours is in time. */
export function toldLate(raisedAt: string, informedAt: string): boolean {
  return londonInstant(informedAt).getTime() - londonInstant(raisedAt).getTime() > MANAGER_DEADLINE_MINUTES * 60_000;
}

export function managerClock(entry: Pick<Fields, 'raisedAt' | 'managerInformedAt'>, now: Date): ManagerClock {
  const deadlineInstant = londonInstant(entry.raisedAt).getTime() + MANAGER_DEADLINE_MINUTES * 60_000;
  const deadline = londonWallTime(new Date(deadlineInstant));
  const until = (t: number) => Math.floor((deadlineInstant - t) / 60_000);
  if (entry.managerInformedAt) {
    const informed = londonInstant(entry.managerInformedAt).getTime();
    return { state: informed > deadlineInstant ? 'informed_late' : 'informed', deadline, minutesLeft: until(informed) };
  }
  const left = until(now.getTime());
  return { state: now.getTime() > deadlineInstant ? 'overdue' : 'awaiting_manager', deadline, minutesLeft: left };
}

export interface EscalationView {
  current: EscalationEntry;
  clock: ManagerClock;
  open: boolean;
}

export interface EscalationDetail extends EscalationView {
  /** Every entry, oldest first: the first as raised, then each correction. */
  history: EscalationEntry[];
}

/** The fields that differ between two entries, for the history's "what changed". */
export const ESCALATION_FIELD_LABELS: Record<keyof Fields, string> = {
  raisedAt: 'Raised at',
  raisedBy: 'Raised by',
  urn: 'School',
  children: 'Children',
  concern: 'Concern',
  summary: 'Summary',
  managerInformedAt: 'Manager told at',
  managerInformed: 'Manager told',
  lateReasonKind: 'Why the manager was told late',
  lateReason: 'Reason for telling the manager late, in words',
  referralMade: 'Referral made',
  referralRoute: 'Referral route',
  referralRouteOther: 'Referral route (other)',
  referralAt: 'Referral made at',
  referralReference: 'Referral reference',
  advice: 'Advice the team gave',
  outcome: 'Outcome',
  closedAt: 'Closed at',
};

export function changedFields(before: Fields, after: Fields): (keyof Fields)[] {
  return (Object.keys(ESCALATION_FIELD_LABELS) as (keyof Fields)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
