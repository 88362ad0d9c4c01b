/**
 * The school days a council's term-dates calendar describes, whatever its layout: every event is
 * sorted into a term, a holiday, an INSET day or something else by its name, then each day of the
 * span is a school day unless a holiday covers it, it is a weekend, or (when the file has term
 * events) no term covers it. Runs of days off with 3 weekdays or more are breaks (half-terms and
 * holidays); shorter ones (a bank holiday, a polling day) stay inside the stretch of school days.
 */
import { AppError } from '../../../shared/errors.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import type { IcsEvent } from './term-dates-ics.ts';

export type EventKind = 'term' | 'holiday' | 'inset' | 'other';

/** What an event's name says it is; a one-day "Term starts" is a marker, paired with the next "Term ends". */
export function kindOf(summary: string): { kind: EventKind; marker: 'start' | 'end' | null } {
  const s = summary.toLowerCase();
  const marker = /\b(starts?|begins?|first day|start of)\b/.test(s) ? 'start' : /\b(ends?|finish(es)?|last day|end of)\b/.test(s) ? 'end' : null;
  if (/\binset\b|staff training|training day|professional development|\bpd day|non[- ]pupil/.test(s)) return { kind: 'inset', marker: null };
  if (/half[\s-]?term|holiday|\bbreak\b|\bclosed\b|closure|vacation|christmas(?!\s+term)|easter(?!\s+term)|good friday|boxing day|new year/.test(s)) return { kind: 'holiday', marker };
  if (/\bterms?\b/.test(s)) return { kind: 'term', marker };
  return { kind: 'other', marker: null };
}

export interface Interval {
  name: string;
  start: string;
  end: string;
}

/** A run of consecutive days, all school days or all days off. */
export interface Run {
  from: string;
  to: string;
  school: boolean;
  /** Weekdays in the run (days off only): 3 or more make a break. */
  weekdays: number;
  /** The events that made the days off, in words. */
  source: string;
}

/** School days from `start` to `end`, with the days off (edges or breaks) either side. */
export interface Segment {
  start: string;
  end: string;
  startSource: string;
  endSource: string;
  prev: Run | null;
  next: Run | null;
}

export interface Timeline {
  terms: Interval[];
  holidays: Interval[];
  segments: Segment[];
  breaks: Run[];
}

