import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { importHubs } from './hub-import.ts';
import { selectSchool } from './repo.ts';
import { updateSchoolTeamFields } from './service.ts';

type Db = ReturnType<typeof aTeamDatabase>;

function csv(text: string, name = 'hubs.csv'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

const preview = (db: Db, file: string) => importHubs(db.writeContext, file, { dryRun: true, applyGoodRows: false });
const apply = (db: Db, file: string, applyGoodRows = false) => importHubs(db.writeContext, file, { dryRun: false, applyGoodRows });
const hubs = (db: Db, urns: string[]) => urns.map((u) => selectSchool(db.db, u)?.hub ?? null);
const auditCount = (db: Db) => db.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'hub-import'").pluck().get();

/** Three schools of the register: one already in North, two with no hub (as after a GIAS import). */
function aRegister(db: Db): string[] {
  const urns = [aSchool(db, { name: 'Ashby Primary' }).urn, aSchool(db, { name: 'Brindle Academy' }).urn, aSchool(db, { name: 'Carrow Nursery' }).urn];
  updateSchoolTeamFields(db.writeContext, urns[0]!, { hub: 'North', dslName: null, dslEmail: null, mainContact: null, notes: null });
  return urns;
}

describe('importing hubs from a spreadsheet of URN and hub', () => {
  it('previews each row as a change, unchanged or refused, naming the row and the column, and writes nothing', async () => {
    const db = aTeamDatabase();
    const [a, b, c] = aRegister(db);
    const file = csv(`URN,Hub\n${a},North\n${b},Central\n12345,Coastal\n999999,Coastal\n${b},North\n${c},${'x'.repeat(61)}\n`);
    const result = await preview(db, file);
    expect(result.counts).toEqual({ change: 1, unchanged: 1, refused: 4 });
    expect(result.rows.map((r) => [r.row, r.outcome, r.school])).toEqual([
      [2, 'unchanged', 'Ashby Primary'],
      [3, 'change', 'Brindle Academy'],
      [4, 'refused', null],
      [5, 'refused', null],
      [6, 'refused', 'Brindle Academy'],
      [7, 'refused', 'Carrow Nursery'],
    ]);
    expect(result.rows[1]?.changes).toEqual([{ field: 'hub', from: null, to: 'Central' }]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'Row 4, URN: "12345" is not six digits.',
      'Row 5, URN: no school has URN 999999 in this team database.',
      `Row 6, URN: ${b} is on row 3 already (one row per school).`,
      'Row 7, Hub: use 60 characters or fewer.',
    ]);
    expect(result).toMatchObject({ dryRun: true, applied: 0, file: { name: 'hubs.csv' } });
    expect(hubs(db, [a!, b!, c!])).toEqual(['North', null, null]);
  });

  it('applies nothing from a file with refused rows unless asked to apply the good rows, then applies them in one go', async () => {
    const db = aTeamDatabase();
    const [a, b, c] = aRegister(db);
    const file = csv(`URN,Hub\n${a},North\n${b},Central\n${c},Coastal\n999999,Coastal\n`);
    expect(await apply(db, file)).toMatchObject({ applied: 0, counts: { change: 2, unchanged: 1, refused: 1 } });
    expect(hubs(db, [a!, b!, c!])).toEqual(['North', null, null]);
    expect(auditCount(db)).toBe(0);
    expect(await apply(db, file, true)).toMatchObject({ dryRun: false, applied: 2 });
    expect(hubs(db, [a!, b!, c!])).toEqual(['North', 'Central', 'Coastal']);
    expect(auditCount(db)).toBe(2);
  });

  it('reports every row unchanged when the same file is imported again, and writes nothing', async () => {
    const db = aTeamDatabase();
    const [a, b, c] = aRegister(db);
    const file = csv(`urn,hub\n${a},North\n${b},Central\n${c},Coastal\n`);
    await apply(db, file);
    const again = await apply(db, file);
    expect(again).toMatchObject({ applied: 0, counts: { change: 0, unchanged: 3, refused: 0 } });
    expect(again.rows.every((r) => r.outcome === 'unchanged')).toBe(true);
    expect(auditCount(db)).toBe(2);
  });

  it('reads an .xlsx with the URN as a number, the DSL columns, and a blank cell that keeps what the school holds', async () => {
    const db = aTeamDatabase();
    const [a, b] = aRegister(db);
    const file = path.join(tempDir(), 'hubs.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hubs');
    sheet.addRow(['School name', 'URN', 'Area or hub', 'DSL name', 'DSL email']);
    sheet.addRow(['Ashby Primary', Number(a), '', 'Pat Lead', 'pat.lead@ashby.example.sch.uk']);
    sheet.addRow(['Brindle Academy', Number(b), 'Central', '', 'not-an-email']);
    await workbook.xlsx.writeFile(file);
    const result = await apply(db, file, true);
    expect(result.errors.map((e) => e.message)).toEqual(['Row 3, DSL email: "not-an-email" is not an email address.']);
    expect(result.rows[0]?.changes).toEqual([
      { field: 'dslName', from: null, to: 'Pat Lead' },
      { field: 'dslEmail', from: null, to: 'pat.lead@ashby.example.sch.uk' },
    ]);
    expect(selectSchool(db.db, a!)).toMatchObject({ hub: 'North', dslName: 'Pat Lead', dslEmail: 'pat.lead@ashby.example.sch.uk' });
    expect(selectSchool(db.db, b!)).toMatchObject({ hub: null, dslName: null });
  });

  it('refuses a file changed since it was checked, and one without a Hub column, changing nothing', async () => {
    const db = aTeamDatabase();
    const [a] = aRegister(db);
    const file = csv(`URN,Hub\n${a},Central\n`);
    const checked = await preview(db, file);
    fs.writeFileSync(file, `URN,Hub\n${a},Coastal\n`);
    fs.utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    await expect(importHubs(db.writeContext, file, { dryRun: false, applyGoodRows: false, expected: { bytes: checked.file.bytes, modifiedAt: checked.file.modifiedAt } })).rejects.toThrow(
      'hubs.csv has changed since it was checked. Check it again before importing; nothing was changed.',
    );
    await expect(preview(db, csv(`URN,Team\n${a},North\n`, 'team.csv'))).rejects.toThrow('The file has no Hub column. Its first row must name the columns.');
    expect(hubs(db, [a!])).toEqual(['North']);
  });
});

describe('schools.importHubs through the API', () => {
  it('checks by default, applies when asked, and refuses a path that is not a full path', async () => {
    // The folder first, so it is removed after the session closes (and backs up) the database.
    const folder = tempDir();
    const dispatch = createDispatcher(aSession());
    await dispatch('db.create', { path: path.join(folder, 'hubs.linkdesk'), teamName: 'Hub Team', localAuthority: 'Hubshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await dispatch('schools.create', { urn: '100201', name: 'Dunmere Primary', establishmentType: 'Community school', laCode: '202', laName: 'Camden' });
    const file = csv('URN,Hub\n100201,Coastal\n');
    expect(await dispatch('schools.importHubs', { path: file })).toMatchObject({ ok: true, value: { dryRun: true, applied: 0, counts: { change: 1 } } });
    expect(await dispatch('schools.importHubs', { path: file, dryRun: false })).toMatchObject({ ok: true, value: { applied: 1 } });
    expect(await dispatch('schools.hubs', {})).toEqual({ ok: true, value: ['Coastal'] });
    expect(await dispatch('schools.importHubs', { path: 'hubs.csv' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'path' }] } } });
    expect(await dispatch('schools.importHubs', { path: file, dryRun: 'no' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'dryRun' }] } } });
  });
});
