/** The team's calendar: school years, bank holidays (updatable from gov.uk's file), INSET days, and the working-day calendar built from them. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { AcademicYearInput as AcademicYearInputSchema, type AcademicYear, type AcademicYearInput } from '../../../shared/domain/calendar.ts';
import { schoolHolidaysOf } from '../../../shared/domain/calendar.ts';
import { shiftWorkingDays, WorkingDayIndex, type WorkingCalendar } from '../../../shared/domain/working-days.ts';
import { deadlinesFor, type VisitDeadlines as ProFormaDeadlines } from '../../../shared/domain/visits.ts';
import { line } from '../../../shared/domain/text.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type Audit, type WriteContext } from '../db/write.ts';
import { assertFileSize, BANK_HOLIDAY_LIMITS, formatCount, overLimit, TERM_DATES_LIMITS } from '../imports/limits.ts';
import { assertReadableFile } from '../imports/text-file.ts';
import { selectSettings, upsertSetting } from '../team/repo.ts';
import { getTeam } from '../team/service.ts';
import { readEvents } from './term-dates-ics.ts';
import { inferTermDates } from './term-dates-infer.ts';
import { termOf, type TermDatesImport, type TermDatesYear } from '../../../shared/domain/term-dates.ts';
import { countServedSchools, deleteInsetDay, insertInsetDay, insertInsetDaysForServed, insertYear, replaceBankHolidays, selectBankHolidays, selectLastBankHoliday, selectInsetDays, selectInsetDaysBetween, selectYearId, selectYears, upsertTerm } from './repo.ts';

export function listYears(db: Connection): AcademicYear[] {
  return selectYears(db);
}

export function saveYear(ctx: WriteContext, input: z.output<typeof AcademicYearInput>): AcademicYear {
  saveYears(ctx, [input]);
  const saved = selectYears(ctx.db).find((y) => y.label === input.label);
  if (!saved) throw new AppError('internal', 'The school year was not saved.');
  return saved;
}

/** Refuses school years that overlap each other or the years held (a year given again replaces itself). */
function assertNoOverlap(db: Connection, inputs: z.output<typeof AcademicYearInput>[]): void {
  const labels = new Set(inputs.map((i) => i.label));
  const span = (terms: { startsOn: string; endsOn: string }[]) => ({ first: terms[0]?.startsOn ?? '', last: terms.at(-1)?.endsOn ?? '' });
  const others = [...selectYears(db).filter((y) => !labels.has(y.label)), ...inputs];
  for (const input of inputs) {
    const { first, last } = span(input.terms);
    const clash = others.find((y) => y.label !== input.label && span(y.terms).first <= last && first <= span(y.terms).last);
    if (clash) throw new AppError('invalid_input', `These dates overlap the ${clash.label} school year.`, { issues: [{ path: 'terms', message: `Overlaps ${clash.label}` }] });
  }
}

/** Writes school years inside the caller's transaction. */
function writeYears(db: Connection, inputs: z.output<typeof AcademicYearInput>[], audit: Audit): void {
  for (const input of inputs) {
    const existing = selectYearId(db, input.label);
    const id = existing ?? randomUUID();
    if (!existing) insertYear(db, id, input.label);
    for (const term of input.terms) upsertTerm(db, id, term);
    audit('academic-year', id, 'save', input.label);
  }
}

/** Saves school years together: one overlapping the others (already held or in the batch) saves none. */
export function saveYears(ctx: WriteContext, inputs: z.output<typeof AcademicYearInput>[]): void {
  assertNoOverlap(ctx.db, inputs);
  write(ctx, (audit) => writeYears(ctx.db, inputs, audit));
}

export interface TermDatesChoices {
  /** Only show what the file gives (true), or save it (false). */
  dryRun: boolean;
  /** The division chosen for each school year that offers more than one, by year label. */
  choices: Record<string, string>;
  /** Add the file's INSET days to every school the team serves. */
  addInsetDays: boolean;
  /** The file as the preview saw it: a file changed since is refused. */
  expected?: { bytes: number; modifiedAt: string } | undefined;
}

