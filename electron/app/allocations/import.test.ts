import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ConnectionFields } from '../../../shared/domain/people.ts';
import { declareConnection } from '../people/service.ts';
import { aTeamDatabase, asyncRefusalOf, bytesOf, tempDir } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { importAllocations } from './import.ts';
import { selectSchoolHistory } from './repo.ts';

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  for (const [urn, name, type] of [
    ['100201', 'Ashby Primary School', 'Community school'],
    ['100202', 'Brindle Primary School', 'Community school'],
    ['100203', 'Carrow Primary School', 'Community school'],
    ['100204', 'Dunmere Learning Centre', 'Pupil referral unit'],
    ['100205', 'Elmstead Primary School', 'Community school'],
    ['100206', 'Fenwick Primary School', 'Community school'],
  ] as const) {
    aSchool(db, { urn, name, establishmentType: type, phase: type === 'Pupil referral unit' ? 'Not applicable' : 'Primary' });
  }
  const amy = aPerson(db, { name: 'Amy Worker', email: 'amy@council.example.gov.uk', hub: '' });
  aPerson(db, { name: 'Ben Second', email: 'ben@council.example.gov.uk', hub: '' });
  aPerson(db, { name: 'Iris Fenton', email: 'iris@council.example.gov.uk', hub: '', activeTo: '2026-07-31' });
  aPerson(db, { name: 'Sam Smith', email: 'sam.smith1@council.example.gov.uk', hub: '' });
  aPerson(db, { name: 'Sam Smith', email: 'sam.smith2@council.example.gov.uk', hub: '' });
  declareConnection(db.writeContext, ConnectionFields.parse({ personId: amy.id, urn: '100202', kind: 'own_child_attends', from: '2023-09-01' }));
  return db;
}

function csv(text: string): string {
  const file = path.join(tempDir(), 'spoc-list.csv');
  fs.writeFileSync(file, text);
  return file;
}

const HEADER = 'School URN,School name,SPOC,Secondary link worker,From,County agreed on,County agreed by,Reason\n';

