/**
 * Wall-clock times in England. The escalation rule counts 24 clock hours, so a time the user
 * types (yyyy-mm-ddThh:mm, as read off a clock in England) is turned into an instant with
 * Europe/London's offset at that moment, whatever time zone the computer is set to.
 */
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A time that exists on a calendar and a clock: no 30 February, no 25:00, no 24:00. */
export function isRealWallTime(value: string): boolean {
  if (!LOCAL_DATE_TIME.test(value)) return false;
  const parsed = new Date(`${value}:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 16) === value;
}

/** The wall-clock time in England at an instant, as yyyy-mm-ddThh:mm. */
export function londonWallTime(instant: Date): string {
  const p = Object.fromEntries(LONDON.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant a wall-clock time in England names. England is on GMT or BST (one hour ahead),
 * so the instant is one of two candidates. In the autumn hour that happens twice the earlier
 * (BST) one is taken; a time in the spring hour that never happens is read as GMT, which is the
 * same instant as an hour later on the clock.
 */
export function londonInstant(wallTime: string): Date {
  if (!LOCAL_DATE_TIME.test(wallTime)) throw new Error(`Not a yyyy-mm-ddThh:mm time: ${wallTime}`);
  const asUtc = Date.parse(`${wallTime}:00Z`);
  const bst = new Date(asUtc - 3_600_000);
  if (londonWallTime(bst) === wallTime) return bst;
  return new Date(asUtc);
}

/** Minutes from one wall-clock time in England to another, in real elapsed time. */
export function minutesBetween(fromWallTime: string, toWallTime: string): number {
  return Math.round((londonInstant(toWallTime).getTime() - londonInstant(fromWallTime).getTime()) / 60_000);
}

/** "3 h 05 min" for a span of minutes (its absolute value). */
export function formatSpan(minutes: number): string {
  const m = Math.abs(minutes);
  const hours = Math.floor(m / 60);
  const rest = String(m % 60).padStart(2, '0');
  return hours >= 48 ? `${Math.floor(hours / 24)} days ${hours % 24} h` : `${hours} h ${rest} min`;
}
