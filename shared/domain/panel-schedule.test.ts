import { describe, expect, it } from 'vitest';
import bankHolidays from '../../electron/app/calendar/bank-holidays.json' with { type: 'json' };
import { AcademicYearInput } from './calendar.ts';
import { panelSchedule, uncoveredSpan } from './panel-schedule.ts';

const YEAR = AcademicYearInput.parse({
  label: '2026-27',
  terms: [
    { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
    { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
    { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
  ],
});
const calendar = { terms: YEAR.terms, bankHolidays: new Set(bankHolidays['england-and-wales'].events.map((e) => e.date)) };

describe('a panel that meets every four weeks in term time', () => {
  it('meets every fourth term week over a school year, skipping half-terms and holidays, off bank holidays', () => {
    const schedule = panelSchedule(calendar, '2026-09-07', '2027-07-22', 4);
    // Term weeks from 7 Sep: half-terms (26 Oct, 15 Feb, 31 May) and the Christmas and Easter
    // holidays do not count, so the count runs on after each. 3 May 2027 is the Early May bank holiday.
    expect(schedule.map((m) => m.date)).toEqual([
      '2026-09-07', '2026-10-05', '2026-11-09', '2026-12-07', '2027-01-18', '2027-02-22', '2027-03-22', '2027-05-04', '2027-06-07', '2027-07-05',
    ]);
    expect(schedule.find((m) => m.date === '2027-05-04')?.slot).toBe('2027-05-03');
    expect(schedule.every((m) => new Date(`${m.slot}T00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('moves a meeting whose day is before the term starts to the first term day of that week', () => {
    // The autumn term starts on Wednesday 2 September 2026.
    expect(panelSchedule(calendar, '2026-08-31', '2026-09-30', 2).map((m) => m.date)).toEqual(['2026-09-02', '2026-09-14', '2026-09-28']);
  });

  it('skips a week whose every day is a bank holiday or outside term', () => {
    // A weekly panel on Fridays: Friday 18 Dec is the last day of term, then nothing until 8 Jan.
    const dates = panelSchedule(calendar, '2026-12-11', '2027-01-15', 1).map((m) => m.date);
    expect(dates).toEqual(['2026-12-11', '2026-12-18', '2027-01-08', '2027-01-15']);
  });

  it('says which part of a range no school year covers, including a year missing between two', () => {
    expect(uncoveredSpan(YEAR.terms, '2026-09-01', '2027-07-22')).toBe('1 Sep 2026 to 1 Sep 2026 (the first term entered starts on 2 Sep 2026)');
    expect(uncoveredSpan(YEAR.terms, '2026-09-02', '2027-09-10')).toBe('23 Jul 2027 to 10 Sep 2027 (the last term entered ends on 22 Jul 2027)');
    expect(uncoveredSpan(YEAR.terms, '2026-09-02', '2027-07-22')).toBeNull();
    expect(uncoveredSpan([], '2026-09-02', '2026-10-01')).toBe('2 Sep 2026 to 1 Oct 2026');
    const later = YEAR.terms.map((t) => ({ ...t, startsOn: t.startsOn.replace(/^(\d{4})/, (y) => String(Number(y) + 2)), endsOn: t.endsOn.replace(/^(\d{4})/, (y) => String(Number(y) + 2)), halfTermFrom: t.halfTermFrom.replace(/^(\d{4})/, (y) => String(Number(y) + 2)), halfTermTo: t.halfTermTo.replace(/^(\d{4})/, (y) => String(Number(y) + 2)) }));
    expect(uncoveredSpan([...YEAR.terms, ...later], '2026-09-07', '2029-07-01')).toBe('23 Jul 2027 to 1 Sep 2028 (no school year is entered between those terms)');
  });
});
