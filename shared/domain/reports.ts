/**
 * The termly and annual report's contract: what is asked for, and the figures it answers with.
 * The service counts; the screen, the Word report, the workbook and `linkdesk report --json`
 * only render a TeamReport, so they can never disagree, and none of them can reach a child's
 * reference, a school contact's name or a note: a report holds counts and labels only.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line } from './text.ts';
import { TERM_NAMES, type TermName } from './calendar.ts';
import type { CancelledReasonKind, LateReasonKind } from './reason-kinds.ts';

export const ReportQuery = z
  .object({
    /** The school year, as the calendar names it ("2026-27"). */
    year: line().regex(/^\d{4}-\d{2}$/, 'Write the year as 2026-27'),
    /** One term of the year; the whole year when left out. */
    term: z.enum(TERM_NAMES).optional(),
    /** Only the schools of this hub (as written on the schools). */
    hub: line().max(60).optional(),
    /** Only the work of this worker (the visits they held, their consultations, contacts, escalations, panels). */
    workerId: z.string().uuid().optional(),
    /** Marked for sharing outside the team: counts of 1 to 4 show as "fewer than 5". */
    share: z.boolean().default(false),
  })
  .strict();
export type ReportQuery = z.output<typeof ReportQuery>;

export const FEWER_THAN_FIVE = 'fewer than 5';

/** A count (or a whole-number percentage); in a shared report a count of 1-4 is FEWER_THAN_FIVE. */
export type ReportValue = number | typeof FEWER_THAN_FIVE | null;

/** Hides a small count in a report marked for sharing; 0 stays 0 (nobody can be identified by none). */
export function shareable(count: number, share: boolean): ReportValue {
  return share && count >= 1 && count <= 4 ? FEWER_THAN_FIVE : count;
}

export interface ReportPeriod {
  /** "Autumn term 2026-27" or "School year 2026-27". */
  label: string;
  year: string;
  term: TermName | null;
  /** The first and last day counted (yyyy-mm-dd); both empty when the calendar does not hold the period. */
  from: string;
  to: string;
  /** False when the calendar holds no such period (the previous year not entered): every figure of it is nought. */
  inCalendar: boolean;
}

export interface ReportTable {
  /** Stable, for tests and the workbook's sheet names: "visits-by-hub". */
  id: string;
  title: string;
  /** Headings of the value columns (the first column holds each row's label). */
  columns: string[];
  /** Indexes into `columns` of those that are percentages (shown with a % sign). */
  percentColumns: number[];
  rows: Array<{ label: string; values: ReportValue[] }>;
  /** Drawn as a bar chart on screen and in the Word report; every chart also stays a table. */
  chart: 'bar' | 'none';
  /** A sentence under the table: how a figure was counted. */
  note?: string;
}

export const REPORT_SECTION_IDS = ['visits', 'proFormas', 'children', 'consultations', 'contacts', 'escalations', 'panels', 'engagement'] as const;
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

export interface ReportSection {
  id: ReportSectionId;
  title: string;
  tables: ReportTable[];
}

/** The headline figures, always plain counts (the JSON of `linkdesk report --json`). */
export interface ReportHeadline {
  visits: { planned: number; held: number; cancelled: number; missing: number };
  proFormas: { sentOnTime: number; sentLate: number; returnedOnTime: number; returnedLate: number };
  children: { reviewed: number; statutory: number; earlyHelp: number; managedMovesRequested: number; managedMovesAgreed: number; alternativeProvision: number; suspensionsNotNotified: number };
  consultations: { held: number; withNurse: number; schoolsWithNone: number };
  contacts: { total: number };
  escalations: { raised: number; toldWithin24h: number; toldLate: number; open: number };
  panels: { meetings: number; attended: number };
  schoolsWithNoContact: number;
  /** Cancelled visits by the reason chosen from the list; notCategorised: cancelled before the list was asked (schema 23). */
  visitsCancelledByReason: Record<CancelledReasonKind | 'notCategorised', number>;
  /** Escalations whose manager was told late, by the reason chosen from the list on the latest entry. */
  toldLateByReason: Record<LateReasonKind | 'notCategorised', number>;
}

export interface TeamReport {
  team: string;
  query: ReportQuery;
  period: ReportPeriod;
  previous: ReportPeriod;
  /** The day the figures were counted (dd/mm/yyyy on screen). */
  generatedOn: string;
  /** OFFICIAL for the report; the escalation log is OFFICIAL-SENSITIVE. */
  marking: 'OFFICIAL';
  shared: boolean;
  /** Names of the filters applied, for the report's heading ("Hub: North", "Worker: Sam Patel"). */
  filters: string[];
  headline: ReportHeadline;
  previousHeadline: ReportHeadline;
  sections: ReportSection[];
}

/** The printable escalation log for a period (for audit). */
export const EscalationLogQuery = z
  .object({ from: isoDate(), to: isoDate(), hub: line().max(60).optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'The end date must be on or after the start date', path: ['to'] });
export type EscalationLogQuery = z.output<typeof EscalationLogQuery>;
