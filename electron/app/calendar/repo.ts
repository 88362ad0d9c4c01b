import type { AcademicYear, Term } from '../../../shared/domain/calendar.ts';
import { statement, type Connection } from '../db/cipher.ts';
import { servedSql } from '../schools/repo.ts';

interface TermRow {
  year_id: string;
  label: string;
  name: Term['name'];
  starts_on: string;
  ends_on: string;
  half_term_from: string;
  half_term_to: string;
}

export function selectYears(db: Connection): AcademicYear[] {
  const rows = statement(
    db,
    `SELECT t.*, y.label FROM term t JOIN academic_year y ON y.id = t.year_id
     ORDER BY t.starts_on`,
  ).all() as TermRow[];
  const years = new Map<string, AcademicYear>();
  for (const r of rows) {
    const year = years.get(r.year_id) ?? { id: r.year_id, label: r.label, terms: [] };
    year.terms.push({ name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, halfTermFrom: r.half_term_from, halfTermTo: r.half_term_to });
    years.set(r.year_id, year);
  }
  return [...years.values()];
}

export function selectYearId(db: Connection, label: string): string | undefined {
  return statement(db, 'SELECT id FROM academic_year WHERE label = ?').pluck().get(label) as string | undefined;
}

export function insertYear(db: Connection, id: string, label: string): void {
  statement(db, 'INSERT INTO academic_year (id, label) VALUES (?, ?)').run(id, label);
}

export function upsertTerm(db: Connection, yearId: string, t: Term): void {
  statement(
    db,
    `INSERT INTO term (year_id, name, starts_on, ends_on, half_term_from, half_term_to) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(year_id, name) DO UPDATE SET starts_on = excluded.starts_on, ends_on = excluded.ends_on,
       half_term_from = excluded.half_term_from, half_term_to = excluded.half_term_to`,
  ).run(yearId, t.name, t.startsOn, t.endsOn, t.halfTermFrom, t.halfTermTo);
}

export function selectBankHolidays(db: Connection): { day: string; title: string; notes: string }[] {
  return statement(db, 'SELECT day, title, notes FROM bank_holiday ORDER BY day').all() as { day: string; title: string; notes: string }[];
}

export function selectLastBankHoliday(db: Connection): string | null {
  return statement(db, 'SELECT max(day) FROM bank_holiday').pluck().get() as string | null;
}

export function replaceBankHolidays(db: Connection, events: { day: string; title: string; notes: string }[]): void {
  statement(db, 'DELETE FROM bank_holiday').run();
  const insert = statement(db, 'INSERT INTO bank_holiday (day, title, notes) VALUES (?, ?, ?)');
  for (const e of events) insert.run(e.day, e.title, e.notes);
}

export function selectInsetDays(db: Connection, urn: string): string[] {
  return statement(db, 'SELECT day FROM inset_day WHERE urn = ? ORDER BY day').pluck().all(urn) as string[];
}

/** Every school's INSET days in a span, by the day index (not school by school). */
export function selectInsetDaysBetween(db: Connection, from: string, to: string): { urn: string; day: string }[] {
  return statement(db, 'SELECT urn, day FROM inset_day WHERE day BETWEEN ? AND ?').all(from, to) as { urn: string; day: string }[];
}

export function insertInsetDay(db: Connection, urn: string, day: string, note: string | null): void {
  statement(db, 'INSERT INTO inset_day (urn, day, note) VALUES (?, ?, ?) ON CONFLICT(urn, day) DO UPDATE SET note = excluded.note').run(urn, day, note);
}

export function deleteInsetDay(db: Connection, urn: string, day: string): void {
  statement(db, 'DELETE FROM inset_day WHERE urn = ? AND day = ?').run(urn, day);
}

/** Adds INSET days to every school the team serves, keeping any a school already has; the number of days added, school by day. */
export function insertInsetDaysForServed(db: Connection, days: string[], note: string): number {
  const insert = statement(db, `INSERT INTO inset_day (urn, day, note) SELECT s.urn, ?, ? FROM school s WHERE ${servedSql('s')} ON CONFLICT(urn, day) DO NOTHING`);
  return days.reduce((added, day) => added + insert.run(day, note).changes, 0);
}

export function countServedSchools(db: Connection): number {
  return statement(db, `SELECT count(*) FROM school s WHERE ${servedSql('s')}`).pluck().get() as number;
}
