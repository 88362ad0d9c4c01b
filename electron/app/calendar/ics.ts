/**
 * RFC 5545 calendar files that Outlook imports. Every event has a stable UID built from the
 * record it comes from, so importing a newer export updates events instead of duplicating them.
 */
import { addDays } from '../../../shared/format.ts';
import { cleanLines } from '../../../shared/domain/text.ts';

export interface CalendarEvent {
  uid: string;
  /** All-day event on this date. */
  date: string;
  summary: string;
  description?: string;
  /** When the source record last changed: Outlook keeps the newest copy of a UID. */
  lastModified: string;
}

/**
 * Text values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break as
 * \n, and no other control character (a bare CR or a NUL would end or break the line in
 * Outlook), nor a bidi override that would show an event's name reversed.
 */
export function escapeText(value: string): string {
  const clean = cleanLines(value);
  // Most values (names, dates) hold nothing to escape: return them without four more passes.
  if (!/[\\;,\n]/.test(clean)) return clean;
  return clean.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
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