export const range = (from: string, to: string): string => (from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to)}`);
const quoted = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');
const dayIndex = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const isWeekend = (iso: string): boolean => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());
const BREAK_WEEKDAYS = 3;

/** One-day "starts" and "ends" markers paired in date order into intervals; an unpaired one is a problem named. */
function pairMarkers(markers: { name: string; day: string; marker: 'start' | 'end' }[], problems: string[]): Interval[] {
  const paired: Interval[] = [];
  let open: { name: string; day: string } | null = null;
  for (const m of [...markers].sort((a, b) => a.day.localeCompare(b.day) || (a.marker === 'start' ? -1 : 1))) {
    if (m.marker === 'start') {
      if (open) problems.push(`"${open.name}" on ${formatDate(open.day)} has no end before "${m.name}" on ${formatDate(m.day)}`);
      open = m;
    } else if (!open) problems.push(`"${m.name}" on ${formatDate(m.day)} has no start before it`);
    else {
      paired.push({ name: open.name === m.name ? open.name : `${open.name}" to "${m.name}`, start: open.day, end: m.day });
      open = null;
    }
  }
  if (open) problems.push(`"${open.name}" on ${formatDate(open.day)} has no end after it`);
  return paired;
}

/** Terms that overlap without one holding the other (halves inside a whole term are fine). */
function overlaps(terms: Interval[], problems: string[]): void {
  const sorted = [...terms].sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
  sorted.forEach((a, i) => {
    for (let j = i + 1; j < sorted.length && (sorted[j]?.start ?? '') <= a.end; j++) {
      const b = sorted[j] as Interval;
      if (b.end > a.end) problems.push(`"${a.name}" (${range(a.start, a.end)}) and "${b.name}" (${range(b.start, b.end)}) overlap: a day cannot be in two terms`);
    }
  });
}

/** The terms, holidays and INSET days of the events, and the rest; problems (unpaired markers, overlapping terms) refuse the file. */
export function sortEvents(events: IcsEvent[]): { terms: Interval[]; holidays: Interval[]; inset: Interval[]; other: Interval[] } {
  const problems: string[] = [];
  const sorted = { term: [] as Interval[], holiday: [] as Interval[], inset: [] as Interval[], other: [] as Interval[] };
  const markers = { term: [] as Parameters<typeof pairMarkers>[0], holiday: [] as Parameters<typeof pairMarkers>[0] };
  for (const e of events) {
    const { kind, marker } = kindOf(e.summary);
    if ((kind === 'term' || kind === 'holiday') && marker && e.start === e.end) markers[kind].push({ name: e.summary, day: e.start, marker });
    else sorted[kind].push({ name: e.summary, start: e.start, end: e.end });
  }
  const terms = [...sorted.term, ...pairMarkers(markers.term, problems)];
  const holidays = [...sorted.holiday, ...pairMarkers(markers.holiday, problems)];
  overlaps(terms, problems);
  if (problems.length) throw new AppError('invalid_input', `The term dates do not fit together: ${problems.slice(0, 5).join('; ')}. Nothing was saved.`, { problems });
  return { terms, holidays, inset: sorted.inset, other: sorted.other };
}

/** The number of leading items for which `before` holds, in an array sorted so that it holds for a prefix. */
function countWhile<T>(sorted: T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds, by binary search over sorted copies, who made a run of days off (the holidays over it,
 * else the terms either side) and which term opens or closes a stretch of school days: a file
 * of 5,000 events costs a few steps per run, not a pass over every event.
 */
class EventIndex {
  private readonly byStart: Interval[];
  private readonly byEnd: Interval[];
  private readonly holidays: Interval[];
  /** The latest end among the holidays up to each one, by start: a backward scan stops once it is before the run. */
  private readonly holidayReach: string[];

  constructor(terms: Interval[], holidays: Interval[]) {
    this.byStart = [...terms].sort((a, b) => a.start.localeCompare(b.start));
    this.byEnd = [...terms].sort((a, b) => a.end.localeCompare(b.end));
    this.holidays = [...holidays].sort((a, b) => a.start.localeCompare(b.start));
    let reach = '';
    this.holidayReach = this.holidays.map((h) => (reach = h.end > reach ? h.end : reach));
  }

  sourceOf(from: string, to: string): string {
    const names: string[] = [];
    for (let i = countWhile(this.holidays, (h) => h.start <= to) - 1; i >= 0 && (this.holidayReach[i] ?? '') >= from; i--) {
      const h = this.holidays[i] as Interval;
      if (h.end >= from && !names.includes(h.name)) names.unshift(h.name);
    }
    if (names.length) return quoted(names.slice(0, 3));
    const before = this.byEnd[countWhile(this.byEnd, (t) => t.end < from) - 1];
    const after = this.byStart[countWhile(this.byStart, (t) => t.start <= to)];
    if (before && after) return `the gap between "${before.name}" and "${after.name}"`;
    return 'days with no term event';
  }

  /** A term starting after `after` and covering `day`. */
  opening(day: string, after: string): Interval | undefined {
    for (let i = countWhile(this.byStart, (t) => t.start <= day) - 1; i >= 0 && (this.byStart[i]?.start ?? '') > after; i--) if ((this.byStart[i]?.end ?? '') >= day) return this.byStart[i];
    return undefined;
  }

  /** A term covering `day` and ending before `before`. */
  closing(day: string, before: string): Interval | undefined {
    for (let i = countWhile(this.byEnd, (t) => t.end < day); i < this.byEnd.length && (this.byEnd[i]?.end ?? '') < before; i++) if ((this.byEnd[i]?.start ?? '') <= day) return this.byEnd[i];
    return undefined;
  }
}

/** Builds the timeline of the file's terms and holidays (days outside every term are off when there are terms). */
export function timelineOf(terms: Interval[], holidays: Interval[]): Timeline {
  const all = [...terms, ...holidays];
  const first = all.reduce((min, i) => (i.start < min ? i.start : min), all[0]?.start ?? '');
  const last = all.reduce((max, i) => (i.end > max ? i.end : max), all[0]?.end ?? '');
  const base = dayIndex(first);
  const days = dayIndex(last) - base + 1;
  // Difference arrays: each event costs two steps, however long, so 5,000 events over a century stay cheap.
  const termCover = new Int32Array(days + 1);
  const holidayCover = new Int32Array(days + 1);
  const mark = (cover: Int32Array, i: Interval) => {
    cover[dayIndex(i.start) - base] = (cover[dayIndex(i.start) - base] ?? 0) + 1;
    cover[dayIndex(i.end) - base + 1] = (cover[dayIndex(i.end) - base + 1] ?? 0) - 1;
  };
  terms.forEach((t) => mark(termCover, t));
  holidays.forEach((h) => mark(holidayCover, h));
  const runs: Run[] = [];
  let inTerm = 0;
  let inHoliday = 0;
  for (let d = 0; d < days; d++) {
    inTerm += termCover[d] ?? 0;
    inHoliday += holidayCover[d] ?? 0;
    const day = addDays(first, d);
    const weekend = isWeekend(day);
    const school = !weekend && inHoliday === 0 && (terms.length === 0 || inTerm > 0);
    const current = runs.at(-1);
    if (current && current.school === school) {
      current.to = day;
      if (!weekend && !school) current.weekdays++;
    } else runs.push({ from: day, to: day, school, weekdays: !weekend && !school ? 1 : 0, source: '' });
  }
  const segments: Segment[] = [];
  let open: Segment | null = null;
  let prev: Run | null = null;
  for (const run of runs) {
    if (run.school) {
      open ??= { start: run.from, end: run.to, startSource: '', endSource: '', prev, next: null };
      open.end = run.to;
    } else if (run.weekdays >= BREAK_WEEKDAYS || run === runs.at(-1)) {
      if (open) segments.push({ ...open, next: run });
      open = null;
      prev = run;
    }
  }
  if (open) segments.push(open);
  const index = new EventIndex(terms, holidays);
  // Only the runs either side of a stretch of school days are named: weekends inside a term never are.
  for (const run of new Set(segments.flatMap((s) => [s.prev, s.next]))) if (run) run.source = index.sourceOf(run.from, run.to);
  for (const s of segments) {
    const opening = index.opening(s.start, s.prev ? s.prev.from : '');
    const closing = index.closing(s.end, s.next ? s.next.to : '9999-12-31');
    s.startSource = opening ? `"${opening.name}"` : s.prev ? `after ${s.prev.source}` : 'the first day in the file';
    s.endSource = closing ? `"${closing.name}"` : s.next ? `before ${s.next.source}` : 'the last day in the file';
  }
  const breaks = segments.flatMap((s, i) => (i > 0 && s.prev ? [s.prev] : []));
  return { terms, holidays, segments, breaks };
}
