export { formatDate, formatDateTime, plural } from '../../shared/format.ts';

/** Today on the user's own calendar (not UTC, which is yesterday until 1am in summer). */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
