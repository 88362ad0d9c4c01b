/**
 * Dates as team managers write them: 23 Nov 2026, 14:05. Month names are spelled here
 * rather than by Intl, whose en-GB data now says "Sept".
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date-only value (yyyy-mm-dd) is a calendar day, not a moment: never shift it by time zone. */
function parts(iso: string): { day: number; month: number; year: number; time: string | null } {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return { year: Number(dateOnly[1]), month: Number(dateOnly[2]) - 1, day: Number(dateOnly[3]), time: null };
  const d = new Date(iso);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), time };
}

export function formatDate(iso: string): string {
  const { day, month, year } = parts(iso);
  return `${day} ${MONTHS[month] ?? ''} ${year}`;
}

export function formatDateTime(iso: string): string {
  const p = parts(iso);
  return p.time ? `${formatDate(iso)}, ${p.time}` : formatDate(iso);
}

/** yyyy-mm-dd plus or minus whole days, in calendar terms (no time zones involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar day of a moment on this computer's clock (for a UK user, GMT or BST), never UTC's. */
export function localDay(moment: Date): string {
  return `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;
}

/** "1 school", "2 schools", "1,250 schools": a count with its noun, singular only for exactly one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}
