import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { importConnections, importPeople } from './import.ts';
import { deactivatePerson, listPeople } from './service.ts';

function csv(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

async function xlsx(name: string, rows: (string | number | Date)[][]): Promise<string> {
  const file = path.join(tempDir(), name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  rows.forEach((r) => sheet.addRow(r));
  await workbook.xlsx.writeFile(file);
  return file;
}

const PEOPLE = `Name,Role,Email,Phone,Hub,Capacity,Active from,Active to
Amy Worker,Family Support Worker,amy@council.example.gov.uk,01234 567890,Central,10,01/09/2025,
Ben Manager,Team Manager,ben@council.example.gov.uk,,Central,,2024-04-01,
`;

describe('importing people', () => {
  it('adds people from a CSV, matching headers without regard to case, and updates them by email next time', async () => {
    const db = aTeamDatabase();
    const first = await importPeople(db.writeContext, csv('people.csv', PEOPLE.replace('Active from', 'ACTIVE FROM')), { dryRun: false });
    expect(first).toMatchObject({ applied: 2, dryRun: false, rejected: [], counts: { added: 2, updated: 0, unchanged: 0, refused: 0 } });
    expect(listPeople(db.writeContext).map((p) => [p.name, p.role, p.activeFrom, p.capacity])).toEqual([
      ['Amy Worker', 'fsw', '2025-09-01', 10],
      ['Ben Manager', 'team_manager', '2024-04-01', null],
    ]);
    const second = await importPeople(db.writeContext, csv('people2.csv', PEOPLE.replace('Central,10', 'North,8')), { dryRun: false });
    expect(second).toMatchObject({ applied: 1, counts: { added: 0, updated: 1, unchanged: 1 }, updated: [{ row: 2, name: 'Amy Worker', changes: ['Hub', 'Capacity'] }] });
    expect(listPeople(db.writeContext)).toHaveLength(2);
    expect(listPeople(db.writeContext)[0]).toMatchObject({ hub: 'North', capacity: 8 });
  });

  it('keeps what it holds when a later file leaves a column out or a cell blank', async () => {
    const db = aTeamDatabase();
    await importPeople(db.writeContext, csv('people.csv', PEOPLE), { dryRun: false });
    const amy = listPeople(db.writeContext).find((p) => p.name === 'Amy Worker');
    deactivatePerson(db.writeContext, amy!.id, '2026-07-31');
    await importPeople(db.writeContext, csv('short.csv', 'Name,Role,Email,Active from\nAmy Worker,FSW,amy@council.example.gov.uk,\n'), { dryRun: false });
    expect(listPeople(db.writeContext).find((p) => p.name === 'Amy Worker')).toMatchObject({ phone: '01234 567890', hub: 'Central', capacity: 10, activeFrom: '2025-09-01', activeTo: '2026-07-31' });
  });

  it('reads an .xlsx with real date cells', async () => {
    const db = aTeamDatabase();
    const file = await xlsx('people.xlsx', [
      ['Name', 'Role', 'Email', 'Phone', 'Hub', 'Capacity', 'Active from', 'Active to'],
      ['Cara Support', 'FSW', 'cara@council.example.gov.uk', '', 'Coastal', 12, new Date(Date.UTC(2026, 0, 5)), ''],
    ]);
    expect(await importPeople(db.writeContext, file, { dryRun: false })).toMatchObject({ applied: 1 });
    expect(listPeople(db.writeContext)[0]).toMatchObject({ name: 'Cara Support', activeFrom: '2026-01-05', hub: 'Coastal' });
  });

  it('refuses bad rows by row number and applies nothing from the file', async () => {
    const db = aTeamDatabase();
    const bad = `${PEOPLE}Cara,Cook,cara@council.example.gov.uk,,,,2026-01-01,\nDan,FSW,not-an-email,,,,2026-01-01,\nEve,FSW,amy@council.example.gov.uk,,,,2026-01-01,\nFay,FSW,fay@council.example.gov.uk,,,,31/02/2026,\n`;
    const result = await importPeople(db.writeContext, csv('bad.csv', bad), { dryRun: false });
    expect(result.applied).toBe(0);
    expect(result.rejected.map((r) => r.row)).toEqual([4, 5, 6, 7]);
    expect(result.rejected.map((r) => r.field)).toEqual(['Role', 'Email', 'Email', 'Active from']);
    expect(result.counts).toEqual({ added: 2, updated: 0, unchanged: 0, refused: 4 });
    expect(result.rejected[0]?.message).toMatch(/Role "Cook"/);
    expect(result.rejected[1]?.message).toMatch(/email/i);
    expect(result.rejected[2]?.message).toMatch(/appears more than once \(first on row 2\)/);
    expect(result.rejected[3]?.message).toMatch(/"31\/02\/2026" is not a date/);
    expect(listPeople(db.writeContext)).toEqual([]);
  });

  it('names a missing column, and a dry run changes nothing', async () => {
    const db = aTeamDatabase();
    await expect(importPeople(db.writeContext, csv('x.csv', 'Name,Email\nA,a@b.uk\n'), { dryRun: true })).rejects.toThrow(/no Role, Active from column/);
    const preview = await importPeople(db.writeContext, csv('p.csv', PEOPLE), { dryRun: true });
    expect(preview).toMatchObject({ applied: 0, dryRun: true, rejected: [], counts: { added: 2 }, added: [{ row: 2, name: 'Amy Worker' }, { row: 3, name: 'Ben Manager' }] });
    expect(preview.file).toMatchObject({ name: 'p.csv', bytes: PEOPLE.length });
    expect(listPeople(db.writeContext)).toEqual([]);
  });
});

describe('importing declared connections', () => {
  it('records connections of each kind and refuses unknown workers, schools and kinds', async () => {
    const db = aTeamDatabase();
    aPerson(db, { email: 'amy@council.example.gov.uk' });
    aSchool(db, { urn: '100000' });
    aSchool(db, { urn: '100001' });
    const text = `Worker email,School URN,Connection,From,To
amy@council.example.gov.uk,100000,own child attends,2024-09-01,
amy@council.example.gov.uk,100001,Governor or trustee,01/09/2023,31/08/2027
nobody@council.example.gov.uk,100000,other,2024-09-01,
amy@council.example.gov.uk,999999,other,2024-09-01,
amy@council.example.gov.uk,100001,cousin,2024-09-01,
`;
    const refused = await importConnections(db.writeContext, csv('c.csv', text), { dryRun: false });
    expect(refused.applied).toBe(0);
    expect(refused.rejected.map((r) => r.field)).toEqual(['Worker email', 'School URN', 'Connection']);
    expect(refused.rejected.map((r) => r.message)).toEqual([
      expect.stringMatching(/Row 4: no worker has the email "nobody@/),
      expect.stringMatching(/Row 5: no school has URN "999999"/),
      expect.stringMatching(/Row 6: Connection "cousin" is not one of/),
    ]);
    const good = await importConnections(db.writeContext, csv('c.csv', text), { dryRun: false, applyGoodRows: true });
    expect(good.applied).toBe(2);
    const kinds = db.db.prepare('SELECT kind, to_date FROM declared_connection ORDER BY kind').all();
    expect(kinds).toEqual([{ kind: 'governor_or_trustee', to_date: '2027-08-31' }, { kind: 'own_child_attends', to_date: null }]);
    // This year's declarations again: the same rows are unchanged, not refused.
    const again = await importConnections(db.writeContext, csv('c2.csv', text.split('\n').slice(0, 3).join('\n')), { dryRun: false });
    expect(again).toMatchObject({ applied: 0, rejected: [], counts: { added: 0, unchanged: 2 } });
    // The same connection from another date while one is open: refused, saying since when.
    const overlapping = await importConnections(db.writeContext, csv('c3.csv', 'Worker email,School URN,Connection,From\namy@council.example.gov.uk,100000,own child attends,2025-09-01\n'), { dryRun: false });
    expect(overlapping.rejected).toEqual([{ row: 2, message: expect.stringMatching(/Row 2: .* already has this connection to URN 100000, from 1 Sept? 2024\. End it on their page first/) }]);
  });
});

describe('an import after its preview', () => {
  it('refuses a file changed since the preview, and applies what the preview showed otherwise', async () => {
    const db = aTeamDatabase();
    const file = csv('people.csv', PEOPLE);
    const preview = await importPeople(db.writeContext, file, { dryRun: true });
    fs.appendFileSync(file, 'Cara Late,FSW,cara@council.example.gov.uk,,,,2026-01-01,\n');
    await expect(importPeople(db.writeContext, file, { dryRun: false, expected: preview.file })).rejects.toThrow('people.csv has changed since the preview');
    expect(listPeople(db.writeContext)).toEqual([]);
    const again = await importPeople(db.writeContext, file, { dryRun: true });
    expect(await importPeople(db.writeContext, file, { dryRun: false, expected: again.file })).toMatchObject({ applied: 3 });
  });

  it('writes nothing at all, not even an audit row, when every row is unchanged', async () => {
    const db = aTeamDatabase();
    await importPeople(db.writeContext, csv('people.csv', PEOPLE), { dryRun: false });
    const audits = () => (db.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = audits();
    expect(await importPeople(db.writeContext, csv('same.csv', PEOPLE), { dryRun: false })).toMatchObject({ applied: 0, counts: { unchanged: 2 } });
    expect(audits()).toBe(before);
  });
});
