import { describe, expect, it } from 'vitest';
import { CONCERN_LABELS, managerClock, managerDeadline, RaiseEscalationInput, referralRouteText, toldLate } from './escalations.ts';
import { londonInstant, londonWallTime } from './london-time.ts';

const at = (wallTime: string) => londonInstant(wallTime);

describe('the 24-hour manager rule', () => {
  it('is in time at 23:59 and at exactly 24 hours, and late at 24:01', () => {
    expect(toldLate('2026-11-24T09:30', '2026-11-25T09:29')).toBe(false);
    expect(toldLate('2026-11-24T09:30', '2026-11-25T09:30')).toBe(false);
    expect(toldLate('2026-11-24T09:30', '2026-11-25T09:31')).toBe(true);
    expect(managerClock({ raisedAt: '2026-11-24T09:30', managerInformedAt: '2026-11-25T09:31' }, new Date()).state).toBe('informed_late');
  });

  it('counts clock hours through a weekend, not working hours', () => {
    const entry = { raisedAt: '2026-11-20T16:00', managerInformedAt: null };
    expect(managerClock(entry, at('2026-11-21T15:59'))).toEqual({ state: 'awaiting_manager', deadline: '2026-11-21T16:00', minutesLeft: 1 });
    expect(managerClock(entry, at('2026-11-21T16:01'))).toMatchObject({ state: 'overdue', minutesLeft: -1 });
  });

  it('counts the real hours across the autumn clock change (25 Oct 2026: 25 hours on the clock face)', () => {
    // Raised 10:00 BST on Saturday; clocks go back at 02:00 on Sunday, so 24 hours later the clock shows 09:00.
    expect(managerDeadline('2026-10-24T10:00')).toBe('2026-10-25T09:00');
    expect(toldLate('2026-10-24T10:00', '2026-10-25T08:59')).toBe(false);
    expect(toldLate('2026-10-24T10:00', '2026-10-25T09:30')).toBe(true);
  });

  it('counts the real hours across the spring clock change (28 Mar 2027: 23 hours on the clock face)', () => {
    expect(managerDeadline('2027-03-27T10:00')).toBe('2027-03-28T11:00');
    expect(toldLate('2027-03-27T10:00', '2027-03-28T10:30')).toBe(false);
    expect(toldLate('2027-03-27T10:00', '2027-03-28T11:01')).toBe(true);
  });

  it('reads times as England’s clock whatever the computer’s time zone', () => {
    expect(at('2026-07-01T09:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(at('2026-12-01T09:00').toISOString()).toBe('2026-12-01T09:00:00.000Z');
    // 01:30 happens twice on 25 Oct 2026: the first (BST) is taken.
    expect(at('2026-10-25T01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonWallTime(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T01:30');
  });
});

describe('an escalation entry', () => {
  const good = { raisedAt: '2026-11-24T09:30', raisedBy: 'DSL', urn: '100500', children: [{ initials: 'JB', yearGroup: '4' }], concern: 'child_protection', summary: 'Disclosure' };
  const problems = (input: object) => {
    const parsed = RaiseEscalationInput.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('needs a school, a concern and a summary', () => {
    expect(problems(good)).toEqual([]);
    expect(problems({ ...good, urn: '' })).toEqual(['urn: Choose the school']);
    expect(problems({ ...good, concern: undefined })).toEqual(['concern: Choose the concern']);
  });

  it('refuses a manager told before the concern was raised, or told with no name', () => {
    expect(problems({ ...good, managerInformedAt: '2026-11-24T09:00', managerInformed: 'Grace Bello' })).toEqual([
      'managerInformedAt: The manager cannot have been told before the concern was raised',
    ]);
    expect(problems({ ...good, managerInformedAt: '2026-11-24T10:00' })).toEqual(['managerInformed: Say which manager was told']);
  });
});

describe('times typed into the log', () => {
  const raisedAt = (value: string) => {
    const parsed = RaiseEscalationInput.safeParse({ raisedAt: value, raisedBy: 'DSL', urn: '100500', children: [], concern: 'neglect', summary: 's' });
    return parsed.success ? parsed.data.raisedAt : parsed.error.issues[0]?.message;
  };

  it('refuses a date or time that does not exist, and accepts a space for the T', () => {
    expect(raisedAt('2026-11-23T25:00')).toMatch(/real date and time/);
    expect(raisedAt('2026-11-23T24:00')).toMatch(/real date and time/);
    expect(raisedAt('2027-02-30T10:00')).toMatch(/real date and time/);
    expect(raisedAt('2026-13-01T10:00')).toMatch(/real date and time/);
    expect(raisedAt('2026-11-23 09:30')).toBe('2026-11-23T09:30');
    expect(raisedAt('23/11/2026 09:30')).toMatch(/yyyy-mm-ddThh:mm/);
  });

  it('asks for the date and time when none is given (the screens send the two fields joined)', () => {
    const parsed = RaiseEscalationInput.safeParse({ raisedAt: '', raisedBy: 'DSL', urn: '100500', children: [], concern: 'neglect', summary: 's' });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['raisedAt', 'Enter when the concern was raised: a date and a time']]);
  });
});

describe('the concern and the referral route', () => {
  const base = { raisedAt: '2026-11-24T09:30', raisedBy: 'Attendance officer', urn: '100500', children: [{ initials: 'JP', yearGroup: '6' }], summary: 'Not seen at school or at home for two weeks.' };
  const issues = (input: object) => RaiseEscalationInput.safeParse({ ...base, ...input }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('has a concern of its own for a child missing education, apart from neglect', () => {
    expect(RaiseEscalationInput.parse({ ...base, concern: 'missing_education' }).concern).toBe('missing_education');
    expect(CONCERN_LABELS.missing_education).toBe('Child missing education');
  });

  it('asks where a referral went: the IFD / MASH by the school or by the team, Adult Services, the LADO, or somewhere named', () => {
    const routes = ['ifd_mash_by_school', 'ifd_mash_by_team', 'adult_services', 'lado'] as const;
    for (const referralRoute of routes) expect(RaiseEscalationInput.parse({ ...base, concern: 'neglect', referralMade: 'yes', referralRoute }).referralRoute).toBe(referralRoute);
    expect(issues({ concern: 'neglect', referralMade: 'yes' })).toEqual(['referralRoute: Choose where the referral went']);
    expect(issues({ concern: 'neglect', referralMade: 'yes', referralRoute: 'other' })).toEqual(['referralRouteOther: Say where the referral went']);
    expect(issues({ concern: 'neglect', referralMade: 'yes', referralRoute: 'lado', referralRouteOther: 'Police' })).toEqual(['referralRoute: Choose "Other" to say where the referral went in your own words']);
    const other = RaiseEscalationInput.parse({ ...base, concern: 'neglect', referralMade: 'yes', referralRoute: 'other', referralRouteOther: 'Police (Operation Encompass)' });
    expect(referralRouteText(other)).toBe('Other: Police (Operation Encompass)');
    expect(referralRouteText({ referralRoute: 'lado', referralRouteOther: null })).toBe('Local Authority Designated Officer (LADO)');
    // No referral yet: the route can wait.
    expect(RaiseEscalationInput.parse({ ...base, concern: 'neglect' })).toMatchObject({ referralMade: 'not_known', referralRoute: null, referralRouteOther: null });
  });
});
