import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanVisitInput } from '../../../shared/domain/visits.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { exportCalendar } from '../visits/export.ts';
import { planVisit } from '../visits/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { buildIcs, escapeText, foldLine } from './ics.ts';
import { saveYear } from './service.ts';

describe('.ics files', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeText('St Mary’s; Year 6, Group\\A\nnext')).toBe('St Mary’s\\; Year 6\\, Group\\\\A\\nnext');
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    expect(folded.split('\r\n ').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });

  it('writes a hostile school name as one escaped line: no NUL, bare CR, other control or bidi character gets through', () => {
    const hostile = 'St Ann\u0000e\u2019s;\r BEGIN:VEVENT, \\ Primary\u202Eloohcs\u0007\nUID:evil\r\nEND';
    expect(escapeText(hostile)).toBe('St Anne’s\\;\\n BEGIN:VEVENT\\, \\\\ Primaryloohcs\\nUID:evil\\nEND');
    const text = buildIcs([{ uid: 'visit-1@linkdesk', date: '2026-12-10', summary: `SPOC visit: ${hostile}`, description: hostile, lastModified: '2026-11-23T10:00:00.000Z' }], hostile, new Date('2026-11-23T12:00:00Z'));
    // eslint-disable-next-line no-control-regex -- looking for control characters is the test
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
    // Every line break is CRLF (a lone CR or LF would start a new property in Outlook).
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded.filter((l) => l.startsWith('BEGIN:VEVENT') || l.startsWith('UID:'))).toEqual(['BEGIN:VEVENT', 'UID:visit-1@linkdesk']);
    expect(unfolded).toContain('SUMMARY:SPOC visit: St Anne’s\\;\\n BEGIN:VEVENT\\, \\\\ Primaryloohcs\\nUID:evil\\nEND');
  });

  it('writes all-day events with a stable UID', () => {
    const text = buildIcs([{ uid: 'visit-1@linkdesk', date: '2026-12-10', summary: 'SPOC visit: Rhyl Primary School', lastModified: '2026-11-23T10:00:00.000Z' }], 'Team', new Date('2026-11-23T12:00:00Z'));
    expect(text).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
    expect(text).toContain('UID:visit-1@linkdesk\r\nDTSTAMP:20261123T120000Z\r\nLAST-MODIFIED:20261123T100000Z\r\nDTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261211\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('exports visits and pro forma deadlines in the range; a second export keeps the same UIDs', () => {
    const db = aTeamDatabase({ now: () => new Date('2026-09-10T10:00:00Z') });
    saveYear(db.writeContext, DEMO_YEAR);
    aSchool(db, { urn: '100400', name: 'Rhyl Primary School' });
    planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100400', yearLabel: '2026-27', term: 'autumn', date: '2026-11-03' }));
    const file = path.join(tempDir(), 'visits.ics');
    expect(exportCalendar(db.db, { path: file }, '2026-09-01', '2026-12-31', new Date())).toEqual({ path: file, events: 3 });
    const first = fs.readFileSync(file, 'utf8');
    expect(first).toMatch(/DTSTART;VALUE=DATE:20261013\r\nDTEND;VALUE=DATE:20261014\r\nSUMMARY:Send pro forma: Rhyl Primary School/);
    expect(first).toMatch(/DTSTART;VALUE=DATE:20261020\r\nDTEND;VALUE=DATE:20261021\r\nSUMMARY:Pro forma due back: Rhyl Primary School/);
    expect(first).toMatch(/DTSTART;VALUE=DATE:20261103\r\nDTEND;VALUE=DATE:20261104\r\nSUMMARY:SPOC visit: Rhyl Primary School/);
    exportCalendar(db.db, { path: file, replace: true }, '2026-09-01', '2026-12-31', new Date());
    const uids = (text: string) => [...text.matchAll(/UID:(.+)\r\n/g)].map((m) => m[1]);
    expect(uids(fs.readFileSync(file, 'utf8'))).toEqual(uids(first));
    expect(exportCalendar(db.db, { path: path.join(tempDir(), 'oct.ics') }, '2026-10-15', '2026-10-31', new Date()).events).toBe(1);
    expect(() => exportCalendar(db.db, { path: path.join(tempDir(), 'no', 'x.ics') }, '2026-09-01', '2026-12-31', new Date())).toThrow(/does not exist/);
  });
});
