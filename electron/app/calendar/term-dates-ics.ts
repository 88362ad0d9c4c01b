/**
 * Reads a council's term-dates calendar (.ics): events named like "Autumn term" give each term's
 * first and last day, events named like "October half term" give its half-term. Council files
 * differ; anything that cannot be placed is named in the error, and nothing is saved.
 */
import path from 'node:path';
import { type AcademicYearInput, TERM_NAMES, type TermName } from '../../../shared/domain/calendar.ts';
import { cleanLine } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import { addDays } from '../../../shared/format.ts';
import { formatCount, overLimit, TERM_DATES_LIMITS } from '../imports/limits.ts';
import { parseDate } from '../imports/text-file.ts';

interface IcsEvent {
  summary: string;
  start: string;
  /** Last day of the event, inclusive. */
  end: string;
}

function unfold(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

/** A real calendar date, or null. */
function icsDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  return (m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : null) ?? null;
}

/** Refuses an event dated outside the years LinkDesk accepts, naming it: a typo like 2206 would otherwise plan two centuries of terms. */
function assertDateInRange(file: string, summary: string, ...dates: (string | undefined)[]): void {
  const { firstYear, lastYear } = TERM_DATES_LIMITS;
  const outside = dates.find((d) => d && (Number(d.slice(0, 4)) < firstYear || Number(d.slice(0, 4)) > lastYear));
  if (outside) throw overLimit(file, `has an event ("${cleanLine(summary).slice(0, 60)}") dated ${outside}, outside the years ${firstYear} to ${lastYear}`, `${firstYear} to ${lastYear}`);
}

/** The events of an .ics text, within the limits on lines, events and dates; `file` names it in messages. */
export function readEvents(text: string, file = 'The calendar file'): IcsEvent[] {
  const fileName = path.basename(file);
  if (!/BEGIN:VCALENDAR/.test(text)) throw new AppError('invalid_input', `${fileName} is not a calendar (.ics) file.`, { file: fileName });
  const { events: maxEvents, lineCharacters } = TERM_DATES_LIMITS;
  const events: IcsEvent[] = [];
  let current: { summary?: string; start?: string; end?: string; allDay?: boolean } | null = null;
  for (const line of unfold(text)) {
    if (line.length > lineCharacters) throw overLimit(file, `has a line longer than ${formatCount(lineCharacters)} characters`, `${formatCount(lineCharacters)} characters`);
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      if (events.length >= maxEvents) throw overLimit(file, `has more than ${formatCount(maxEvents)} events`, formatCount(maxEvents));
      if (current.summary && current.start) {
        assertDateInRange(file, current.summary, current.start, current.end);
        // An all-day DTEND is the day after the event; a missing one means a single day.
        const end = current.end ? (current.allDay ? addDays(current.end, -1) : current.end) : current.start;
        events.push({ summary: current.summary, start: current.start, end: end < current.start ? current.start : end });
      }
      current = null;
    } else if (current) {
      const [name = '', ...rest] = line.split(':');
      const value = rest.join(':');
      const key = name.split(';')[0]?.toUpperCase();
      if (key === 'SUMMARY') current.summary = value.replace(/\\([,;\\])/g, '$1').trim();
      if (key === 'DTSTART') {
        current.start = icsDate(value) ?? undefined;
        current.allDay = /VALUE=DATE(?!-)/i.test(name) || value.trim().length === 8;
      }
      if (key === 'DTEND') current.end = icsDate(value) ?? undefined;
    }
  }
  return events;
}

const academicYearOf = (isoDate: string): number => {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 8 ? year : year - 1;
};

export function termDatesFromIcs(text: string, file?: string): AcademicYearInput[] {
  const events = readEvents(text, file);
  const terms = new Map<number, Partial<Record<TermName, { startsOn: string; endsOn: string }>>>();
  const halves: IcsEvent[] = [];
  for (const e of events) {
    const s = e.summary.toLowerCase();
    if (/half[\s-]?term/.test(s)) halves.push(e);
    else if (/\bterm\b/.test(s)) {
      const name = TERM_NAMES.find((t) => s.includes(t));
      if (!name) continue;
      const year = academicYearOf(e.start);
      const entry = terms.get(year) ?? {};
      const known = entry[name];
      // Some files give "term starts" and "term ends" as separate one-day events.
      entry[name] = known ? { startsOn: known.startsOn < e.start ? known.startsOn : e.start, endsOn: known.endsOn > e.end ? known.endsOn : e.end } : { startsOn: e.start, endsOn: e.end };
      terms.set(year, entry);
    }
  }
  if (terms.size === 0) throw new AppError('invalid_input', 'No events named like "Autumn term", "Spring term" or "Summer term" were found in this file.');
  const years: AcademicYearInput[] = [];
  const problems: string[] = [];
  for (const [year, entry] of [...terms.entries()].sort((a, b) => a[0] - b[0])) {
    const label = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
    const built = TERM_NAMES.map((name) => {
      const term = entry[name];
      if (!term) {
        problems.push(`${label}: no ${name} term`);
        return null;
      }
      const half = halves.find((h) => h.start > term.startsOn && h.end < term.endsOn);
      if (!half) {
        problems.push(`${label}: no half-term inside the ${name} term`);
        return null;
      }
      return { name, startsOn: term.startsOn, endsOn: term.endsOn, halfTermFrom: half.start, halfTermTo: half.end };
    });
    if (built.every((t) => t !== null)) years.push({ label, terms: built as AcademicYearInput['terms'] });
  }
  if (problems.length) throw new AppError('invalid_input', `The term dates are incomplete: ${problems.join('; ')}. Nothing was saved.`, { problems });
  return years;
}
