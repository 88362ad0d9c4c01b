/**
 * Working days, the one module every deadline uses. A working day is Monday to Friday, not a
 * bank holiday (England and Wales), and, unless the team turns it off, not a school holiday.
 * A school's INSET days are working days unless the team says otherwise: the school is closed to
 * pupils but its staff are in, so a pro forma can be sent, returned or discussed on one.
 * Dates are calendar days as yyyy-mm-dd strings: no time zones, no clocks.
 */
import { addDays } from '../format.ts';

export interface WorkingCalendar {
  /** Bank holidays, substitute days included (as gov.uk lists them). */
  bankHolidays: ReadonlySet<string>;
  /** School holiday ranges (inclusive): the gaps between terms and half-terms. */
  schoolHolidays: readonly { from: string; to: string }[];
  /** Days the school is closed to pupils (INSET), for one school's own calendar. */
  insetDays?: ReadonlySet<string>;
  countSchoolHolidays: boolean;
  /** The team setting: true (the default) counts INSET days as working days, staff being in. */
  insetDaysAreWorkingDays: boolean;
}

export function dayOfWeek(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

export function isWeekend(isoDate: string): boolean {
  const day = dayOfWeek(isoDate);
  return day === 0 || day === 6;
}

export function inSchoolHoliday(calendar: WorkingCalendar, isoDate: string): boolean {
  return calendar.schoolHolidays.some((h) => h.from <= isoDate && isoDate <= h.to);
}

export function isInsetDay(calendar: WorkingCalendar, isoDate: string): boolean {
  return calendar.insetDays?.has(isoDate) ?? false;
}

/** Why a day is not a working day, in words for a warning; null when it is one. */
export function nonWorkingReason(calendar: WorkingCalendar, isoDate: string): string | null {
  if (isWeekend(isoDate)) return 'a weekend';
  if (calendar.bankHolidays.has(isoDate)) return 'a bank holiday';
  if (!calendar.insetDaysAreWorkingDays && isInsetDay(calendar, isoDate)) return 'an INSET day at this school';
  if (calendar.countSchoolHolidays && inSchoolHoliday(calendar, isoDate)) return 'in the school holidays';
  return null;
}

export function isWorkingDay(calendar: WorkingCalendar, isoDate: string): boolean {
  return nonWorkingReason(calendar, isoDate) === null;
}

/**
 * The working day `n` working days before (n < 0) or after (n > 0) a date; the date itself is
 * not counted. "10 working days before a visit on Friday 15 May" is Friday 1 May.
 */
export function shiftWorkingDays(calendar: WorkingCalendar, isoDate: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = isoDate;
  // A year of days is far beyond any deadline; the bound stops a calendar with no working days looping.
  for (let guard = 0; remaining > 0 && guard < 366 * 3; guard++) {
    day = addDays(day, step);
    if (isWorkingDay(calendar, day)) remaining--;
  }
  if (remaining > 0) throw new Error(`No working days found within three years of ${isoDate}`);
  return day;
}

/** Working days strictly between two dates (exclusive of both ends): how long is left. */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  if (to <= from) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let day = addDays(from, 1); day < to; day = addDays(day, 1)) if (isWorkingDay(calendar, day)) count++;
  return count;
}

/** The gov.uk bank-holidays.json format: one division's events. */
export interface GovUkBankHolidays {
  'england-and-wales': { division: string; events: { title: string; date: string; notes: string; bunting: boolean }[] };
}

export function englandAndWalesHolidays(data: GovUkBankHolidays): Set<string> {
  return new Set(data['england-and-wales'].events.map((e) => e.date));
}

/**
 * The working days of a span, listed once, so that "n working days before" is a step along a
 * sorted array rather than a day-by-day walk that re-tests every holiday. Built once per request
 * for the team's calendar; a school's INSET days, when the team counts them as non-working, are
 * skipped as the step passes them. Dates
 * outside the span fall back to `shiftWorkingDays`, so the answer is always the same as its.
 */
export class WorkingDayIndex {
  private readonly days: string[] = [];

  constructor(private readonly calendar: WorkingCalendar, private readonly from: string, private readonly to: string) {
    for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(calendar, day)) this.days.push(day);
  }

  /** The first position whose day is after `isoDate`. */
  private after(isoDate: string): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.days[mid] ?? '') <= isoDate) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `insetDays`: the school's own INSET days, skipped only when the team counts them as non-working. */
  shift(isoDate: string, n: number, insetDays: ReadonlySet<string> = new Set()): string {
    const closures = this.calendar.insetDaysAreWorkingDays ? new Set<string>() : insetDays;
    // Every day between the date and the answer must lie in the span for the list to be complete.
    const inSpan = n < 0 ? isoDate <= this.to : isoDate >= addDays(this.from, -1);
    if (n !== 0 && inSpan) {
      const step = n < 0 ? -1 : 1;
      let remaining = Math.abs(n);
      for (let position = n < 0 ? this.after(addDays(isoDate, -1)) - 1 : this.after(isoDate); position >= 0 && position < this.days.length; position += step) {
        const day = this.days[position] ?? '';
        if (closures.has(day)) continue;
        if (--remaining === 0) return day;
      }
    }
    return shiftWorkingDays({ ...this.calendar, insetDays: new Set([...(this.calendar.insetDays ?? []), ...insetDays]) }, isoDate, n);
  }
}