describe('bulk allocation from a spreadsheet', () => {
  it('refuses own-child, inactive, same-person and APC-without-agreement rows with reasons, and applies the rest together', async () => {
    const db = setUp();
    const file = csv(
      HEADER +
        '100201,,amy@council.example.gov.uk,Ben Second,2026-12-01,,,\n' +
        '100202,,Amy Worker,Ben Second,2026-12-01,,,\n' +
        '100203,,Iris Fenton,Ben Second,2026-12-01,,,\n' +
        ',Elmstead Primary School,Ben Second,ben@council.example.gov.uk,2026-12-01,,,\n' +
        '100204,,Ben Second,Amy Worker,2026-12-01,,,\n' +
        '100206,,Ben Second,,2026-12-01,,,Secondary to be agreed in January\n',
    );
    const result = await importAllocations(db.writeContext, file, { dryRun: false });
    expect(result.applied).toBe(2);
    expect(result.rejected.map((r) => [r.row, r.school?.urn, r.reasons[0]])).toEqual([
      [3, '100202', expect.stringMatching(/Amy Worker declared that their own child attends Brindle Primary School/)],
      [4, '100203', expect.stringMatching(/Iris Fenton left on 31 Jul 2026/)],
      [5, '100205', expect.stringMatching(/Ben Second cannot be both the named and the secondary/)],
      [6, '100204', expect.stringMatching(/agreed at county level/)],
    ]);
    expect(result.warnings).toEqual([
      { row: 7, school: { urn: '100206', name: 'Fenwick Primary School' }, messages: ['Fenwick Primary School would have no secondary link worker.'], overriddenWith: 'Secondary to be agreed in January' },
    ]);
    expect(selectSchoolHistory(db.db, '100201').map((p) => [p.role, p.personName])).toEqual([['named', 'Amy Worker'], ['secondary', 'Ben Second']]);
    expect(selectSchoolHistory(db.db, '100202')).toEqual([]);
  });

  it('names unknown schools and workers, ambiguous names, duplicate rows and nonsense dates by row, and a dry run saves nothing', async () => {
    const db = setUp();
    const file = csv(
      HEADER +
        '999999,,Amy Worker,Ben Second,2026-12-01,,,\n' +
        ',Nowhere Academy,Amy Worker,Ben Second,2026-12-01,,,\n' +
        '100201,,Sam Smith,Ben Second,2026-12-01,,,\n' +
        '100203,,Zed Nobody,Ben Second,2026-12-01,,,\n' +
        '100205,,Ben Second,Amy Worker,31/02/2026,,,\n' +
        '100206,,Ben Second,Amy Worker,2026-12-01,,,\n' +
        '100206,,Amy Worker,Ben Second,2026-12-01,,,\n' +
        '100204,,Ben Second,Amy Worker,2026-12-01,2027-01-10,County DST managers,\n',
    );
    const result = await importAllocations(db.writeContext, file, { dryRun: true });
    expect(result.rejected.map((r) => `${r.row}: ${r.reasons.join(' ')}`)).toEqual([
      '2: No school has URN "999999" in this team database.',
      '3: No open school is called "Nowhere Academy".',
      '4: Named link worker "Sam Smith" matches 2 people: give their work email instead.',
      '5: Named link worker "Zed Nobody" is not a worker in this team database (give a name or work email as in People).',
      '6: From "31/02/2026" is not a date (use 2026-09-01 or 01/09/2026).',
      '8: Fenwick Primary School is on row 7 already: one row per school.',
      '9: County agreed on is after the From date: the agreement must come first.',
    ]);
    expect(result.rows.find((r) => r.row === 7)?.outcome).toBe('apply');
    expect(result.applied).toBe(0);
    expect(selectSchoolHistory(db.db, '100206')).toEqual([]);
  });

  it('refuses a row dated before the school’s current allocation, and still applies the others', async () => {
    const db = setUp();
    await importAllocations(db.writeContext, csv(HEADER + '100201,,Amy Worker,Ben Second,2026-09-01,,,\n'), { dryRun: false });
    const file = csv(HEADER + '100201,,Ben Second,Amy Worker,2026-08-01,,,\n100203,,Ben Second,Amy Worker,2026-12-01,,,\n');
    const dry = await importAllocations(db.writeContext, file, { dryRun: true });
    expect(dry.rejected.map((r) => [r.row, r.reasons[0]])).toEqual([[2, expect.stringMatching(/since 1 Sep 2026: a change must start on or after that date/)]]);
    const real = await importAllocations(db.writeContext, file, { dryRun: false });
    expect(real.applied).toBe(1);
    expect(selectSchoolHistory(db.db, '100203')).toHaveLength(2);
  });

  it('reads the published SPOC list as an .xlsx, with an APC agreed at county level', async () => {
    const db = setUp();
    const file = path.join(tempDir(), 'spoc-list.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SPOC list');
    sheet.addRow(['School URN', 'School name', 'Named link worker', 'Secondary link worker', 'From', 'County agreed on', 'County agreed by', 'Reason']);
    sheet.addRow(['100204', 'Dunmere Learning Centre', 'ben@council.example.gov.uk', 'amy@council.example.gov.uk', new Date(Date.UTC(2026, 11, 1)), new Date(Date.UTC(2026, 10, 10)), 'County DST managers meeting', 'APC split 2026']);
    await workbook.xlsx.writeFile(file);
    const result = await importAllocations(db.writeContext, file, { dryRun: false });
    expect(result).toMatchObject({ applied: 1, rejected: [] });
    expect(selectSchoolHistory(db.db, '100204')[0]).toMatchObject({ countyAgreedOn: '2026-11-10', countyAgreedBy: 'County DST managers meeting', from: '2026-12-01' });
  });

  it('refuses a row whose Reason is too long, rather than failing the whole file, and applies the others', async () => {
    const db = setUp();
    const file = csv(`${HEADER}100201,,Ben Second,,2026-12-01,,,${'x'.repeat(501)}\n100203,,Ben Second,Amy Worker,2026-12-01,,,\n`);
    const result = await importAllocations(db.writeContext, file, { dryRun: false });
    expect(result.rejected).toEqual([{ row: 2, school: { urn: '100201', name: 'Ashby Primary School' }, reasons: ['Reason: Use 500 characters or fewer.'] }]);
    expect(result.applied).toBe(1);
  });

  it('refuses a file over a limit by name, and changes nothing', async () => {
    const db = setUp();
    const before = bytesOf(db.path);
    const refused = await asyncRefusalOf(() => importAllocations(db.writeContext, csv(`${HEADER}${'100201,,Ben Second,,2026-12-01,,,\n'.repeat(20_001)}`), { dryRun: false }));
    expect(refused.message).toBe('spoc-list.csv has more than 20,000 rows (the limit is 20,000). Nothing was changed.');
    expect(bytesOf(db.path).equals(before)).toBe(true);
  });

  it('reads a list with title rows above its header and LinkDesk’s own column names; a contact cell tells apart two people of the same name', async () => {
    const db = setUp();
    aPerson(db, { name: 'Siân O’Brien', email: 'sian@council.example.gov.uk', hub: '' });
    const file = csv(
      'North Hub: SPOC contact list,,,,,\n' +
        'Camden. Valid from 1 December 2026.,,,,,\n' +
        'School,URN,Named link worker (SPOC),SPOC work email,Secondary link worker,Secondary contact\n' +
        "Ashby Primary School,100201,Sian O'Brien,,Sam Smith,\"sam.smith2@council.example.gov.uk, 01632 960002\"\n" +
        'Carrow Primary School,100203,Sam Smith,sam.smith1@council.example.gov.uk,Ben Second,\n' +
        'Elmstead Primary School,100205,Ben Second,amy@council.example.gov.uk,,\n' +
        'Fenwick Primary School,100206,Sam Smith,,Ben Second,\n',
    );
    const result = await importAllocations(db.writeContext, file, { dryRun: true });
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([[4, 'apply'], [5, 'apply'], [6, 'refused'], [7, 'refused']]);
    expect(result.rejected.map((r) => `${r.row}: ${r.reasons.join(' ')}`)).toEqual([
      '6: Named link worker "Ben Second" is given with the work email of Amy Worker: correct one of them.',
      '7: Named link worker "Sam Smith" matches 2 people: give their work email instead.',
    ]);
    await importAllocations(db.writeContext, file, { dryRun: false });
    const people = new Map(db.db.prepare('SELECT id, email FROM person').all().map((p) => [(p as { id: string }).id, (p as { email: string }).email]));
    const holder = (urn: string) => selectSchoolHistory(db.db, urn).map((p) => [p.role, people.get(p.personId)]);
    expect(holder('100201')).toEqual([['named', 'sian@council.example.gov.uk'], ['secondary', 'sam.smith2@council.example.gov.uk']]);
    expect(holder('100203')).toEqual([['named', 'sam.smith1@council.example.gov.uk'], ['secondary', 'ben@council.example.gov.uk']]);
  });

  it('without a row naming the columns in the first ten, says which columns are missing', async () => {
    const db = setUp();
    const refused = await asyncRefusalOf(() => importAllocations(db.writeContext, csv('A list,,\nSchool,Worker,Other\n100201,Amy Worker,x\n'), { dryRun: true }));
    expect(refused.message).toBe('The file has no Named link worker (SPOC), Secondary link worker column. Its first row must name the columns.');
  });
});