/** The terms of the division chosen for each year, refusing a year left to choose or a choice the file does not offer. */
function chosenYears(years: TermDatesYear[], choices: Record<string, string>): z.output<typeof AcademicYearInput>[] {
  return years.map((year) => {
    const id = choices[year.label] ?? (year.needsChoice ? null : year.suggested);
    if (id === null) {
      throw new AppError('invalid_input', `${year.label} can be divided into terms in more than one way: choose one before saving. Nothing was saved.`, {
        issues: [{ path: `choices.${year.label}`, message: 'Choose how this year divides into terms' }],
      });
    }
    const option = year.options.find((o) => o.id === id);
    if (!option) {
      throw new AppError('invalid_input', `${year.label}: "${id}" is not one of the divisions this file offers (${year.options.map((o) => o.id).join(', ')}). Nothing was saved.`, {
        issues: [{ path: `choices.${year.label}`, message: 'Not a division this file offers' }],
      });
    }
    const parsed = AcademicYearInputSchema.safeParse({ label: year.label, terms: option.terms.map(termOf) });
    if (!parsed.success) throw new AppError('invalid_input', `${year.label}: ${parsed.error.issues[0]?.message ?? 'the term dates do not fit together'}. Nothing was saved.`);
    return parsed.data;
  });
}

/**
 * Reads a council term-dates .ics and shows, or saves, the school years it gives. Saving writes
 * every year (and, if asked, the INSET days for every school served) in one transaction: a file
 * that cannot be read whole, or a year left to choose, saves nothing.
 */
