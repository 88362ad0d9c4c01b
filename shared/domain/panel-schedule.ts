/**
 * Meeting dates for a panel that meets every N weeks in term time. Only term weeks count: a
 * week of half-term or of the holidays between terms neither holds a meeting nor moves the
 * count on, so a four-weekly panel meets in the 1st, 5th, 9th… term week from its first date.
 * The meeting keeps the weekday of the first date; when that day is a bank holiday or outside
 * term (a term that starts or ends mid-week) it moves to the nearest later, then earlier,
 * working term day of the same week, and a week with none is skipped.
 */
import type { Term } from './calendar.ts';
import { addDays, formatDate } from '../format.ts';
import { dayOfWeek, isWeekend } from './working-days.ts';

export interface ScheduleCalendar {
  terms: readonly Term[];
  bankHolidays: ReadonlySet<string>;
}

export interface ScheduledMeeting {
  /** The date the cadence points at. */
  slot: string;
  /** The day the meeting is held: the slot, or another day of its week. */
  date: string;
}

export function inTermTime(terms: readonly Term[], isoDate: string): boolean {
  return terms.some((t) => t.startsOn <= isoDate && isoDate <= t.endsOn && !(t.halfTermFrom <= isoDate && isoDate <= t.halfTermTo));
}

function isMeetingDay(calendar: ScheduleCalendar, isoDate: string): boolean {
  return !isWeekend(isoDate) && !calendar.bankHolidays.has(isoDate) && inTermTime(calendar.terms, isoDate);
}

/** Monday of the week a date falls in. */
function mondayOf(isoDate: string): string {
  return addDays(isoDate, -((dayOfWeek(isoDate) + 6) % 7));
}

/** More than this between one term and the next means a school year is missing, not a summer holiday. */
const LONGEST_HOLIDAY_DAYS = 70;

/**
 * The part of a range that no entered school year covers (before the first term, after the
 * last, or a missing year between two), or null: the count of term weeks is never guessed.
 */
export function uncoveredSpan(terms: readonly Term[], from: string, until: string): string | null {
  const sorted = [...terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const first = sorted[0]?.startsOn;
  const last = sorted.at(-1)?.endsOn;
  const d = formatDate;
  if (!first || !last) return `${d(from)} to ${d(until)}`;
  if (from < first) return `${d(from)} to ${d(addDays(first, -1))} (the first term entered starts on ${d(first)})`;
  if (until > last) return `${d(addDays(last, 1))} to ${d(until)} (the last term entered ends on ${d(last)})`;
  for (let i = 1; i < sorted.length; i++) {
    const end = sorted[i - 1]?.endsOn ?? '';
    const start = sorted[i]?.startsOn ?? '';
    if (start > addDays(end, LONGEST_HOLIDAY_DAYS) && start > from && end < until) return `${d(addDays(end, 1))} to ${d(addDays(start, -1))} (no school year is entered between those terms)`;
  }
  return null;
}

export function panelSchedule(calendar: ScheduleCalendar, firstDate: string, until: string, everyWeeks: number): ScheduledMeeting[] {
  const meetings: ScheduledMeeting[] = [];
  const weekday = (dayOfWeek(firstDate) + 6) % 7;
  let termWeek = 0;
  for (let monday = mondayOf(firstDate); monday <= until; monday = addDays(monday, 7)) {
    const days = [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
    if (!days.some((d) => inTermTime(calendar.terms, d))) continue;
    const thisWeek = termWeek++;
    if (thisWeek % everyWeeks !== 0) continue;
    const slot = addDays(monday, weekday);
    if (slot < firstDate || slot > until) continue;
    const order = [slot, ...days.filter((d) => d > slot), ...days.filter((d) => d < slot).reverse()];
    const date = order.find((d) => isMeetingDay(calendar, d) && d >= firstDate && d <= until);
    if (date) meetings.push({ slot, date });
  }
  return meetings;
}
