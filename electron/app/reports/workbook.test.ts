import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FEWER_THAN_FIVE } from '../../../shared/domain/reports.ts';
import { aReport } from '../testing/reports.ts';
import { buildWorkbook, sheetName } from './workbook.ts';

const TEAM = { teamName: 'Northshire DST', localAuthority: 'Northshire County Council' };

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}
const rows = (sheet: ExcelJS.Worksheet | undefined) => (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as ExcelJS.CellValue[]).slice(1));

describe('the report workbook', () => {
  it('has About, Summary, a sheet per table and the long Data sheet, with header rows and numbers as numbers', async () => {
    const book = await read(await buildWorkbook(aReport(), TEAM));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'About', 'Summary', 'Visits by hub', 'Visits cancelled, by reason', 'The manager told within 24', 'Outcomes', 'Schools with no visit', 'The schools with no contact in', 'Data',
    ]);
    const about = rows(book.getWorksheet('About'));
    expect(about).toContainEqual(['Marking', 'OFFICIAL']);
    expect(about).toContainEqual(['Filters', 'Hub: North']);
    expect(about).toContainEqual(['Period', 'Autumn term 2026-27 (1 Sep 2026 to 4 Jan 2027)']);
    const summary = rows(book.getWorksheet('Summary'));
    expect(summary[0]).toEqual(['Figure', 'Autumn term 2026-27', 'Summer term 2025-26']);
    expect(summary).toContainEqual(['Visits planned', 40, 80]);
    const byHub = book.getWorksheet('Visits by hub');
    expect(rows(byHub).slice(0, 3)).toEqual([
      ['Visits', 'Planned, Autumn term 2026-27', 'Planned, Summer term 2025-26', 'Held, Autumn term 2026-27', 'Held, Summer term 2025-26', 'Cancelled, Autumn term 2026-27', 'Cancelled, Summer term 2025-26'],
      ['North', 22, 20, 18, 15, 1, 3],
      ['South & Coast', 18, 16, 13, 11, 2, 0],
    ]);
    expect(byHub?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const told = book.getWorksheet('The manager told within 24');
    expect(rows(told)[1]).toEqual(['Manager told within 24 hours', 10, 0.83, 9, 0.9]);
    expect(told?.getCell('C2').numFmt).toBe('0%');
    expect(rows(book.getWorksheet('Schools with no visit'))[1]).toEqual(['Schools with no visit, consultation or contact', 4]);
    expect(rows(book.getWorksheet('The schools with no contact in'))[1]).toEqual(['Hillside Primary (North)']);
  });

  it('the Data sheet holds every figure once, a row each: period, section, table, row, column (the figure), value', async () => {
    const report = aReport();
    const data = rows((await read(await buildWorkbook(report, TEAM))).getWorksheet('Data'));
    expect(data[0]).toEqual(['Period', 'Section', 'Table', 'Row', 'Column', 'Value']);
    const figures = report.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.length * t.columns.length));
    const summaryRows = 16 * 2;
    expect(data).toHaveLength(1 + summaryRows + figures.reduce((a, b) => a + b, 0));
    // "Held, Summer term 2025-26" is the figure Held of the summer term.
    expect(data).toContainEqual(['Summer term 2025-26', 'Visits', 'Visits by hub', 'South & Coast', 'Held', 11]);
    expect(data).toContainEqual(['Autumn term 2026-27', 'Escalations', 'The manager told within 24 hours', 'Manager told late', '%', 17]);
    expect(data).toContainEqual(['Summer term 2025-26', 'Visits', 'Visits cancelled, by reason', 'Worker ill', 'Count', 7]);
    expect(data).toContainEqual(['Summer term 2025-26', 'Summary', 'Headline figures', 'Visits planned', 'Count', 80]);
    // A figure that does not apply is an empty cell, not a zero.
    expect(data).toContainEqual(['Summer term 2025-26', 'Engagement', 'Schools with no visit, consultation or contact', 'Schools with no visit, consultation or contact', 'Count']);
  });

  it('shared outside the team: counts of 1-4 are the text "fewer than 5" everywhere, larger counts stay numbers', async () => {
    const book = await read(await buildWorkbook(aReport({ share: true }), TEAM));
    expect(rows(book.getWorksheet('About'))).toContainEqual(['Sharing', 'Shared outside the team: counts of 1-4 shown as fewer than 5.']);
    expect(rows(book.getWorksheet('Visits by hub'))[1]).toEqual(['North', 22, 20, 18, 15, FEWER_THAN_FIVE, FEWER_THAN_FIVE]);
    expect(rows(book.getWorksheet('Summary'))).toContainEqual(['Manager told late', FEWER_THAN_FIVE, FEWER_THAN_FIVE]);
    const data = rows(book.getWorksheet('Data'));
    expect(data).toContainEqual(['Summer term 2025-26', 'Visits', 'Visits by hub', 'North', 'Cancelled', FEWER_THAN_FIVE]);
    const numbers = data.slice(1).map((r) => r[5]).filter((v) => typeof v === 'number');
    expect(numbers.filter((v) => v >= 1 && v <= 4)).toEqual([]);
  });

  it('names sheets as Excel allows: no \\ / ? * : [ ], no apostrophe at either end, at most 31 characters, unique whatever the case', () => {
    const taken = new Set<string>();
    const names = ["'Visits: planned/held [term]?'", 'visits  planned held  term', 'Visits planned held term', 'Data', 'A'.repeat(40), 'A'.repeat(40), '*'].map((t) => sheetName(t, taken));
    expect(names).toEqual(['Visits planned held term', 'visits planned held term (2)', 'Visits planned held term (3)', 'Data (2)', 'A'.repeat(31), `${'A'.repeat(27)} (2)`, 'Table']);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[\\/?*:[\]]|^'|'$/);
    }
  });
});
