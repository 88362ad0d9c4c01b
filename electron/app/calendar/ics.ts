/**
 * RFC 5545 calendar files that Outlook imports. Every event has a stable UID built from the
 * record it comes from, so importing a newer export updates events instead of duplicating them.
 */
import { addDays } from '../../../shared/format.ts';

export interface CalendarEvent {
  uid: string;
  /** All-day event on this date. */
  date: string;
  summary: string;
  description?: string;
  /** When the source record last changed: Outlook keeps the newest copy of a UID. */
  lastModified: string;
}

/** Text values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  if (!/[\\;,\n]/.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 3.1), never inside a character. */
export function foldLine(line: string): string {
  // Most lines are short: no need to walk them character by character.
  if (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basicDate = (iso: string) => iso.replace(/-/g, '');
const basicDateTime = (iso: string) => `${iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`;

export function buildIcs(events: CalendarEvent[], calendarName: string, now: Date): string {
  const stamp = basicDateTime(now.toISOString());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LinkDesk//Dedicated Schools Team//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${basicDateTime(e.lastModified)}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
