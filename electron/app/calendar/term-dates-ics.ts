/**
 * Reads the events of a council's term-dates calendar (.ics), within the limits on lines, events
 * and years: each event's name and its first and last day. Timed events count on the days they
 * fall on in Europe/London, where the schools are; what the events mean is term-dates-infer.ts.
 */
import path from 'node:path';
import { cleanLine } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import { addDays } from '../../../shared/format.ts';
import { formatCount, overLimit, TERM_DATES_LIMITS } from '../imports/limits.ts';
import { parseDate } from '../imports/text-file.ts';

export interface IcsEvent {
  summary: string;
  start: string;
  /** Last day of the event, inclusive. */
  end: string;
}

interface IcsMoment {
  date: string;
  /** A date without a time (VALUE=DATE). */
  allDay: boolean;
  /** A time of exactly 00:00 where the schools are: as an end, the day before is the last day. */
  midnight: boolean;
}

function unfold(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The London date and whether it is midnight, of a UTC instant (a value ending in Z). */
function londonOf(utc: Date): { date: string; midnight: boolean } {
  const part = (type: string) => LONDON.formatToParts(utc).find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, midnight: part('hour') === '00' && part('minute') === '00' };
}

/** A real date (and time), or null. A time without Z (floating or with a TZID) is taken as the schools' own clock. */
function icsMoment(value: string): IcsMoment | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/.exec(value.trim());
  if (!m) return null;
  const date = parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  if (!date) return null;
  if (m[4] === undefined) return { date, allDay: true, midnight: false };
  if (m[7]) {
    const instant = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
    return { ...londonOf(instant), allDay: false };
  }
  return { date, allDay: false, midnight: m[4] === '00' && m[5] === '00' };
}

/** Refuses an event dated outside the years LinkDesk accepts, naming it: a typo like 2206 would otherwise plan two centuries of terms. */
function assertDateInRange(file: string, summary: string, ...dates: (string | undefined)[]): void {
  const { firstYear, lastYear } = TERM_DATES_LIMITS;
  const outside = dates.find((d) => d && (Number(d.slice(0, 4)) < firstYear || Number(d.slice(0, 4)) > lastYear));
  if (outside) throw overLimit(file, `has an event ("${cleanLine(summary).slice(0, 60)}") dated ${outside}, outside the years ${firstYear} to ${lastYear}`, `${firstYear} to ${lastYear}`);
}

/** The last day an event covers: an all-day DTEND, or one at midnight, is the day after it. */
function lastDay(start: IcsMoment, end: IcsMoment | undefined): string {
  if (!end) return start.date;
  const last = end.allDay || (end.midnight && end.date > start.date) ? addDays(end.date, -1) : end.date;
  return last < start.date ? start.date : last;
}

/** The events of an .ics text, within the limits on lines, events and dates; `file` names it in messages. */
export function readEvents(text: string, file = 'The calendar file'): IcsEvent[] {
  const fileName = path.basename(file);
  if (!/BEGIN:VCALENDAR/.test(text)) throw new AppError('invalid_input', `${fileName} is not a calendar (.ics) file.`, { file: fileName });
  const { events: maxEvents, lineCharacters } = TERM_DATES_LIMITS;
  const events: IcsEvent[] = [];
  let current: { summary?: string; start?: IcsMoment; end?: IcsMoment } | null = null;
  for (const line of unfold(text)) {
    if (line.length > lineCharacters) throw overLimit(file, `has a line longer than ${formatCount(lineCharacters)} characters`, `${formatCount(lineCharacters)} characters`);
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      if (events.length >= maxEvents) throw overLimit(file, `has more than ${formatCount(maxEvents)} events`, formatCount(maxEvents));
      if (current.summary && current.start) {
        assertDateInRange(file, current.summary, current.start.date, current.end?.date);
        events.push({ summary: cleanLine(current.summary).slice(0, 200), start: current.start.date, end: lastDay(current.start, current.end) });
      }
      current = null;
    } else if (current) {
      const [name = '', ...rest] = line.split(':');
      const value = rest.join(':');
      const key = name.split(';')[0]?.toUpperCase();
      if (key === 'SUMMARY') current.summary = value.replace(/\\([,;\\])/g, '$1').trim();
      if (key === 'DTSTART') current.start = icsMoment(value) ?? undefined;
      if (key === 'DTEND') current.end = icsMoment(value) ?? undefined;
    }
  }
  return events;
}
