import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/format.ts';
import { aTeamDatabase, bytesOf, refusalOf, tempDir } from '../testing/builders.ts';
import { calendarInfo, importBankHolidays, importTermDates } from './service.ts';

function write(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/** Runs an import that must be refused, and checks the database did not change by a byte. */
function refusedUnchanged(work: (db: ReturnType<typeof aTeamDatabase>) => unknown): string {
  const db = aTeamDatabase();
  const before = bytesOf(db.path);
  const message = refusalOf(() => work(db)).message;
  expect(bytesOf(db.path).equals(before)).toBe(true);
  return message;
}

const event = (summary: string, start: string, end: string) => `BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:${start}\r\nDTEND;VALUE=DATE:${end}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\n`;
const calendar = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;

describe('limits on a term-dates .ics, each refused with the file and the limit named, changing nothing', () => {
  it('more than 5,000 events', () => {
    const file = write('term-dates.ics', calendar(event('Staff training', '20260901', '20260902').repeat(5_001)));
    expect(refusedUnchanged((db) => importTermDates(db.writeContext, file))).toBe('term-dates.ics has more than 5,000 events (the limit is 5,000). Nothing was changed.');
  });

  it('a line longer than 10,000 characters, folded or not', () => {
    const folded = `SUMMARY:${Array.from({ length: 200 }, () => 'x'.repeat(70)).join('\r\n ')}\r\n`;
    const file = write('term-dates.ics', calendar(`BEGIN:VEVENT\r\n${folded}END:VEVENT\r\n`));
    expect(refusedUnchanged((db) => importTermDates(db.writeContext, file))).toBe(
      'term-dates.ics has a line longer than 10,000 characters (the limit is 10,000 characters). Nothing was changed.',
    );
  });

  it('an event dated outside 2000 to 2100', () => {
    const file = write('term-dates.ics', calendar(event('Autumn term 1066', '10660902', '10661219')));
    expect(refusedUnchanged((db) => importTermDates(db.writeContext, file))).toBe(
      'term-dates.ics has an event ("Autumn term 1066") dated 1066-09-02, outside the years 2000 to 2100 (the limit is 2000 to 2100). Nothing was changed.',
    );
  });

  it('a file larger than 2 MB, refused before it is read', () => {
    const file = write('term-dates.ics', calendar(''));
    fs.truncateSync(file, 2 * 1024 * 1024 + 1);
    expect(refusedUnchanged((db) => importTermDates(db.writeContext, file))).toBe('term-dates.ics is larger than 2 MB (the limit is 2 MB). Nothing was changed.');
  });
});

const govUk = (dates: string[]) => JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: dates.map((date) => ({ title: 'Bank holiday', date, notes: '', bunting: true })) } });

describe('limits on a bank-holidays .json, each refused with the file and the limit named, changing nothing', () => {
  it('200,000 dates (as in the report) are refused: the file is over 1 MB', () => {
    const dates = Array.from({ length: 200_000 }, (_, i) => addDays('2000-01-01', i % 36_000));
    const file = write('bank-holidays.json', govUk(dates));
    expect(refusedUnchanged((db) => importBankHolidays(db.writeContext, file))).toBe('bank-holidays.json is larger than 1 MB (the limit is 1 MB). Nothing was changed.');
  });

  it('more than 2,000 dates', () => {
    const file = write('bank-holidays.json', govUk(Array.from({ length: 2_001 }, (_, i) => addDays('2000-01-01', i))));
    expect(refusedUnchanged((db) => importBankHolidays(db.writeContext, file))).toBe(
      'bank-holidays.json has more than 2,000 England and Wales dates (the limit is 2,000). Nothing was changed.',
    );
  });

  it('a date outside 1990 to 2100, or the same date twice', () => {
    const ancient = write('bank-holidays.json', govUk(['2026-12-25', '1066-10-14']));
    expect(refusedUnchanged((db) => importBankHolidays(db.writeContext, ancient))).toBe(
      'bank-holidays.json has a bank holiday dated 14 Oct 1066, outside the years 1990 to 2100 (the limit is 1990 to 2100). Nothing was changed.',
    );
    const twice = write('bank-holidays.json', govUk(['2026-12-25', '2026-12-25']));
    expect(refusedUnchanged((db) => importBankHolidays(db.writeContext, twice))).toContain('lists a date twice');
  });

  it('titles lose control and bidi characters', () => {
    const db = aTeamDatabase();
    const file = write('bank-holidays.json', JSON.stringify({ 'england-and-wales': { division: 'x', events: [{ title: 'Boxing\u202E Day\u0000', date: '2026-12-28' }] } }));
    expect(importBankHolidays(db.writeContext, file).count).toBe(1);
    expect(calendarInfo(db.db).bankHolidays).toEqual({ count: 1, from: '2026-12-28', to: '2026-12-28' });
    expect(db.db.prepare('SELECT title FROM bank_holiday').pluck().get()).toBe('Boxing Day');
  });
});
