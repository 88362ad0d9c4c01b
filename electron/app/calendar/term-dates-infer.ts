/**
 * Works out each school year's three terms and half-terms from a council's term-dates calendar,
 * whatever its layout (named terms, six numbered terms, halves, holidays only, "Term starts" and
 * "Term ends" days): Christmas and Easter bound the terms, and a week-long break inside each is
 * its half-term. Where the file allows more than one division (two breaks after Christmas that
 * could be Easter, two inside one term), every one is offered and the person chooses.
 */
import type { TermName } from '../../../shared/domain/calendar.ts';
import type { IgnoredEvent, InferredTerm, TermDatesOption, TermDatesYear } from '../../../shared/domain/term-dates.ts';
import { AppError } from '../../../shared/errors.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import type { IcsEvent } from './term-dates-ics.ts';
import { range, sortEvents, timelineOf, type Interval, type Run, type Segment } from './term-dates-timeline.ts';

export interface InferredTermDates {
  years: TermDatesYear[];
  partYears: { label: string; reason: string }[];
  insetDays: { day: string; source: string }[];
  ignored: IgnoredEvent[];
}

/** More divisions than this is a file LinkDesk cannot read sensibly, not a choice to offer. */
const MAX_OPTIONS = 12;

/** Easter Sunday of a year (the Gregorian computus, as the Book of Common Prayer tables give it). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((8 * b + 13) / 25)) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const labelOf = (year: number): string => `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
const academicYearOf = (iso: string): number => Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) >= 8 ? 0 : 1);
const touchesAugust = (run: Run): boolean => {
  for (let y = Number(run.from.slice(0, 4)); y <= Number(run.to.slice(0, 4)); y++) if (run.from <= `${y}-08-31` && run.to >= `${y}-08-01`) return true;
  return false;
};
const firstWeekday = (run: Run): string => {
  let day = run.from;
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
};
const lastWeekday = (run: Run): string => {
  let day = run.to;
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, -1);
  return day;
};
const breakWords = (run: Run): string => `${range(firstWeekday(run), lastWeekday(run))} (${run.source})`;

/** How likely a break is Easter: it holds Easter Sunday, it is named so, or it falls between six-term Terms 4 and 5. */
function easterScore(run: Run, before: Segment, after: Segment, year: number): number {
  const sunday = easterSunday(year + 1);
  return (run.from <= sunday && sunday <= run.to ? 3 : 0) + (/easter|spring (holiday|break)/i.test(run.source) ? 2 : 0) + (/term\s*4\b/i.test(before.endSource) && /term\s*5\b/i.test(after.startSource) ? 2 : 0);
}
/** How likely a break is a half-term: named so, a week long, or the gap between two term events (not a holiday inside one). */
const halfTermScore = (run: Run): number => (/half[\s-]?term/i.test(run.source) ? 2 : 0) + (run.weekdays <= 5 ? 1 : 0) + (run.source.startsWith('the gap between') ? 1 : 0);

/** Every way to divide one school year's stretches of school days, or the problem that leaves none. */
function optionsOf(year: number, segments: Segment[]): { options: TermDatesOption[]; scores: number[] } | string {
  const label = labelOf(year);
  const breaks = segments.slice(1).map((s) => s.prev as Run);
  const first = segments[0] as Segment;
  const last = segments.at(-1) as Segment;
  const christmas = breaks.findIndex((b) => b.from <= `${year + 1}-01-01` && b.to >= `${year}-12-24`);
  if (christmas < 0) return `${label}: no Christmas holiday between two terms was found (the file shows school days from ${formatDate(first.start)} to ${formatDate(last.end)})`;
  if (christmas === 0) return `${label}: the autumn term (${range(first.start, first.end)}) has no half-term in this file`;
  const afterChristmas = breaks.length - christmas - 1;
  if (afterChristmas < 2) {
    const spring = segments[christmas + 1] as Segment;
    return `${label} has only two terms in this file: the autumn term and, after Christmas, ${range(spring.start, last.end)}; a school year needs autumn, spring and summer terms, each with a half-term`;
  }
  const inner = (from: number, to: number) => Math.max(0, to - from);
  let count = 0;
  for (let easter = christmas + 2; easter < breaks.length - 1; easter++) count += christmas * inner(christmas + 1, easter) * inner(easter + 1, segments.length - 1);
  if (count > MAX_OPTIONS) return `${label}: the file has ${breaks.length} week-long breaks, too many to tell the terms and half-terms apart`;
  const options: TermDatesOption[] = [];
  const scores: number[] = [];
  for (let easter = christmas + 2; easter < breaks.length - 1; easter++) {
    // Terms as [first segment, last segment]; break i lies between segments i and i+1.
    const bounds: [TermName, number, number][] = [['autumn', 0, christmas], ['spring', christmas + 1, easter], ['summer', easter + 1, segments.length - 1]];
    const inside = bounds.map(([, from, to]) => breaks.slice(from, to).map((_, k) => from + k));
    for (const a of inside[0] ?? []) for (const s of inside[1] ?? []) for (const u of inside[2] ?? []) {
      const halves = [a, s, u];
      const terms: InferredTerm[] = bounds.map(([name, from, to], i) => {
        const half = breaks[halves[i] as number] as Run;
        const start = segments[from] as Segment;
        const end = segments[to] as Segment;
        return { name, startsOn: start.start, endsOn: end.end, halfTermFrom: firstWeekday(half), halfTermTo: lastWeekday(half), sources: { startsOn: start.startSource, endsOn: end.endSource, halfTerm: half.source } };
      });
      const easterBreak = breaks[easter] as Run;
      const notes = inside.flat().filter((b) => !halves.includes(b)).map((b) => `The break of ${breakWords(breaks[b] as Run)} counts as term time: LinkDesk holds one half-term a term.`);
      options.push({ id: `${easter}-${halves.join('-')}`, summary: `The spring term ends before the break of ${breakWords(easterBreak)}; half-terms ${halves.map((h) => range(firstWeekday(breaks[h] as Run), lastWeekday(breaks[h] as Run))).join(', ')}.`, notes, terms });
      scores.push(easterScore(easterBreak, segments[easter] as Segment, segments[easter + 1] as Segment, year) + halves.reduce((sum, h) => sum + halfTermScore(breaks[h] as Run), 0));
    }
  }
  if (options.length === 0) return `${label}: after Christmas the file shows ${range((segments[christmas + 1] as Segment).start, last.end)} without two terms that each have a half-term`;
  return { options, scores };
}

