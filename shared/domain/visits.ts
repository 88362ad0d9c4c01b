/**
 * Termly SPOC visits: three a school year, each agreed with the school in September, with the
 * pro forma sent 10 working days before and due back 5 working days before. The statuses and
 * the moves between them are pure rules, shared so the screen offers only what is allowed.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line } from './text.ts';
import { addDays, formatDate } from '../format.ts';
import { TERM_NAMES, termOn, type AcademicYear, type Term, type TermName } from './calendar.ts';
import { CancelledReasonKind } from './reason-kinds.ts';
import { Urn } from './schools.ts';
import { dayOfWeek, isInsetDay, nonWorkingReason, shiftWorkingDays, type WorkingCalendar } from './working-days.ts';

export const VISIT_STATUSES = ['to_be_agreed', 'agreed', 'pro_forma_sent', 'pro_forma_returned', 'held', 'record_written', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  to_be_agreed: 'To be agreed',
  agreed: 'Agreed',
  pro_forma_sent: 'Pro forma sent',
  pro_forma_returned: 'Pro forma returned',
  held: 'Held',
  record_written: 'Record written',
  cancelled: 'Cancelled',
};

/** Where each status may go next. Moving a visit to a new date is not a status: it keeps the status it had. */
export const NEXT_STATUSES: Record<VisitStatus, VisitStatus[]> = {
  to_be_agreed: ['agreed', 'cancelled'],
  // A visit can happen without a pro forma (the school asked for it at short notice, the form
  // went astray): held straight from agreed, with the reason recorded.
  agreed: ['pro_forma_sent', 'held', 'cancelled'],
  pro_forma_sent: ['pro_forma_returned', 'held', 'cancelled'],
  pro_forma_returned: ['held', 'cancelled'],
  held: ['record_written'],
  record_written: [],
  cancelled: ['to_be_agreed'],
};

