import { describe, expect, it } from 'vitest';
import type { AcademicYear } from './calendar.ts';
import { agreeVisitBy, canMove, dateWarnings, deadlinesFor, heldWithoutProForma, MoveVisitStatus, needsAgreeing, proFormaWarning, reasonNeeded } from './visits.ts';
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
    expect(canMove('agreed', 'to_be_agreed')).toBe(false);
    expect(canMove('pro_forma_sent', 'held')).toBe(true);
    expect(canMove('record_written', 'cancelled')).toBe(false);
    expect(canMove('cancelled', 'to_be_agreed')).toBe(true);
  });

  it('lets a visit be held without a pro forma, only with the reason, and asks no reason of a visit held after its pro forma', () => {
    expect(canMove('agreed', 'held')).toBe(true);
    expect(heldWithoutProForma('agreed', 'held')).toBe(true);
    expect(reasonNeeded('agreed', 'held')).toBe('Say why the visit was held without a pro forma');
    expect(reasonNeeded('pro_forma_sent', 'held')).toBeNull();
    expect(reasonNeeded('pro_forma_returned', 'held')).toBeNull();
    // A cancellation asks for its kind from the list (MoveVisitStatus); its words are optional.
    expect(reasonNeeded('agreed', 'cancelled')).toBeNull();
    expect(canMove('to_be_agreed', 'held')).toBe(false);
    expect(MoveVisitStatus.safeParse({ id: '7f6d2c1a-4b3e-4c2d-9a1b-2c3d4e5f6a7b', to: 'held', on: '2026-11-12', heldBy: 'Sam' }).success).toBe(false);
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

  it('stops warning that it is too close to send the pro forma once the pro forma has been dealt with', () => {
    // Visit 27 Nov: the pro forma should have gone by 13 Nov.
    const deadlines = deadlinesFor(calendar, '2026-11-27');
    const tooClose = 'Too close to send the pro forma in time: it should have gone by 13 Nov 2026 to be back by 20 Nov 2026.';
    expect(proFormaWarning(deadlines, '2026-11-23')).toBe(tooClose);
    expect(proFormaWarning(deadlines, '2026-11-23', { status: 'agreed', proFormaSentOn: null })).toBe(tooClose);
    expect(proFormaWarning(deadlines, '2026-11-13', { status: 'agreed', proFormaSentOn: null })).toBeNull();
    // Sent in time: nothing, even long after its send-by day.
    expect(proFormaWarning(deadlines, '2026-11-23', { status: 'pro_forma_sent', proFormaSentOn: '2026-11-13' })).toBeNull();
    // Sent late: a caution while the school has still to return it, then nothing.
    expect(proFormaWarning(deadlines, '2026-11-23', { status: 'pro_forma_sent', proFormaSentOn: '2026-11-16' })).toBe(
      'The pro forma went on 16 Nov 2026, after 13 Nov 2026: check the school can return it by 20 Nov 2026.',
    );
    expect(proFormaWarning(deadlines, '2026-11-23', { status: 'pro_forma_returned', proFormaSentOn: '2026-11-16' })).toBeNull();
    // Held or written up: the pro forma is history, whenever it went.
    expect(proFormaWarning(deadlines, '2026-12-01', { status: 'held', proFormaSentOn: '2026-11-19' })).toBeNull();
    expect(proFormaWarning(deadlines, '2026-12-01', { status: 'record_written', proFormaSentOn: null })).toBeNull();
    expect(dateWarnings(calendar, [year], '2026-11-27', '2026-12-01', 'autumn', { status: 'record_written', proFormaSentOn: '2026-11-12' })).toEqual([]);
    expect(dateWarnings(calendar, [year], '2026-11-27', '2026-11-23', 'autumn', { status: 'pro_forma_sent', proFormaSentOn: '2026-11-10' })).toEqual([]);
  });

  it('puts the day a term’s visit should be agreed by at the Friday of the chosen week of term', () => {
    const [autumn, spring] = year.terms;
    if (!autumn || !spring) throw new Error('no terms');
    // Autumn starts on Wednesday 2 Sep: its first week ends Friday 4 Sep, its second Friday 11 Sep.
    expect(agreeVisitBy(autumn, 1)).toBe('2026-09-04');
    expect(agreeVisitBy(autumn, 2)).toBe('2026-09-11');
    // Spring starts on Monday 4 Jan.
    expect(agreeVisitBy(spring, 2)).toBe('2027-01-15');
    // Half-term week (26 to 30 Oct) is not a week of term: week 8 ends on Friday 23 Oct, week 9 on 6 Nov.
    expect(agreeVisitBy(autumn, 8)).toBe('2026-10-23');
    expect(agreeVisitBy(autumn, 9)).toBe('2026-11-06');
    // Never after the term ends.
    expect(agreeVisitBy({ name: 'summer', startsOn: '2027-07-01', endsOn: '2027-07-21', halfTermFrom: '2027-07-05', halfTermTo: '2027-07-06' }, 12)).toBe('2027-07-21');
  });

  it('counts a visit as needing agreement when it is missing or still to be agreed, not when cancelled or agreed', () => {
    expect(needsAgreeing(undefined)).toBe(true);
    expect(needsAgreeing({ status: 'to_be_agreed' })).toBe(true);
    expect(needsAgreeing({ status: 'agreed' })).toBe(false);
    expect(needsAgreeing({ status: 'cancelled' })).toBe(false);
  });

  it('takes a visit on an INSET day as a working day by default, and says the pupils are not in', () => {
    const school: WorkingCalendar = { ...calendar, insetDays: new Set(['2026-12-04']) };
    expect(dateWarnings(school, [year], '2026-12-04', '2026-09-10')).toEqual(['4 Dec 2026 is an INSET day at this school: the staff are in, the pupils are not.']);
    expect(dateWarnings({ ...school, insetDaysAreWorkingDays: false }, [year], '2026-12-04', '2026-09-10')).toEqual(['4 Dec 2026 is not a working day: it is an INSET day at this school.']);
  });

  it('asks why a visit was cancelled', () => {
    const id = '5b3f0c55-7d5e-4a57-9a4f-3f4b52f7b3a1';
    expect(MoveVisitStatus.safeParse({ id, to: 'cancelled', on: '2026-11-23' }).error?.issues).toMatchObject([{ path: ['reasonKind'], message: 'Choose why the visit was cancelled' }]);
    expect(MoveVisitStatus.safeParse({ id, to: 'cancelled', on: '2026-11-23', reasonKind: 'snow' }).error?.issues[0]?.message).toBe('Choose why the visit was cancelled');
    expect(MoveVisitStatus.parse({ id, to: 'cancelled', on: '2026-11-23', reasonKind: 'school_closure' })).toMatchObject({ reasonKind: 'school_closure', reason: null });
    expect(MoveVisitStatus.safeParse({ id, to: 'held', on: '2026-11-23', reasonKind: 'school_closure' }).error?.issues[0]?.message).toBe('A reason from the list is only for cancelling a visit');
  });
});
