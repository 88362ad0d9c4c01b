import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { importTermDates, listYears } from './service.ts';

const event = (summary: string, start: string, endExclusive: string) =>
  `BEGIN:VEVENT\r\nUID:${summary.replace(/\W/g, '')}-${start}@council\r\nDTSTART;VALUE=DATE:${start}\r\nDTEND;VALUE=DATE:${endExclusive}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\n`;

const COUNCIL_ICS = [
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Northshire County Council//Term dates//EN\r\n',
  event('Autumn term 2026', '20260902', '20261219'),
  event('October half term', '20261026', '20261031'),
  event('Christmas holiday', '20261219', '20270104'),
  event('Spring term 2027', '20270104', '20270327'),
  event('February half-term', '20270215', '20270220'),
  event('Summer Term 2027', '20270412', '20270723'),
  event('May half term', '20270531', '20270605'),
  'END:VCALENDAR\r\n',
].join('');

function write(text: string): string {
  const file = path.join(tempDir(), 'term-dates.ics');
  fs.writeFileSync(file, text);
  return file;
}

describe('importing council term dates', () => {
  it('reads the terms and half-terms of a council .ics', () => {
    const db = aTeamDatabase();
    expect(importTermDates(db.writeContext, write(COUNCIL_ICS))).toEqual({ years: ['2026-27'] });
    expect(listYears(db.db)[0]?.terms).toEqual([
      { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
      { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
      { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
    ]);
  });

  it('names what is missing and saves nothing', () => {
    const db = aTeamDatabase();
    const incomplete = COUNCIL_ICS.replace(event('May half term', '20270531', '20270605'), '');
    expect(() => importTermDates(db.writeContext, write(incomplete))).toThrow(/2026-27: no half-term inside the summer term\. Nothing was saved/);
    expect(() => importTermDates(db.writeContext, write('Term dates\nAutumn: 2 Sept'))).toThrow(/not a calendar/);
    expect(listYears(db.db)).toEqual([]);
  });
});
