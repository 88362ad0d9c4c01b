import { describe, expect, it } from 'vitest';
import { addDays } from '../format.ts';
import { shiftWorkingDays, WorkingDayIndex, type WorkingCalendar } from './working-days.ts';

const calendar: WorkingCalendar = {
  bankHolidays: new Set(['2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31']),
  schoolHolidays: [
    { from: '2026-10-26', to: '2026-10-30' },
    { from: '2026-12-21', to: '2027-01-01' },
    { from: '2027-02-15', to: '2027-02-19' },
    { from: '2027-03-29', to: '2027-04-09' },
  ],
  countSchoolHolidays: true,
  insetDaysAreWorkingDays: true,
};
const insetClosed: WorkingCalendar = { ...calendar, insetDaysAreWorkingDays: false };
const inset = new Set(['2026-11-02', '2027-01-04', '2027-02-22', '2027-04-12']);

describe('the working-day index', () => {
  it('gives the same day as walking the calendar, for every date, both ways, with and without a school’s INSET days, counted either way', () => {
    let compared = 0;
    for (const team of [calendar, insetClosed]) {
      const index = new WorkingDayIndex(team, '2026-09-01', '2027-07-31');
      const schoolCalendar = { ...team, insetDays: inset };
      for (let day = '2026-08-01'; day <= '2027-08-31'; day = addDays(day, 1)) {
        for (const n of [-10, -5, -1, 1, 5, 10]) {
          expect(index.shift(day, n), `${day} ${n}`).toBe(shiftWorkingDays(team, day, n));
          expect(index.shift(day, n, inset), `${day} ${n} with INSET days`).toBe(shiftWorkingDays(schoolCalendar, day, n));
          compared++;
        }
      }
    }
    expect(compared).toBe(2 * 396 * 6);
  });

  it('the pro forma of a visit after Christmas goes out before the holiday, the INSET day counted as the team says', () => {
    // Visit Friday 8 January: the 4th is the school's INSET day. Counted as working (the default), the
    // week before the visit gives four working days; counted as closed, three, so one more before Christmas.
    expect(new WorkingDayIndex(calendar, '2026-09-01', '2027-07-31').shift('2027-01-08', -10, inset)).toBe('2026-12-11');
    expect(new WorkingDayIndex(insetClosed, '2026-09-01', '2027-07-31').shift('2027-01-08', -10, inset)).toBe('2026-12-10');
    expect(new WorkingDayIndex(insetClosed, '2026-09-01', '2027-07-31').shift('2027-01-08', -10)).toBe('2026-12-11');
  });
});
