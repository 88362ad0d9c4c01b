/**
 * A report's period and the one before it, from the calendar's school years. The terms of a year
 * tile it without a gap, so every day of the year is counted in exactly one term: a term runs from
 * its first day to the day before the next term starts (the holiday after a term counts with it),
 * the autumn term from 1 September (or its first day, if earlier) and the summer term to 31 August
 * (or its last day, if later), the legal school year's ends.
 */
import { TERM_LABELS, TERM_NAMES, type TermName } from '../../../shared/domain/calendar.ts';
import type { ReportPeriod } from '../../../shared/domain/reports.ts';
import { AppError } from '../../../shared/errors.ts';
import { addDays, formatDate } from '../../../shared/format.ts';

export interface CalendarTerm {
  label: string;
  name: TermName;
  startsOn: string;
  endsOn: string;
}

const startYear = (label: string): number => Number(label.slice(0, 4));

/** "2025-26" for "2026-27". */
export function yearBefore(label: string): string {
  const first = startYear(label) - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The term before: spring follows autumn of the same year, autumn follows the summer of the year before. */
export function termBefore(label: string, term: TermName): { year: string; term: TermName } {
  const index = TERM_NAMES.indexOf(term);
  return index === 0 ? { year: yearBefore(label), term: 'summer' } : { year: label, term: TERM_NAMES[index - 1] ?? 'autumn' };
}

const describe = (year: string, term: TermName | null): string => (term ? `${TERM_LABELS[term]} ${year}` : `School year ${year}`);

/** The days of a year or of one of its terms, or null when the calendar does not hold them all. */
function spanOf(terms: CalendarTerm[], year: string, term: TermName | null): { from: string; to: string } | null {
  const ofYear = new Map(terms.filter((t) => t.label === year).map((t) => [t.name, t]));
  const autumn = ofYear.get('autumn');
  const spring = ofYear.get('spring');
  const summer = ofYear.get('summer');
  if (!autumn || !spring || !summer) return null;
  const first = `${startYear(year)}-09-01`;
  const last = `${startYear(year) + 1}-08-31`;
  const yearFrom = autumn.startsOn < first ? autumn.startsOn : first;
  const yearTo = summer.endsOn > last ? summer.endsOn : last;
  switch (term) {
    case null:
      return { from: yearFrom, to: yearTo };
    case 'autumn':
      return { from: yearFrom, to: addDays(spring.startsOn, -1) };
    case 'spring':
      return { from: spring.startsOn, to: addDays(summer.startsOn, -1) };
    case 'summer':
      return { from: summer.startsOn, to: yearTo };
  }
}

/** The period asked for; a year the calendar does not hold is refused, saying which. */
export function periodOf(terms: CalendarTerm[], year: string, term: TermName | null): ReportPeriod {
  const span = spanOf(terms, year, term);
  if (!span) {
    throw new AppError('invalid_input', `The calendar has no school year ${year} with its three terms: enter its term dates first.`, {
      issues: [{ path: 'year', message: `No school year ${year} in the calendar` }],
    });
  }
  return { label: `${describe(year, term)} (${formatDate(span.from)} to ${formatDate(span.to)})`, year, term, ...span, inCalendar: true };
}

/** The period before, or an empty one saying the calendar does not hold it: its figures are all nought. */
export function previousPeriodOf(terms: CalendarTerm[], period: ReportPeriod): ReportPeriod {
  const before = period.term ? termBefore(period.year, period.term) : { year: yearBefore(period.year), term: null };
  const span = spanOf(terms, before.year, before.term);
  if (!span) return { label: `${describe(before.year, before.term)} (not in the calendar)`, year: before.year, term: before.term, from: '', to: '', inCalendar: false };
  return { label: `${describe(before.year, before.term)} (${formatDate(span.from)} to ${formatDate(span.to)})`, year: before.year, term: before.term, ...span, inCalendar: true };
}

/** The day whose allocations name each school's worker for the period: today while it runs, else its nearest end. */
export function referenceDay(period: ReportPeriod, today: string): string {
  if (today < period.from) return period.from;
  return today > period.to ? period.to : today;
}