export function importTermDates(ctx: WriteContext, path: string, options: TermDatesChoices = { dryRun: false, choices: {}, addInsetDays: false }): TermDatesImport {
  assertFileSize(path, assertReadableFile(path), TERM_DATES_LIMITS.fileBytes);
  const stat = fs.statSync(path);
  const file = { name: basename(path), bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
  if (options.expected && (options.expected.bytes !== file.bytes || options.expected.modifiedAt !== file.modifiedAt)) {
    throw new AppError('invalid_input', `${file.name} has changed since it was checked. Check it again before saving; nothing was saved.`, { file: file.name });
  }
  const found = inferTermDates(readEvents(fs.readFileSync(path, 'utf8'), path), file.name);
  const preview: TermDatesImport = { ...found, applied: false, file, servedSchools: countServedSchools(ctx.db), insetDaysAdded: 0 };
  if (options.dryRun) return preview;
  const inputs = chosenYears(found.years, options.choices);
  assertNoOverlap(ctx.db, inputs);
  const insetDaysAdded = write(ctx, (audit) => {
    writeYears(ctx.db, inputs, audit);
    if (!options.addInsetDays || found.insetDays.length === 0) return 0;
    const added = insertInsetDaysForServed(ctx.db, found.insetDays.map((d) => d.day), 'From the council term dates');
    audit('inset-day', null, 'add', `${found.insetDays.length} INSET days from the council term dates, for every school served`);
    return added;
  });
  return { ...preview, applied: true, insetDaysAdded };
}

export function calendarInfo(db: Connection): { bankHolidays: { count: number; from: string; to: string }; schoolHolidaysAreWorkingDays: boolean } {
  const days = selectBankHolidays(db).map((b) => b.day);
  return { bankHolidays: { count: days.length, from: days[0] ?? '', to: days.at(-1) ?? '' }, schoolHolidaysAreWorkingDays: schoolHolidaysAreWorkingDays(db) };
}

/** The last bank holiday held (bundled or imported), or null when none is. */
export function lastBankHoliday(db: Connection): string | null {
  return selectLastBankHoliday(db);
}

export function schoolHolidaysAreWorkingDays(db: Connection): boolean {
  return selectSettings(db).get('schoolHolidaysAreWorkingDays') === true;
}

export function setSchoolHolidaysAreWorkingDays(ctx: WriteContext, value: boolean): void {
  write(ctx, (audit) => {
    upsertSetting(ctx.db, 'schoolHolidaysAreWorkingDays', value);
    audit('settings', null, 'update', 'Changed: schoolHolidaysAreWorkingDays');
  });
}

/** The working-day calendar for the team, or for one school (with its INSET days, closed only if the team says so). */
export function workingCalendar(db: Connection, urn?: string): WorkingCalendar {
  return {
    bankHolidays: new Set(selectBankHolidays(db).map((b) => b.day)),
    schoolHolidays: schoolHolidaysOf(selectYears(db)),
    insetDays: new Set(urn ? selectInsetDays(db, urn) : []),
    countSchoolHolidays: !schoolHolidaysAreWorkingDays(db),
    insetDaysAreWorkingDays: getTeam(db).settings.insetDaysAreWorkingDays,
  };
}

/**
 * How far before a visit its pro forma deadlines can fall: 10 working days across the longest
 * school holiday, with room to spare. A deadline found further back is worked out again exactly.
 */
const DEADLINE_REACH_DAYS = 120;

/**
 * Pro forma deadlines for many visits in one request: the team's working days are listed once
 * over the span of the visits and every school's INSET days in it read in one query, so each
 * visit costs a binary search and a few steps, not a calendar of its own.
 */
export function proFormaDeadlines(db: Connection, visitDates: string[]): (urn: string, visitDate: string) => ProFormaDeadlines {
  const sorted = [...visitDates].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return (urn, date) => deadlinesFor(workingCalendar(db, urn), date);
  const from = addDays(first, -DEADLINE_REACH_DAYS);
  const team = workingCalendar(db);
  const index = new WorkingDayIndex(team, from, last);
  const inset = new Map<string, Set<string>>();
  if (!team.insetDaysAreWorkingDays) for (const { urn, day } of selectInsetDaysBetween(db, from, last)) inset.set(urn, (inset.get(urn) ?? new Set()).add(day));
  return (urn, date) => {
    const closures = inset.get(urn);
    const deadlines = { sendProForma: index.shift(date, -10, closures), proFormaDue: index.shift(date, -5, closures) };
    // Only a deadline inside the span was worked out with every INSET day it passed.
    return deadlines.sendProForma >= from ? deadlines : deadlinesFor(workingCalendar(db, urn), date);
  };
}

const GovUkFile = z.object({
  'england-and-wales': z.object({
    division: z.string(),
    events: z.array(z.object({ title: line().max(200), date: z.iso.date(), notes: line().max(200).default(''), bunting: z.boolean().optional() })).min(1),
  }),
});

/** Replaces the bank holidays with a newer gov.uk bank-holidays.json; a file that is not one, or is over a limit, changes nothing. */
export function importBankHolidays(ctx: WriteContext, path: string): { count: number; from: string; to: string } {
  const limits = BANK_HOLIDAY_LIMITS;
  assertFileSize(path, assertReadableFile(path), limits.fileBytes);
  let parsed: z.output<typeof GovUkFile>;
  try {
    parsed = GovUkFile.parse(JSON.parse(fs.readFileSync(path, 'utf8')));
  } catch {
    throw new AppError('invalid_input', `${basename(path)} is not the gov.uk bank-holidays.json file (it needs an "england-and-wales" list of events with dates).`);
  }
  const events = parsed['england-and-wales'].events.map((e) => ({ day: e.date, title: e.title, notes: e.notes }));
  if (events.length > limits.dates) throw overLimit(path, `has more than ${formatCount(limits.dates)} England and Wales dates`, formatCount(limits.dates));
  const outside = events.find((e) => Number(e.day.slice(0, 4)) < limits.firstYear || Number(e.day.slice(0, 4)) > limits.lastYear);
  if (outside) throw overLimit(path, `has a bank holiday dated ${formatDate(outside.day)}, outside the years ${limits.firstYear} to ${limits.lastYear}`, `${limits.firstYear} to ${limits.lastYear}`);
  if (new Set(events.map((e) => e.day)).size !== events.length) throw new AppError('invalid_input', `${basename(path)} lists a date twice. Download it again from gov.uk; nothing was changed.`);
  write(ctx, (audit) => {
    replaceBankHolidays(ctx.db, events);
    audit('bank-holidays', null, 'import', `${events.length} England and Wales bank holidays`);
  });
  const days = events.map((e) => e.day).sort();
  return { count: events.length, from: days[0] ?? '', to: days.at(-1) ?? '' };
}

export interface VisitDeadlines {
  visit: string;
  /** The SPOC Visit Pro Forma goes to the school 10 working days before the visit. */
  sendProForma: string;
  /** The school returns it no later than 5 working days before. */
  proFormaDue: string;
}

export function visitDeadlines(calendar: WorkingCalendar, visit: string): VisitDeadlines {
  return { visit, sendProForma: shiftWorkingDays(calendar, visit, -10), proFormaDue: shiftWorkingDays(calendar, visit, -5) };
}

export function setInsetDay(ctx: WriteContext, urn: string, day: string, closed: boolean): string[] {
  write(ctx, (audit) => {
    if (closed) insertInsetDay(ctx.db, urn, day, null);
    else deleteInsetDay(ctx.db, urn, day);
    audit('inset-day', urn, closed ? 'add' : 'remove', day);
  });
  return selectInsetDays(ctx.db, urn);
}
