/**
 * The school year as the team enters it: academic years of three terms, each with its
 * half-term. School holidays are the half-terms and the gaps between terms; they feed the
 * working-day module unless the team counts school holidays as working days.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line } from './text.ts';
import { addDays, formatDate } from '../format.ts';

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERM_NAMES)[number];
export const TERM_LABELS: Record<TermName, string> = { autumn: 'Autumn term', spring: 'Spring term', summer: 'Summer term' };

const IsoDate = isoDate();

export const TermInput = z
  .object({ name: z.enum(TERM_NAMES), startsOn: IsoDate, endsOn: IsoDate, halfTermFrom: IsoDate, halfTermTo: IsoDate })
  .refine((t) => t.startsOn < t.endsOn, { message: 'The term must end after it starts', path: ['endsOn'] })
  .refine((t) => t.startsOn < t.halfTermFrom && t.halfTermFrom <= t.halfTermTo && t.halfTermTo < t.endsOn, {
    message: 'Half-term must fall inside the term',
    path: ['halfTermFrom'],
  });
export type TermInput = z.input<typeof TermInput>;

export const AcademicYearInput = z
  .object({
    label: line().regex(/^\d{4}-\d{2}$/, 'Write the year as 2026-27'),
    terms: z.array(TermInput).length(3, 'Give the autumn, spring and summer terms'),
  })
  .refine((y) => y.terms.every((t, i) => t.name === TERM_NAMES[i]), { message: 'Give the terms in order: autumn, spring, summer', path: ['terms'] })
  .refine((y) => y.terms.every((t, i) => i === 0 || (y.terms[i - 1]?.endsOn ?? '') < t.startsOn), { message: 'Each term must start after the one before ends', path: ['terms'] });
export type AcademicYearInput = z.input<typeof AcademicYearInput>;

export interface Term {
  name: TermName;
  startsOn: string;
  endsOn: string;
  halfTermFrom: string;
  halfTermTo: string;
}

export interface AcademicYear {
  id: string;
  label: string;
  terms: Term[];
}

/** Half-terms and the gaps between consecutive terms, across all the years entered. */
export function schoolHolidaysOf(years: AcademicYear[]): { from: string; to: string }[] {
  const terms = years.flatMap((y) => y.terms).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const holidays: { from: string; to: string }[] = [];
  terms.forEach((term, i) => {
    holidays.push({ from: term.halfTermFrom, to: term.halfTermTo });
    const next = terms[i + 1];
    if (next && addDays(term.endsOn, 1) <= addDays(next.startsOn, -1)) holidays.push({ from: addDays(term.endsOn, 1), to: addDays(next.startsOn, -1) });
  });
  return holidays;
}

/** The term a date falls in (half-term counts as inside its term), or null in the holidays between terms. */
export function termOn(years: AcademicYear[], isoDate: string): { year: string; term: Term } | null {
  for (const year of years) for (const term of year.terms) if (term.startsOn <= isoDate && isoDate <= term.endsOn) return { year: year.label, term };
  return null;
}

/** Where the England and Wales bank holidays come from: gov.uk publishes the coming year or two. */
export const BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';
/** The dashboard warns this many months before the last bank holiday LinkDesk holds. */
export const BANK_HOLIDAY_WARNING_MONTHS = 6;

/** The same day `months` calendar months earlier, or the month's last day when it is shorter (31 Aug less 6 months is 28 or 29 Feb). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The dashboard's warning that the bank holidays held (bundled with LinkDesk, or imported) are
 * running out: from six months before the last one, and after it. Past the last one, working-day
 * deadlines would skip no bank holidays at all. Null while there are more than six months left.
 */
export function bankHolidaysWarning(lastBankHoliday: string | null, today: string): string | null {
  const update = `Download bank-holidays.json from ${BANK_HOLIDAYS_URL} and import it in Settings, under Bank holidays.`;
  if (!lastBankHoliday) return `LinkDesk holds no bank holidays, so working-day deadlines skip none. ${update}`;
  if (lastBankHoliday < today) {
    return `The bank holidays LinkDesk holds ended on ${formatDate(lastBankHoliday)}: working-day deadlines after that skip no bank holidays. ${update}`;
  }
  if (today < monthsBefore(lastBankHoliday, BANK_HOLIDAY_WARNING_MONTHS)) return null;
  return `The bank holidays LinkDesk holds end on ${formatDate(lastBankHoliday)}: working-day deadlines after that will skip no bank holidays. ${update}`;
}
