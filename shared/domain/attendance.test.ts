import { describe, expect, it } from 'vitest';
import { absenceBand, absenceBandOfAttendance, PERSISTENT_ABSENCE_PERCENT, SEVERE_ABSENCE_PERCENT } from './attendance.ts';
import { attendanceWarnings, ChildReview } from './records.ts';

describe('persistent and severe absence', () => {
  it('is persistent absence from 10% of possible sessions missed, and severe absence from 50%', () => {
    expect([PERSISTENT_ABSENCE_PERCENT, SEVERE_ABSENCE_PERCENT]).toEqual([10, 50]);
    // A full autumn term is about 140 sessions (a morning and an afternoon a day).
    expect(absenceBand(13, 140)).toBe('neither');
    expect(absenceBand(14, 140)).toBe('persistent');
    expect(absenceBand(69, 140)).toBe('persistent');
    expect(absenceBand(70, 140)).toBe('severe');
    expect(absenceBand(0, 1)).toBe('neither');
    expect(() => absenceBand(5, 0)).toThrow(RangeError);
    expect(() => absenceBand(6, 5)).toThrow(RangeError);
  });

  it('reads the attendance percentage a school gives: 90% or less is persistent absence, 50% or less severe', () => {
    expect(absenceBandOfAttendance(90.1)).toBe('neither');
    expect(absenceBandOfAttendance(90)).toBe('persistent');
    // 100 - 89.9 is 10.099999999999994 in binary fractions; in tenths it is exactly 101.
    expect(absenceBandOfAttendance(89.9)).toBe('persistent');
    expect(absenceBandOfAttendance(50.1)).toBe('persistent');
    expect(absenceBandOfAttendance(50)).toBe('severe');
    expect(absenceBandOfAttendance(0)).toBe('severe');
    expect(absenceBandOfAttendance(100)).toBe('neither');
  });
});

describe('attendance in a visit record', () => {
  const review = (category: 'persistent_absence' | 'pex_risk', attendancePercent?: number) =>
    ChildReview.parse({ child: { initials: 'JB', yearGroup: '8' }, category, attendancePercent, statutoryIntervention: 'no', earlyHelpReferral: 'no' });

  it('takes attendance to one decimal place, from 0 to 100, or none', () => {
    expect(review('persistent_absence', 87.3).attendancePercent).toBe(87.3);
    expect(review('persistent_absence', 1.1).attendancePercent).toBe(1.1);
    expect(review('persistent_absence').attendancePercent).toBeUndefined();
    const issue = (value: number) => ChildReview.safeParse({ child: { initials: 'JB', yearGroup: '8' }, category: 'other', attendancePercent: value, statutoryIntervention: 'no', earlyHelpReferral: 'no' }).error?.issues[0]?.message;
    expect(issue(87.25)).toBe('Give the attendance to one decimal place at most, such as 87.5');
    expect(issue(100.5)).toBe('Attendance is a percentage from 0 to 100');
  });

  it('questions a child reviewed as persistently absent whose attendance is above 90%, and names severe absence', () => {
    expect(attendanceWarnings([review('persistent_absence', 93.5)])).toEqual([
      'JB Y8 is recorded as persistently absent, but attendance of 93.5% is not persistently absent (missing less than 10% of possible sessions).',
    ]);
    expect(attendanceWarnings([review('persistent_absence', 90), review('persistent_absence')])).toEqual([]);
    expect(attendanceWarnings([review('pex_risk', 42)])).toEqual(['JB Y8: attendance of 42% is severe absence (missing 50% or more of possible sessions).']);
    expect(attendanceWarnings([review('pex_risk', 95)])).toEqual([]);
  });
});
