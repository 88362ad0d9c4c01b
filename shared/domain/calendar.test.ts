import { describe, expect, it } from 'vitest';
import { AcademicYearInput, bankHolidaysWarning, monthsBefore, schoolHolidaysOf, termOn, type AcademicYear } from './calendar.ts';

const year2026: AcademicYear = {
  id: 'y1',
  label: '2026-27',
  terms: [
    { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
    { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
    { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
  ],
};

describe('the school year', () => {
  it('derives the holidays: half-terms and the gaps between terms', () => {
    expect(schoolHolidaysOf([year2026])).toEqual([
      { from: '2026-10-26', to: '2026-10-30' },
      { from: '2026-12-19', to: '2027-01-03' },
      { from: '2027-02-15', to: '2027-02-19' },
      { from: '2027-03-27', to: '2027-04-11' },
      { from: '2027-05-31', to: '2027-06-04' },
    ]);
  });

  it('finds the term of a date, and none in the Christmas holidays', () => {
    expect(termOn([year2026], '2026-11-23')?.term.name).toBe('autumn');
    expect(termOn([year2026], '2026-12-24')).toBeNull();
  });

  it('refuses terms out of order, overlapping, or with a half-term outside the term', () => {
    const bad = structuredClone(year2026);
    bad.terms[1]!.startsOn = '2026-12-01';
    expect(AcademicYearInput.safeParse(bad).error?.issues[0]?.message).toBe('Each term must start after the one before ends');
    const outside = structuredClone(year2026);
    outside.terms[0]!.halfTermFrom = '2026-08-20';
    expect(AcademicYearInput.safeParse(outside).error?.issues[0]?.message).toBe('Half-term must fall inside the term');
    expect(AcademicYearInput.safeParse({ ...year2026, label: '2026/27' }).success).toBe(false);
    expect(AcademicYearInput.safeParse(year2026).success).toBe(true);
  });
});

describe('the bank holidays running out', () => {
  it('counts months back in calendar terms, to the month’s last day when it is shorter', () => {
    expect(monthsBefore('2027-12-28', 6)).toBe('2027-06-28');
    expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
    expect(monthsBefore('2027-03-31', 6)).toBe('2026-09-30');
  });

  it('warns from six months before the last bank holiday held, and says where to get more', () => {
    // The bundled file ends with the Boxing Day substitute day, Tuesday 28 December 2027.
    expect(bankHolidaysWarning('2027-12-28', '2027-06-27')).toBeNull();
    const warning = bankHolidaysWarning('2027-12-28', '2027-06-28');
    expect(warning).toBe(
      'The bank holidays LinkDesk holds end on 28 Dec 2027: working-day deadlines after that will skip no bank holidays. Download bank-holidays.json from https://www.gov.uk/bank-holidays.json and import it in Settings, under Bank holidays.',
    );
    expect(bankHolidaysWarning('2027-12-28', '2027-12-28')).toBe(warning);
  });

  it('says when they have run out, or when there are none at all', () => {
    expect(bankHolidaysWarning('2027-12-28', '2028-01-04')).toMatch(/^The bank holidays LinkDesk holds ended on 28 Dec 2027: working-day deadlines after that skip no bank holidays\. Download/);
    expect(bankHolidaysWarning(null, '2026-11-23')).toMatch(/^LinkDesk holds no bank holidays/);
  });
});
