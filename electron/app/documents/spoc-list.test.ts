import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { SpocListInput, TO_BE_ALLOCATED } from '../../../shared/domain/documents.ts';
import { importAllocations } from '../allocations/import.ts';
import { allocate } from '../allocations/service.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { aTeamDatabase, asyncRefusalOf, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { pdfOf, pdfPages, pdfPageSize, pdfPageText } from '../testing/office.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { exportSpocList, generatedDocuments } from './service.ts';
import { checkSpocList, spocListRows } from './spoc-list.ts';
import { wrappedLines } from './wrapped-lines.ts';

const demo = () => createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));

const refusal = asyncRefusalOf;

const HEADER = [
  'School', 'URN', 'Category', 'Area / hub', 'Named link worker (SPOC)', 'SPOC work email', 'SPOC work phone',
  'Secondary link worker', 'Secondary work email', 'Secondary work phone', 'Team manager',
];

async function exported(db: ReturnType<typeof demo>): Promise<{ file: string; sheet: ExcelJS.Worksheet; schools: number }> {
  const file = path.join(tempDir(), 'SPOC list.xlsx');
  const saved = await exportSpocList(db.writeContext, SpocListInput.parse({ path: file, validFrom: '2026-11-24', acceptGaps: true }), db.path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return { file, sheet, schools: saved.rows };
}

const rowsOf = (sheet: ExcelJS.Worksheet, count: number) => Array.from({ length: count }, (_, i) => (sheet.getRow(4 + i).values as unknown[]).slice(1).map((v) => String(v ?? '')));

describe('the published SPOC list', () => {
  it('lists the schools with no named link worker before saving, and saves them as "to be allocated" only when asked', async () => {
    const db = demo();
    const check = checkSpocList(db.db, '2026-11-24');
    expect(check.gaps.length).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'SPOC list.xlsx');
    const refused = await refusal(() => exportSpocList(db.writeContext, SpocListInput.parse({ path: file, validFrom: '2026-11-24' }), db.path));
    expect(refused.message).toContain(`${check.gaps.length} schools have no named link worker`);
    expect(fs.existsSync(file)).toBe(false);

    const saved = await exportSpocList(db.writeContext, SpocListInput.parse({ path: file, validFrom: '2026-11-24', acceptGaps: true }), db.path);
    expect(saved).toEqual({ path: file, rows: check.schools, gaps: check.gaps.length });
    expect(generatedDocuments(db.db, {}).filter((d) => d.kind === 'spoc_list').map((d) => d.path)).toEqual([file]);
    expect((await refusal(() => exportSpocList(db.writeContext, SpocListInput.parse({ path: file, validFrom: '2026-11-24', acceptGaps: true }), db.path))).code).toBe('file_exists');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(String(sheet.getCell('A1').value)).toBe('North Hub Dedicated Schools Team: SPOC contact list');
    const subtitle = String(sheet.getCell('A2').value);
    expect(subtitle).toContain('Valid from 24 November 2026');
    // Each team manager once, with the hubs of their schools and their contacts.
    expect(subtitle).toContain('Team managers: Tess Manager (Central, North): tess.manager@northshire.example.gov.uk, 01632 960001; Grace Bello (Coastal): grace.bello@northshire.example.gov.uk, 01632 960002.');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();

    const rows = rowsOf(sheet, check.schools);
    expect(sheet.getRow(4 + check.schools).getCell(1).value).toBeNull();
    const names = rows.map((r) => r[0] ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    const gapRows = rows.filter((r) => r[4] === TO_BE_ALLOCATED).map((r) => r[1]);
    expect(gapRows.sort()).toEqual(check.gaps.map((g) => g.urn).sort());
    // The secondary worker's email and phone have their own columns, as the SPOC's do.
    for (const r of rows.filter((row) => row[4] !== TO_BE_ALLOCATED)) expect([r[5], r[6]]).toEqual([expect.stringMatching(/^[^\s,]+@[^\s,]+$/), expect.stringMatching(/^01632 \d{6}$/)]);
    for (const r of rows.filter((row) => row[7] !== TO_BE_ALLOCATED)) expect([r[8], r[9]]).toEqual([expect.stringMatching(/^[^\s,]+@[^\s,]+$/), expect.stringMatching(/^(01632 \d{6})?$/)]);
    expect(rows.every((r) => ['North', 'Central', 'Coastal'].includes(r[3] ?? ''))).toBe(true);

    // Only publishable fields: nothing from declared connections, notes or reasons reaches the file.
    const privateTexts = db.db
      .prepare("SELECT other_text AS t FROM declared_connection UNION SELECT notes FROM school UNION SELECT reason FROM allocation UNION SELECT override_reason FROM allocation")
      .pluck()
      .all()
      .filter((t): t is string => typeof t === 'string' && t.length > 3);
    expect(privateTexts.length).toBeGreaterThan(0);
    const everything = [subtitle, ...rows.flat()].join('\n');
    for (const t of privateTexts) expect(everything).not.toContain(t);
  });

  it('prints on A4 landscape, one page wide, the title and header on every page, in 10pt text wrapped in rows tall enough', async () => {
    const db = demo();
    const { file, sheet, schools } = await exported(db);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(widths).toHaveLength(HEADER.length);
    for (let i = 0; i < schools; i++) {
      const row = sheet.getRow(4 + i);
      const cells = HEADER.map((_, c) => row.getCell(c + 1));
      for (const cell of cells) {
        expect(cell.font.size).toBeGreaterThanOrEqual(10);
        expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
      }
      // Tall enough for its longest wrapped cell: nothing prints over the next row.
      const lines = Math.max(...cells.map((cell, c) => wrappedLines(String(cell.value ?? ''), widths[c] ?? 0)));
      expect(row.height).toBeGreaterThanOrEqual(lines * 12.5);
    }
    for (const cell of HEADER.map((_, c) => sheet.getRow(3).getCell(c + 1))) expect(cell.font.size).toBeGreaterThanOrEqual(10);

    const pdf = await pdfOf(file);
    const size = pdfPageSize(pdf);
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThan(1);
    const printed = Array.from({ length: pages }, (_, i) => pdfPageText(pdf, i + 1));
    // One page wide: every page carries the title and the whole header, first column to last.
    for (const text of printed) {
      expect(text).toContain('SPOC contact list');
      expect(text).toMatch(/School\s+URN\s+Category/);
      expect(text).toMatch(/Team\s+manager/);
    }
    const everySchool = printed.join('\n');
    for (const [name] of rowsOf(sheet, schools)) expect(everySchool).toContain((name ?? '').split(' ')[0]);
  });

  it('fills in the area from the link workers’ hub when the school has none yet (a register just imported from GIAS)', () => {
    const db = aTeamDatabase({ now: () => new Date('2026-11-24T10:00:00Z') });
    const school = aSchool(db, { name: 'Rhyl Primary School' });
    const spoc = aPerson(db, { name: 'Amy Worker', hub: 'Central', phone: '01632 960201' });
    const secondary = aPerson(db, { name: 'Ben Second', hub: 'North', phone: '01632 960202' });
    allocate(db.writeContext, AllocationProposal.parse({ urn: school.urn, namedId: spoc.id, secondaryId: secondary.id, from: '2026-11-02' }));
    expect(spocListRows(db.db, '2026-11-24')).toMatchObject([
      { schoolName: 'Rhyl Primary School', hub: 'Central', spocName: 'Amy Worker', secondaryName: 'Ben Second', secondaryEmail: secondary.email, secondaryPhone: '01632 960202' },
    ]);
  });

  it('reads back through the allocations import exactly as written: every row unchanged, none refused, nothing applied', async () => {
    const db = demo();
    const { file, schools } = await exported(db);
    const before = db.db.prepare('SELECT count(*) FROM allocation').pluck().get();
    const result = await importAllocations(db.writeContext, file, { dryRun: false });
    expect(result.rejected).toEqual([]);
    expect(result.applied).toBe(0);
    expect(result.rows).toHaveLength(schools);
    expect(result.rows.every((r) => r.outcome === 'unchanged')).toBe(true);
    expect(result.rows[0]?.row).toBe(4);
    expect(db.db.prepare('SELECT count(*) FROM allocation').pluck().get()).toBe(before);
  });

  it('an edited list applies the rows that changed and leaves the rest', async () => {
    const db = demo();
    const { sheet, schools } = await exported(db);
    const rows = rowsOf(sheet, schools);
    // Swap the two workers of the first fully allocated school, as a manager would in Excel.
    const index = rows.findIndex((r) => r[4] !== TO_BE_ALLOCATED && r[7] !== TO_BE_ALLOCATED);
    const [, urn, , , spoc, spocEmail, spocPhone, secondary, secondaryEmail, secondaryPhone] = rows[index] ?? [];
    const row = sheet.getRow(4 + index);
    [secondary, secondaryEmail, secondaryPhone, spoc, spocEmail, spocPhone].forEach((v, i) => { row.getCell(5 + i).value = v ?? ''; });
    const edited = path.join(tempDir(), 'SPOC list edited.xlsx');
    await sheet.workbook.xlsx.writeFile(edited);
    const result = await importAllocations(db.writeContext, edited, { dryRun: true });
    expect(result.rejected).toEqual([]);
    expect(result.rows.filter((r) => r.outcome !== 'unchanged').map((r) => [r.school?.urn, r.outcome])).toEqual([[urn, 'apply']]);
  });
});
