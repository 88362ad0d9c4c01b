/**
 * Annual declarations of connections to schools (issue 18). Once a year each worker confirms
 * that their declared connections are as listed, or that they have nothing to declare. The team
 * sets the month of the yearly re-declaration (a default, and a month of a worker's own); a
 * worker is due when their month has come this year since their last declaration, when it is
 * over a year old, or when they have never made one.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** September: the start of the school year, when the team's other yearly work begins too. */
export const DEFAULT_DECLARATION_MONTH = 9;

export const DeclarationMonth = z.number().int('Choose a month').min(1, 'Choose a month').max(12, 'Choose a month');

export const RecordDeclarationInput = z
  .object({
    personId: z.string().uuid(),
    declaredOn: isoDate('the day they declared'),
    /** True: the worker has no connections to any school; false: their connections are as listed. */
    nothingToDeclare: z.boolean(),
  })
  .strict();
export type RecordDeclarationInput = z.input<typeof RecordDeclarationInput>;

export const DeclarationMonthInput = z
  .object({
    personId: z.string().uuid(),
    /** null: the team's default month. */
    month: DeclarationMonth.nullable(),
  })
  .strict();
export type DeclarationMonthInput = z.input<typeof DeclarationMonthInput>;

export interface Declaration {
  id: string;
  personId: string;
  declaredOn: string;
  nothingToDeclare: boolean;
  recordedBy: string;
  recordedAt: string;
}

/** A worker's declarations as their page shows them. */
export interface PersonDeclarations {
  /** The worker's own month, or null for the team's default. */
  month: number | null;
  /** The month that applies: their own, else the team's. */
  effectiveMonth: number;
  latest: Declaration | null;
  due: boolean;
  /** Newest first. */
  history: Declaration[];
}

/** One line of the dashboard's "Declarations due". */
export interface DeclarationDue {
  personId: string;
  name: string;
  lastDeclaredOn: string | null;
  month: number;
}

/** The dashboard lists at most this many workers due, those waiting longest first, and counts the rest. */
export const DASHBOARD_DECLARATIONS = 20;

/** The same day a year before; 29 February goes to 28 February. */
export function yearBefore(iso: string): string {
  const [year, month, day] = iso.split('-');
  const previous = Number(year) - 1;
  const leap = (previous % 4 === 0 && previous % 100 !== 0) || previous % 400 === 0;
  const d = month === '02' && day === '29' && !leap ? '28' : day;
  return `${String(previous).padStart(4, '0')}-${month}-${d}`;
}

/** A declaration made on `last` is over a year old on `date` (never made counts as out of date). */
export function declarationOutOfDate(last: string | null, date: string): boolean {
  return last === null || last < yearBefore(date);
}

/**
 * Whether a worker is due to declare on `today`: never declared, the last one over a year old,
 * or their month has come this year since the last one (a December month is due from 1 December
 * even when the last declaration was only last January).
 */
export function declarationDue(last: string | null, month: number, today: string): boolean {
  if (declarationOutOfDate(last, today)) return true;
  const monthStart = `${today.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
  return today >= monthStart && (last ?? '') < monthStart;
}
