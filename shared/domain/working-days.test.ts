import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englandAndWalesHolidays, isWorkingDay, nonWorkingReason, shiftWorkingDays, workingDaysBetween, type GovUkBankHolidays, type WorkingCalendar } from './working-days.ts';

const data = JSON.parse(fs.readFileSync(new URL('../../fixtures/calendar/bank-holidays-gov-uk-format.json', import.meta.url), 'utf8')) as GovUkBankHolidays;
const bankHolidays = englandAndWalesHolidays(data);

/** Northshire's 2026-27 holidays (autumn half-term, Christmas, February, Easter, May, summer). */
const holidays = [
  { from: '2026-10-26', to: '2026-10-30' },
  { from: '2026-12-21', to: '2027-01-01' },
  { from: '2027-02-15', to: '2027-02-19' },
  { from: '2027-03-29', to: '2027-04-09' },
  { from: '2027-05-31', to: '2027-06-04' },
  { from: '2027-07-23', to: '2027-09-01' },
];
const calendar: WorkingCalendar = { bankHolidays, schoolHolidays: holidays, countSchoolHolidays: true, insetDaysAreWorkingDays: true };
const officeOnly: WorkingCalendar = { ...calendar, countSchoolHolidays: false };

describe('working days', () => {
  it('skips weekends', () => {
    expect(shiftWorkingDays(calendar, '2026-11-23', -10)).toBe('2026-11-09');
    expect(shiftWorkingDays(calendar, '2026-11-27', -5)).toBe('2026-11-20');
  });

  it('pro forma is due 5 working days before, skipping the May bank holiday', () => {
    // Visit Friday 7 May 2027: Monday 3 May is the Early May bank holiday.
    expect(shiftWorkingDays(calendar, '2027-05-07', -5)).toBe('2027-04-29');
    expect(shiftWorkingDays(calendar, '2027-05-07', -10)).toBe('2027-04-22');
  });

  it('counts substitute days: Boxing Day 2026 falls on a Saturday, so Monday 28 December is off', () => {
    expect(bankHolidays.has('2026-12-28')).toBe(true);
    expect(isWorkingDay(officeOnly, '2026-12-28')).toBe(false);
    expect(shiftWorkingDays(officeOnly, '2026-12-29', -1)).toBe('2026-12-24');
  });

  it('skips half-term and Christmas unless the team counts school holidays as working days', () => {
    // Visit Tuesday 3 November 2026, after autumn half-term.
    expect(shiftWorkingDays(calendar, '2026-11-03', -5)).toBe('2026-10-20');
    expect(shiftWorkingDays(officeOnly, '2026-11-03', -5)).toBe('2026-10-27');
    // Visit Thursday 7 January 2027, straight after Christmas.
    expect(shiftWorkingDays(calendar, '2027-01-07', -10)).toBe('2026-12-10');
    expect(shiftWorkingDays(officeOnly, '2027-01-07', -10)).toBe('2026-12-21');
  });

  it('counts forward as well as back, and the working days between two dates', () => {
    expect(shiftWorkingDays(calendar, '2026-12-18', 1)).toBe('2027-01-04');
    expect(workingDaysBetween(calendar, '2026-11-20', '2026-11-27')).toBe(4);
    expect(workingDaysBetween(calendar, '2026-11-27', '2026-11-20')).toBe(-4);
  });

  it('counts a school’s INSET day as a working day by default: the staff are in', () => {
    const withInset: WorkingCalendar = { ...calendar, insetDays: new Set(['2026-11-20']) };
    expect(isWorkingDay(withInset, '2026-11-20')).toBe(true);
    expect(shiftWorkingDays(withInset, '2026-11-27', -5)).toBe('2026-11-20');
    expect(nonWorkingReason(withInset, '2026-11-20')).toBeNull();
  });

  it('skips a school’s INSET day when the team counts INSET days as non-working', () => {
    const closedOnInset: WorkingCalendar = { ...calendar, insetDays: new Set(['2026-11-20']), insetDaysAreWorkingDays: false };
    expect(isWorkingDay(closedOnInset, '2026-11-20')).toBe(false);
    expect(shiftWorkingDays(closedOnInset, '2026-11-27', -5)).toBe('2026-11-19');
    expect(nonWorkingReason(closedOnInset, '2026-11-20')).toBe('an INSET day at this school');
  });

  it('says why a day is not a working day', () => {
    expect(nonWorkingReason(calendar, '2026-11-21')).toBe('a weekend');
    expect(nonWorkingReason(calendar, '2026-12-28')).toBe('a bank holiday');
    expect(nonWorkingReason(calendar, '2026-10-28')).toBe('in the school holidays');
    expect(nonWorkingReason(officeOnly, '2026-10-28')).toBeNull();
  });
});