/** INSET days on weekdays of the school years found (1 August to 31 July, as INSET days often fall just outside the terms). */
function insetDaysOf(inset: Interval[], years: TermDatesYear[], ignored: IgnoredEvent[]): { day: string; source: string }[] {
  const spans = years.map((y) => ({ from: `${y.label.slice(0, 4)}-08-01`, to: `${Number(y.label.slice(0, 4)) + 1}-07-31` }));
  const days = new Map<string, string>();
  const seen = new Set<string>();
  for (const event of inset) {
    const hit = spans.filter((s) => s.from <= event.end && event.start <= s.to);
    if (hit.length === 0) ignored.push({ name: event.name, startsOn: event.start, endsOn: event.end, reason: 'An INSET day outside the school years found' });
    // The same dates twice cost nothing more, so a file of repeated events stays cheap.
    if (hit.length === 0 || seen.has(`${event.start}/${event.end}`)) continue;
    seen.add(`${event.start}/${event.end}`);
    for (const span of hit) {
      const last = event.end < span.to ? event.end : span.to;
      for (let day = event.start > span.from ? event.start : span.from; day <= last; day = addDays(day, 1)) {
        if (![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) && !days.has(day)) days.set(day, event.name);
      }
    }
  }
  return [...days.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([day, source]) => ({ day, source }));
}

/** The school years of a file's events; a year that cannot be divided into three terms refuses the file, naming it. */
export function inferTermDates(events: IcsEvent[], fileName: string): InferredTermDates {
  const { terms, holidays, inset, other } = sortEvents(events);
  if (terms.length === 0 && holidays.length === 0) {
    const seen = other.length + inset.length ? ` (its events, such as ${[...inset, ...other].slice(0, 3).map((e) => `"${e.name}"`).join(', ')}, are none of these)` : '';
    throw new AppError('invalid_input', `${fileName} has no term dates: no event is named like a term ("Autumn term", "Term 1", "Term starts") or a holiday ("Christmas holiday", "October half term")${seen}. Nothing was saved.`);
  }
  const timeline = timelineOf(terms, holidays);
  const groups: Segment[][] = [];
  for (const segment of timeline.segments) {
    if (groups.length === 0 || (segment.prev && touchesAugust(segment.prev))) groups.push([]);
    groups.at(-1)?.push(segment);
  }
  const problems: { group: number; message: string }[] = [];
  const years: TermDatesYear[] = [];
  groups.forEach((group, index) => {
    const year = academicYearOf((group[0] as Segment).start);
    const found = optionsOf(year, group);
    if (typeof found === 'string') problems.push({ group: index, message: found });
    else {
      const best = found.scores.indexOf(Math.max(...found.scores));
      years.push({ label: labelOf(year), options: found.options, suggested: found.options[best]?.id ?? '', needsChoice: found.options.length > 1 });
    }
  });
  // A file often starts or ends part way through a school year (a calendar-year file, say): with a
  // whole year beside it, that part is shown as not imported; a gap in the middle refuses the file.
  const atEdge = (group: number) => group === 0 || group === groups.length - 1;
  if (problems.length && (years.length === 0 || !problems.every((p) => atEdge(p.group)))) {
    throw new AppError('invalid_input', `The term dates could not be worked out: ${problems.map((p) => p.message).join('; ')}. Nothing was saved.`, { problems: problems.map((p) => p.message) });
  }
  const partYears = problems.map((p) => ({ label: labelOf(academicYearOf((groups[p.group]?.[0] as Segment).start)), reason: p.message }));
  const used = [...timeline.breaks, ...timeline.segments.flatMap((s) => [s.prev, s.next].filter((r): r is Run => r !== null))];
  const ignored: IgnoredEvent[] = [
    ...other.map((e) => ({ name: e.name, startsOn: e.start, endsOn: e.end, reason: 'Not a term, a holiday or an INSET day' })),
    ...holidays
      .filter((h) => !used.some((r) => r.from <= h.end && h.start <= r.to))
      .map((h) => ({ name: h.name, startsOn: h.start, endsOn: h.end, reason: 'A day or two off inside a term, not a half-term or a holiday between terms' })),
  ];
  const insetDays = insetDaysOf(inset, years, ignored);
  return { years, partYears, insetDays, ignored: ignored.sort((a, b) => a.startsOn.localeCompare(b.startsOn)) };
}