export function canMove(from: VisitStatus, to: VisitStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** A visit held without its pro forma ever being sent: allowed, with the reason recorded. */
export function heldWithoutProForma(from: VisitStatus, to: VisitStatus): boolean {
  return from === 'agreed' && to === 'held';
}

/**
 * The reason in words a move needs, said as the form asks for it; null when it needs none. A
 * cancellation needs its kind from the list instead (MoveVisitStatus); its words are optional.
 */
export function reasonNeeded(from: VisitStatus, to: VisitStatus): string | null {
  if (heldWithoutProForma(from, to)) return 'Say why the visit was held without a pro forma';
  return null;
}

export interface VisitDeadlines {
  sendProForma: string;
  proFormaDue: string;
}

export function deadlinesFor(calendar: WorkingCalendar, visitDate: string): VisitDeadlines {
  return { sendProForma: shiftWorkingDays(calendar, visitDate, -10), proFormaDue: shiftWorkingDays(calendar, visitDate, -5) };
}

/** How far a visit has gone: what decides whether the pro forma can still be late. */
export interface VisitProgress {
  status: VisitStatus;
  proFormaSentOn: string | null;
}

/**
 * The pro forma's timing, while it matters. Before it is sent: "too close" once its send-by day
 * has passed. Sent: nothing if it went in time; if it went late, a caution until the school
 * returns it. Returned, held or written up: nothing, whenever it went.
 */
export function proFormaWarning(deadlines: VisitDeadlines, today: string, progress?: VisitProgress): string | null {
  const { sendProForma, proFormaDue } = deadlines;
  switch (progress?.status) {
    case 'pro_forma_returned':
    case 'held':
    case 'record_written':
      return null;
    case 'pro_forma_sent': {
      const sentOn = progress.proFormaSentOn;
      if (!sentOn || sentOn <= sendProForma) return null;
      return `The pro forma went on ${formatDate(sentOn)}, after ${formatDate(sendProForma)}: check the school can return it by ${formatDate(proFormaDue)}.`;
    }
    default:
      if (sendProForma >= today) return null;
      return `Too close to send the pro forma in time: it should have gone by ${formatDate(sendProForma)} to be back by ${formatDate(proFormaDue)}.`;
  }
}

/**
 * Plain-words cautions about a proposed date; none of them stops it being saved. `progress` is
 * the visit's own, when the date is an existing visit's: a pro forma already dealt with is not
 * warned about again.
 */
export function dateWarnings(calendar: WorkingCalendar, years: AcademicYear[], visitDate: string, today: string, term?: TermName, progress?: VisitProgress): string[] {
  const warnings: string[] = [];
  const inTerm = termOn(years, visitDate);
  if (years.length > 0 && !inTerm) warnings.push(`${formatDate(visitDate)} is outside term time.`);
  else if (inTerm && term && inTerm.term.name !== term) warnings.push(`${formatDate(visitDate)} is in the ${inTerm.term.name} term, not the ${term} term.`);
  const notWorking = nonWorkingReason(calendar, visitDate);
  if (notWorking) warnings.push(`${formatDate(visitDate)} is not a working day: it is ${notWorking}.`);
  else if (isInsetDay(calendar, visitDate)) warnings.push(`${formatDate(visitDate)} is an INSET day at this school: the staff are in, the pupils are not.`);
  const proForma = proFormaWarning(deadlinesFor(calendar, visitDate), today, progress);
  if (proForma) warnings.push(proForma);
  return warnings;
}

/**
 * The day a term's visit should be agreed by: the Friday of the term's `week`th week, counting
 * the week the term starts in as the first and passing over a week wholly in half-term; never
 * after the term ends.
 */
export function agreeVisitBy(term: Term, week: number): string {
  const monday = addDays(term.startsOn, -((dayOfWeek(term.startsOn) + 6) % 7));
  let counted = 0;
  for (let start = monday; start <= term.endsOn; start = addDays(start, 7)) {
    const friday = addDays(start, 4);
    if (!(term.halfTermFrom <= start && friday <= term.halfTermTo)) counted += 1;
    if (counted >= week) return friday < term.endsOn ? friday : term.endsOn;
  }
  return term.endsOn;
}

/** A visit that still needs a date: none planned for the term, or one still to be agreed. */
export function needsAgreeing(visit: { status: VisitStatus } | undefined | null): boolean {
  return !visit || visit.status === 'to_be_agreed';
}

const IsoDate = isoDate();

export const PlanVisitInput = z
  .object({
    urn: Urn,
    yearLabel: z.string().regex(/^\d{4}-\d{2}$/, 'Write the year as 2026-27'),
    term: z.enum(TERM_NAMES),
    /** Empty while the date is still to be agreed. */
    date: z.union([z.literal(''), IsoDate]).transform((v) => (v ? v : null)),
    agreedWith: line().max(200).optional().transform((v) => (v ? v : null)),
    agreedOn: z.union([z.literal(''), IsoDate]).optional().transform((v) => (v ? v : null)),
    /** Needed when an agreed date changes: why the visit moved. */
    movedReason: line().max(500).optional().transform((v) => (v ? v : null)),
    /**
     * False keeps a date only proposed: the visit stays to be agreed (with its date pencilled in)
     * until the school agrees it. Left out, a date is agreed, as it always was.
     */
    agreed: z.boolean().optional(),
  })
  .strict();
export type PlanVisitInput = z.input<typeof PlanVisitInput>;

/** The most schools one grid saves at once: a county's whole term fits. */
export const PLAN_MANY_MAX_ROWS = 5000;

/** One school's row in the planner's grid: its date for the term, agreed or only proposed. */
export const PlanManyRow = z
  .object({
    urn: Urn,
    date: z.union([z.literal(''), IsoDate]),
    agreed: z.boolean(),
    agreedWith: line().max(200).optional(),
    movedReason: line().max(500).optional(),
  })
  .strict();

/**
 * A term's dates for many schools, saved as one transaction. A dry run checks every row as if it
 * were saved and saves nothing. When any row is refused nothing is saved, unless `saveGood` asks
 * for the rows that can be saved to be saved without the others.
 */
export const PlanManyInput = z
  .object({
    yearLabel: z.string().regex(/^\d{4}-\d{2}$/, 'Write the year as 2026-27'),
    term: z.enum(TERM_NAMES),
    rows: z.array(PlanManyRow).min(1, 'Enter at least one school’s date').max(PLAN_MANY_MAX_ROWS, `At most ${PLAN_MANY_MAX_ROWS} schools at once`),
    dryRun: z.boolean().default(true),
    saveGood: z.boolean().default(false),
  })
  .strict();
export type PlanManyInput = z.input<typeof PlanManyInput>;

/** What became (or would become) of one row: saved with its warnings, unchanged, or refused naming the field. */
export interface PlanManyRowResult {
  urn: string;
  name: string;
  outcome: 'saved' | 'unchanged' | 'refused';
  status: VisitStatus | null;
  date: string | null;
  warnings: string[];
  /** Why it was refused, each with the row's field it concerns (date, agreed, movedReason, urn). */
  problems: { field: 'urn' | 'date' | 'agreed' | 'movedReason'; message: string }[];
}

export interface PlanManyResult {
  dryRun: boolean;
  /** Whether anything was written: false for a dry run, and when rows were refused without saveGood. */
  saved: boolean;
  rows: PlanManyRowResult[];
}

export const MoveVisitStatus = z
  .object({
    id: z.string().uuid(),
    to: z.enum(VISIT_STATUSES),
    on: IsoDate,
    reason: line().max(500).optional().transform((v) => (v ? v : null)),
    /** Why a visit is cancelled, from the fixed list the reports count: needed to cancel, refused otherwise. */
    reasonKind: CancelledReasonKind.optional(),
    /** The worker who held the visit, when it is marked held. */
    heldBy: z.string().uuid('Choose who held the visit').optional(),
  })
  .strict()
  .refine((m) => m.to !== 'cancelled' || m.reasonKind, { message: 'Choose why the visit was cancelled', path: ['reasonKind'] })
  .refine((m) => m.to === 'cancelled' || !m.reasonKind, { message: 'A reason from the list is only for cancelling a visit', path: ['reasonKind'] });

export interface Visit {
  id: string;
  urn: string;
  schoolName: string;
  yearLabel: string;
  term: TermName;
  date: string | null;
  agreedWith: string | null;
  agreedOn: string | null;
  status: VisitStatus;
  proFormaSentOn: string | null;
  proFormaReturnedOn: string | null;
  heldOn: string | null;
  /** The worker who held the visit (their id and name), when recorded. */
  heldBy: string | null;
  heldByName: string | null;
  /** Why the visit was held without a pro forma, when it was. */
  heldWithoutProForma: string | null;
  recordWrittenOn: string | null;
  cancelledReason: string | null;
  /** Why it was cancelled, from the list; null for a visit cancelled before the kinds were asked (schema 23). */
  cancelledReasonKind: CancelledReasonKind | null;
  movedReason: string | null;
  deadlines: VisitDeadlines | null;
}

export interface PlannerRow {
  urn: string;
  name: string;
  hub: string | null;
  /** Today's named link worker (SPOC) and secondary link worker. */
  spoc: { id: string; name: string } | null;
  secondary: { id: string; name: string } | null;
  visits: Partial<Record<TermName, Pick<Visit, 'id' | 'date' | 'status'>>>;
}
