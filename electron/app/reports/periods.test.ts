import { describe, expect, it } from 'vitest';
import { periodOf, previousPeriodOf, referenceDay, termBefore, yearBefore, type CalendarTerm } from './periods.ts';

const year = (label: string, autumn: string, spring: string, summer: string, summerEnds: string): CalendarTerm[] => [
  { label, name: 'autumn', startsOn: autumn, endsOn: '—' },
  { label, name: 'spring', startsOn: spring, endsOn: '—' },
  { label, name: 'summer', startsOn: summer, endsOn: summerEnds },
];

describe('a report’s periods', () => {
  it('names the term and the year before, across the turn of a century too', () => {
    expect(termBefore('2026-27', 'autumn')).toEqual({ year: '2025-26', term: 'summer' });
    expect(termBefore('2026-27', 'spring')).toEqual({ year: '2026-27', term: 'autumn' });
    expect(termBefore('2026-27', 'summer')).toEqual({ year: '2026-27', term: 'spring' });
    expect(yearBefore('2100-01')).toBe('2099-00');
  });

  it('tiles the year: each term to the day before the next, autumn from 1 September or earlier, summer to 31 August or later', () => {
    const calendar = [...year('2026-27', '2026-08-28', '2027-01-04', '2027-04-12', '2027-07-22'), ...year('2027-28', '2027-09-02', '2028-01-04', '2028-04-18', '2028-09-01')];
    expect(periodOf(calendar, '2026-27', 'autumn')).toMatchObject({ from: '2026-08-28', to: '2027-01-03' });
    expect(periodOf(calendar, '2026-27', 'spring')).toMatchObject({ from: '2027-01-04', to: '2027-04-11' });
    expect(periodOf(calendar, '2026-27', 'summer')).toMatchObject({ from: '2027-04-12', to: '2027-08-31', label: 'Summer term 2026-27 (12 Apr 2027 to 31 Aug 2027)' });
    expect(periodOf(calendar, '2027-28', null)).toMatchObject({ from: '2027-09-01', to: '2028-09-01', label: 'School year 2027-28 (1 Sep 2027 to 1 Sep 2028)' });
    expect(previousPeriodOf(calendar, periodOf(calendar, '2027-28', 'autumn'))).toMatchObject({ year: '2026-27', term: 'summer', from: '2027-04-12', inCalendar: true });
    expect(previousPeriodOf(calendar, periodOf(calendar, '2026-27', 'autumn'))).toEqual({ label: 'Summer term 2025-26 (not in the calendar)', year: '2025-26', term: 'summer', from: '', to: '', inCalendar: false });
  });

  it('refuses a year the calendar does not hold whole, and counts workers on today while a period runs, else its nearest end', () => {
    const calendar = year('2026-27', '2026-09-02', '2027-01-04', '2027-04-12', '2027-07-22').slice(0, 2);
    expect(() => periodOf(calendar, '2026-27', 'autumn')).toThrow(/no school year 2026-27 with its three terms/);
    const autumn = periodOf(year('2026-27', '2026-09-02', '2027-01-04', '2027-04-12', '2027-07-22'), '2026-27', 'autumn');
    expect([referenceDay(autumn, '2026-12-02'), referenceDay(autumn, '2027-03-01'), referenceDay(autumn, '2026-06-01')]).toEqual(['2026-12-02', '2027-01-03', '2026-09-01']);
  });
});
