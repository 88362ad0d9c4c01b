import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RefusedRowsInput } from '../../../shared/domain/allocations.ts';
import { asyncRefusalOf, tempDir } from '../testing/builders.ts';
import { saveRefusedRows } from './refused-rows.ts';

const { rows } = RefusedRowsInput.parse({
  rows: [
    { row: 3, school: { urn: '100904', name: 'Dunmere Primary School' }, reasons: ['Amy Worker declared that their own child attends Dunmere Primary School.'] },
    { row: 7, school: null, reasons: ['No school has URN "999999" in this team database.'] },
    { row: 9, school: { urn: '100905', name: '=HYPERLINK("x")' }, reasons: ['It has warnings and no Reason to override them.', 'Amy Worker would be more than 25% above the team average.'] },
  ],
});

async function readBack(file: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  const out: unknown[][] = [];
  sheet?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('saving the refused rows of an allocations import', () => {
  it('writes each refused row with its school and reasons, text never a formula', async () => {
    const file = path.join(tempDir(), 'refused.xlsx');
    expect(await saveRefusedRows(rows, { path: file }, '2026-11-23')).toEqual({ path: file, rows: 3 });
    expect(await readBack(file)).toEqual([
      ['Allocation rows refused, 23 Nov 2026'],
      ['Row', 'School URN', 'School', 'Why refused'],
      [3, '100904', 'Dunmere Primary School', 'Amy Worker declared that their own child attends Dunmere Primary School.'],
      [7, '', '', 'No school has URN "999999" in this team database.'],
      [9, '100905', '=HYPERLINK("x")', 'It has warnings and no Reason to override them. Amy Worker would be more than 25% above the team average.'],
    ]);
  });

  it('refuses to replace a file unless asked, never replaces a team database, and needs .xlsx', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'refused.xlsx');
    fs.writeFileSync(file, 'earlier');
    expect((await asyncRefusalOf(() => saveRefusedRows(rows, { path: file }, '2026-11-23'))).code).toBe('file_exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('earlier');
    await saveRefusedRows(rows, { path: file, replace: true }, '2026-11-23');
    expect((await readBack(file))[2]?.[0]).toBe(3);
    expect((await asyncRefusalOf(() => saveRefusedRows(rows, { path: path.join(folder, 'refused.csv') }, '2026-11-23'))).message).toMatch(/must be saved with a name ending in \.xlsx/);
    const database = path.join(folder, 'team.linkdesk');
    fs.writeFileSync(database, 'db');
    expect((await asyncRefusalOf(() => saveRefusedRows(rows, { path: database, replace: true }, '2026-11-23'))).code).toBe('invalid_input');
    expect(fs.readFileSync(database, 'utf8')).toBe('db');
    expect(fs.readdirSync(folder).sort()).toEqual(['refused.xlsx', 'team.linkdesk']);
  });
});
