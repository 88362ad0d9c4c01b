/**
 * Absence as the DfE measures it: a pupil is persistently absent when they miss 10% or more of
 * their possible sessions, and severely absent when they miss 50% or more. Schools quote a
 * pupil's attendance as a percentage of possible sessions, so both forms are read here.
 */

/** Missing this share of possible sessions, or more, is persistent absence. */
export const PERSISTENT_ABSENCE_PERCENT = 10;
/** Missing this share of possible sessions, or more, is severe absence. */
export const SEVERE_ABSENCE_PERCENT = 50;

export type AbsenceBand = 'severe' | 'persistent' | 'neither';
export const ABSENCE_BAND_LABELS: Record<AbsenceBand, string> = {
  severe: 'severely absent (missing 50% or more of possible sessions)',
  persistent: 'persistently absent (missing 10% or more of possible sessions)',
  neither: 'not persistently absent (missing less than 10% of possible sessions)',
};

/** Compared in whole tenths of a percent, so 90.0% attendance is exactly 10% missed, whatever binary fractions do. */
function bandOfMissedTenths(missedTenths: number): AbsenceBand {
  if (missedTenths >= SEVERE_ABSENCE_PERCENT * 10) return 'severe';
  if (missedTenths >= PERSISTENT_ABSENCE_PERCENT * 10) return 'persistent';
  return 'neither';
}

/** The band of a pupil who missed `missed` of `possible` sessions (a session is a morning or an afternoon). */
export function absenceBand(missed: number, possible: number): AbsenceBand {
  if (possible <= 0 || missed < 0 || missed > possible) throw new RangeError('Sessions missed must be between 0 and the sessions possible');
  // missed / possible >= p / 100, without dividing.
  if (missed * 100 >= SEVERE_ABSENCE_PERCENT * possible) return 'severe';
  if (missed * 100 >= PERSISTENT_ABSENCE_PERCENT * possible) return 'persistent';
  return 'neither';
}

/** The band of a pupil whose attendance the school gives as a percentage (to one decimal place). */
export function absenceBandOfAttendance(attendancePercent: number): AbsenceBand {
  return bandOfMissedTenths(1000 - Math.round(attendancePercent * 10));
}
