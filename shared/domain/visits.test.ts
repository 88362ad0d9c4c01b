import { describe, expect, it } from 'vitest';
import type { AcademicYear } from './calendar.ts';
import { canMove, dateWarnings, deadlinesFor, MoveVisitStatus } from './visits.ts';
import type { WorkingCalendar } from './working-days.ts';

const year: AcademicYear = {
  id: 'y',
  label: '2026-27',
  terms: [
    { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
    { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
    { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
  ],
};
const calendar: WorkingCalendar = {
  bankHolidays: new Set(['2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31']),
  schoolHolidays: [
    { from: '2026-10-26', to: '2026-10-30' },
    { from: '2026-12-19', to: '2027-01-03' },
  ],
  countSchoolHolidays: true,
  insetDaysAreWorkingDays: true,
};

describe('termly visit rules', () => {
  it('moves only forward through the statuses, and a cancelled visit can be agreed again', () => {
    expect(canMove('to_be_agreed', 'agreed')).toBe(true);
    expect(canMove('agreed', 'held')).toBe(false);
    expect(canMove('pro_forma_sent', 'held')).toBe(true);
    expect(canMove('record_written', 'cancelled')).toBe(false);
    expect(canMove('cancelled', 'to_be_agreed')).toBe(true);
  });

  it('gives the pro forma dates: 10 and 5 working days before, skipping half-term', () => {
    expect(deadlinesFor(calendar, '2026-11-03')).toEqual({ sendProForma: '2026-10-13', proFormaDue: '2026-10-20' });
  });

  it('warns of a visit outside term, in the wrong term, on a non-working day, or too close for the pro forma', () => {
    expect(dateWarnings(calendar, [year], '2026-12-22', '2026-09-10')[0]).toMatch(/22 Dec 2026 is outside term time/);
    expect(dateWarnings(calendar, [year], '2027-01-12', '2026-09-10', 'autumn')).toEqual(['12 Jan 2027 is in the spring term, not the autumn term.']);
    expect(dateWarnings(calendar, [year], '2026-10-28', '2026-09-10')).toContain('28 Oct 2026 is not a working day: it is in the school holidays.');
    expect(dateWarnings(calendar, [year], '2026-11-27', '2026-11-23')).toEqual([
      'Too close to send the pro forma in time: it should have gone by 13 Nov 2026 to be back by 20 Nov 2026.',
    ]);
    expect(dateWarnings(calendar, [year], '2026-12-10', '2026-11-23', 'autumn')).toEqual([]);
  });

  it('takes a visit on an INSET day as a working day by default, and says the pupils are not in', () => {
    const school: WorkingCalendar = { ...calendar, insetDays: new Set(['2026-12-04']) };
    expect(dateWarnings(school, [year], '2026-12-04', '2026-09-10')).toEqual(['4 Dec 2026 is an INSET day at this school: the staff are in, the pupils are not.']);
    expect(dateWarnings({ ...school, insetDaysAreWorkingDays: false }, [year], '2026-12-04', '2026-09-10')).toEqual(['4 Dec 2026 is not a working day: it is an INSET day at this school.']);
  });

  it('asks why a visit was cancelled', () => {
    expect(MoveVisitStatus.safeParse({ id: '5b3f0c55-7d5e-4a57-9a4f-3f4b52f7b3a1', to: 'cancelled', on: '2026-11-23' }).error?.issues[0]?.message).toBe('Say why the visit was cancelled');
  });
});
