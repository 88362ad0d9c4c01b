/**
 * Dates and times as people in England type them: 3/12/2026, 03/12/26, 2026-12-03, 3 Dec 2026,
 * Thursday 3rd December 2026; 14:20, 1420, 2.20pm. The screens read what is typed with these and
 * hand the API ISO (yyyy-mm-dd, hh:mm), which is all the API accepts. A reading is either a
 * date, nothing, or a message that says what is wrong in words.
 */
import { z } from 'zod';

export type DateReading = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; message: string };
export type TimeReading = { kind: 'empty' } | { kind: 'time'; hhmm: string } | { kind: 'invalid'; message: string };

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The years a date may have: wide enough for any team's history and plans, narrow enough to catch a typo like 20266. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** What the hint under every date field shows. */
export const DATE_EXAMPLE = 'For example 3/12/2026 or 3 Dec 2026';
export const TIME_EXAMPLE = 'On the 24-hour clock, for example 14:20';

const pad = (n: number) => String(n).padStart(2, '0');

function monthOfWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  if (w === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((name) => {
    const lower = name.toLowerCase();
    return lower === w || (w.length === 3 && lower.startsWith(w));
  });
  return index < 0 ? null : index + 1;
}

function weekdayOfWord(word: string): number | null {
  const w = word.toLowerCase().replace(/[.,]$/g, '');
  if (w.length < 3) return null;
  const index = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(w));
  return index < 0 ? null : index;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weekday of a yyyy-mm-dd day, 0 for Sunday; never shifted by the computer's time zone. */
function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** Two-digit years are this century's: a team's dates are recent or planned, never in the 1920s. */
function fullYear(text: string): number {
  return text.length <= 2 ? 2000 + Number(text) : Number(text);
}

function checked(day: number, month: number, year: number, monthWasNumber: boolean): DateReading {
  if (year < FIRST_YEAR || year > LAST_YEAR) return { kind: 'invalid', message: `The year ${year} is out of range (use a year from ${FIRST_YEAR} to ${LAST_YEAR})` };
  if (month < 1 || month > 12) {
    if (monthWasNumber && month > 12 && day >= 1 && day <= 12) {
      return { kind: 'invalid', message: `There is no month ${month}; write the day first, as ${month}/${day}/${year}` };
    }
    return { kind: 'invalid', message: `There is no month ${month} (months go from 1 to 12)` };
  }
  const monthName = MONTH_NAMES[month - 1] ?? '';
  if (day < 1) return { kind: 'invalid', message: `There is no day ${day} in a month` };
  const last = daysInMonth(year, month);
  if (day > last) return { kind: 'invalid', message: `There is no ${day} ${monthName} ${year} (${monthName} ${year} has ${last} days)` };
  return { kind: 'date', iso: `${year}-${pad(month)}-${pad(day)}` };
}

const SEP = String.raw`[\/.\-\s]`;
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})${SEP}+(\d{1,2})${SEP}+(\d{4}|\d{2})$`);
const DAY_MONTH_WORD = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?${SEP}*(?:of\s+)?([a-z]+\.?),?${SEP}*(\d{4}|\d{2})$`, 'i');
const MONTH_WORD_DAY = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const NO_YEAR = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?${SEP}*(?:of\s+)?(\d{1,2}|[a-z]+\.?)$`, 'i');

function readWithoutWeekday(text: string): DateReading {
  let m = ISO.exec(text);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]), true);
  m = DAY_FIRST.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), fullYear(m[3] ?? ''), true);
  m = DAY_MONTH_WORD.exec(text);
  if (m) {
    const month = monthOfWord(m[2] ?? '');
    if (month === null) return { kind: 'invalid', message: `“${m[2] ?? ''}” is not a month; write it as 3 Dec 2026 or 3/12/2026` };
    return checked(Number(m[1]), month, fullYear(m[3] ?? ''), false);
  }
  m = MONTH_WORD_DAY.exec(text);
  if (m) {
    const month = monthOfWord(m[1] ?? '');
    if (month !== null) return checked(Number(m[2]), month, Number(m[3]), false);
  }
  if (NO_YEAR.test(text)) return { kind: 'invalid', message: 'Add the year, for example 3/12/2026' };
  return { kind: 'invalid', message: 'Enter a date such as 3/12/2026 or 3 Dec 2026' };
}

/** Reads a date as typed; day first, as in the UK, whatever the computer's locale. */
export function readDate(typed: string): DateReading {
  const text = typed.trim().replace(/\s+/g, ' ').replace(/[.,]$/, '');
  if (text === '') return { kind: 'empty' };
  // "Thursday 3 December 2026" (the way the field says a date back) reads as a date; its weekday must agree.
  const first = /^([a-z]+)[.,]?\s+(.*)$/i.exec(text);
  const weekday = first ? weekdayOfWord(first[1] ?? '') : null;
  if (first && weekday !== null) {
    const reading = readWithoutWeekday(first[2] ?? '');
    if (reading.kind === 'date' && weekdayOf(reading.iso) !== weekday) {
      return { kind: 'invalid', message: `${longDay(reading.iso)} is a ${WEEKDAY_NAMES[weekdayOf(reading.iso)] ?? ''}, not a ${WEEKDAY_NAMES[weekday] ?? ''}` };
    }
    return reading;
  }
  return readWithoutWeekday(text);
}

/** Reads a time of day as typed: 24-hour (14:20, 1420, 14.20, 9) or with am/pm (2.20pm); noon and midnight too. */
export function readTime(typed: string): TimeReading {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'empty' };
  if (text === 'noon' || text === 'midday') return { kind: 'time', hhmm: '12:00' };
  if (text === 'midnight') return { kind: 'time', hhmm: '00:00' };
  const m = /^(\d{1,2})(?:[:.\sh](\d{2})|(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(text);
  if (!m) return { kind: 'invalid', message: 'Enter a time on the 24-hour clock, such as 14:20' };
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? m[3] ?? '0');
  const half = m[4]?.replace(/\./g, '');
  if (minutes > 59) return { kind: 'invalid', message: `There is no minute ${minutes} (minutes go from 00 to 59)` };
  if (half) {
    if (hours < 1 || hours > 12) return { kind: 'invalid', message: `${hours}${half} is not a time (with am or pm the hour is 1 to 12)` };
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  } else if (hours === 24 && minutes === 0) {
    return { kind: 'invalid', message: 'Write midnight as 00:00 on the next day' };
  } else if (hours > 23) {
    return { kind: 'invalid', message: `There is no hour ${hours} (the 24-hour clock goes from 00:00 to 23:59)` };
  }
  return { kind: 'time', hhmm: `${pad(hours)}:${pad(minutes)}` };
}

/** "3 December 2026" from yyyy-mm-dd. */
export function longDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d ?? ''} ${MONTH_NAMES[(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}

/** "Thursday 3 December 2026": how a date field says back the day it understood. */
export function describeDay(iso: string): string {
  return `${WEEKDAY_NAMES[weekdayOf(iso)] ?? ''} ${longDay(iso)}`;
}

/** "03/12/2026": a stored date as it is put back into a field for editing. */
export function numericDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * A date as the API takes it, yyyy-mm-dd. Left empty on a form it asks for the date (the date
 * fields send ISO, or their own message for text that is not a date); any other text can only
 * come from a script, and is told the format.
 */
export function isoDate(what = 'a date') {
  return z.iso.date({ error: (issue) => (issue.input === '' || issue.input === undefined ? `Enter ${what}` : 'Write the date as yyyy-mm-dd, for example 2026-12-03') });
}
