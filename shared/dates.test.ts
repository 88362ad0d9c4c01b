import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, describeDay, MONTH_NAMES, numericDate, readDate, readTime } from './dates.ts';
import { formatDate } from './format.ts';

const date = (iso: string) => ({ kind: 'date', iso });
const problem = (text: string) => {
  const reading = readDate(text);
  if (reading.kind !== 'invalid') throw new Error(`"${text}" was read as ${JSON.stringify(reading)}`);
  return reading.message;
};

/** Any real day from 1900 to 2199, as its parts and its ISO form. */
const aDay = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month))
  .map(({ year, month, day }) => ({ year, month, day, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }));

describe('dates as people in England type them', () => {
  it('reads the ways the issue lists: dd/mm/yyyy, d/m/yy, ISO and typed months', () => {
    expect(readDate('01/09/2024')).toEqual(date('2024-09-01'));
    expect(readDate('24/02/2027')).toEqual(date('2027-02-24'));
    expect(readDate('1/9/24')).toEqual(date('2024-09-01'));
    expect(readDate('2026-12-03')).toEqual(date('2026-12-03'));
    expect(readDate('3 Dec 2026')).toEqual(date('2026-12-03'));
    expect(readDate('3 December 2026')).toEqual(date('2026-12-03'));
    expect(readDate('3rd of December 2026')).toEqual(date('2026-12-03'));
    expect(readDate('3 Sept 2026')).toEqual(date('2026-09-03'));
    expect(readDate('03-Dec-26')).toEqual(date('2026-12-03'));
    expect(readDate('3.12.2026')).toEqual(date('2026-12-03'));
    expect(readDate('December 3, 2026')).toEqual(date('2026-12-03'));
    expect(readDate('  Thursday 3 December 2026 ')).toEqual(date('2026-12-03'));
    expect(readDate('')).toEqual({ kind: 'empty' });
    expect(readDate('   ')).toEqual({ kind: 'empty' });
  });

  it('reads the day first, never the American way', () => {
    expect(readDate('02/03/2027')).toEqual(date('2027-03-02'));
    expect(problem('12/25/2026')).toBe('There is no month 25; write the day first, as 25/12/2026');
  });

  it('says what is wrong with a date that does not exist', () => {
    expect(problem('31/02/2026')).toBe('There is no 31 February 2026 (February 2026 has 28 days)');
    expect(problem('29/02/2027')).toBe('There is no 29 February 2027 (February 2027 has 28 days)');
    expect(readDate('29/02/2028')).toEqual(date('2028-02-29'));
    expect(problem('0/5/2026')).toBe('There is no day 0 in a month');
    expect(problem('30/13/2026')).toBe('There is no month 13 (months go from 1 to 12)');
    expect(problem('3/13/2026')).toBe('There is no month 13; write the day first, as 13/3/2026');
    expect(problem('3 Decmber 2026')).toBe('“Decmber” is not a month; write it as 3 Dec 2026 or 3/12/2026');
    expect(problem('3 Dec')).toBe('Add the year, for example 3/12/2026');
    expect(problem('03/12')).toBe('Add the year, for example 3/12/2026');
    expect(problem('3/12/20266')).toBe('Enter a date such as 3/12/2026 or 3 Dec 2026');
    expect(problem('3/12/1066')).toBe('The year 1066 is out of range (use a year from 1900 to 2199)');
    expect(problem('next Tuesday')).toBe('Enter a date such as 3/12/2026 or 3 Dec 2026');
    expect(problem('Friday 3 December 2026')).toBe('3 December 2026 is a Thursday, not a Friday');
  });

  it('reads back every way a date is shown or put into a field, for every day', () => {
    fc.assert(
      fc.property(aDay, ({ year, month, day, iso }) => {
        expect(readDate(iso)).toEqual(date(iso));
        expect(readDate(numericDate(iso))).toEqual(date(iso));
        expect(readDate(`${day}/${month}/${year}`)).toEqual(date(iso));
        expect(readDate(formatDate(iso))).toEqual(date(iso));
        expect(readDate(describeDay(iso))).toEqual(date(iso));
        expect(readDate(`${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`.toUpperCase())).toEqual(date(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a two-digit year as this century', () => {
    fc.assert(
      fc.property(aDay.filter((d) => d.year >= 2000 && d.year <= 2099), ({ year, month, day, iso }) => {
        expect(readDate(`${day}/${month}/${String(year).slice(2)}`)).toEqual(date(iso));
      }),
    );
  });

  it('refuses every day past the end of its month, naming the month', () => {
    const pastTheEnd = fc
      .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 29, max: 31 }) })
      .filter(({ year, month, day }) => day > daysInMonth(year, month));
    fc.assert(
      fc.property(pastTheEnd, ({ year, month, day }) => {
        expect(problem(`${day}/${month}/${year}`)).toContain(`${MONTH_NAMES[month - 1] ?? ''} ${year} has ${daysInMonth(year, month)} days`);
      }),
    );
  });

  it('never throws, and anything it calls a date is a real yyyy-mm-dd day', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const reading = readDate(text);
        if (reading.kind === 'date') {
          expect(reading.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${reading.iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(reading.iso);
        }
        if (reading.kind === 'invalid') expect(reading.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('says the day it understood, with its weekday', () => {
    expect(describeDay('2026-12-03')).toBe('Thursday 3 December 2026');
    expect(describeDay('2027-02-24')).toBe('Wednesday 24 February 2027');
    expect(numericDate('2024-09-01')).toBe('01/09/2024');
  });
});

describe('times on the 24-hour clock', () => {
  it('reads the ways people write a time', () => {
    expect(readTime('14:20')).toEqual({ kind: 'time', hhmm: '14:20' });
    expect(readTime('1420')).toEqual({ kind: 'time', hhmm: '14:20' });
    expect(readTime('14.20')).toEqual({ kind: 'time', hhmm: '14:20' });
    expect(readTime('9:05')).toEqual({ kind: 'time', hhmm: '09:05' });
    expect(readTime('9')).toEqual({ kind: 'time', hhmm: '09:00' });
    expect(readTime('2.20pm')).toEqual({ kind: 'time', hhmm: '14:20' });
    expect(readTime('12am')).toEqual({ kind: 'time', hhmm: '00:00' });
    expect(readTime('12 pm')).toEqual({ kind: 'time', hhmm: '12:00' });
    expect(readTime('noon')).toEqual({ kind: 'time', hhmm: '12:00' });
    expect(readTime('')).toEqual({ kind: 'empty' });
  });

  it('says what is wrong with a time that does not exist', () => {
    expect(readTime('25:00')).toEqual({ kind: 'invalid', message: 'There is no hour 25 (the 24-hour clock goes from 00:00 to 23:59)' });
    expect(readTime('14:75')).toEqual({ kind: 'invalid', message: 'There is no minute 75 (minutes go from 00 to 59)' });
    expect(readTime('24:00')).toEqual({ kind: 'invalid', message: 'Write midnight as 00:00 on the next day' });
    expect(readTime('13pm')).toEqual({ kind: 'invalid', message: '13pm is not a time (with am or pm the hour is 1 to 12)' });
    expect(readTime('teatime')).toEqual({ kind: 'invalid', message: 'Enter a time on the 24-hour clock, such as 14:20' });
  });

  it('reads every minute of the day as written on the 24-hour clock, and in 12-hour time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(readTime(hhmm)).toEqual({ kind: 'time', hhmm });
        expect(readTime(`${h}:${String(m).padStart(2, '0')}`)).toEqual({ kind: 'time', hhmm });
        expect(readTime(`${h % 12 === 0 ? 12 : h % 12}.${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`)).toEqual({ kind: 'time', hhmm });
      }),
    );
  });
});
