/**
 * The termly and annual report as an Excel workbook: an "About" sheet (period, filters, marking,
 * sharing), a "Summary" sheet of the headline figures, a sheet per table of the report (a header
 * row, numbers as numbers, "fewer than 5" as text), and a long "Data" sheet of every figure, one
 * a row (period, section, table, row, column, value), ready for a council's own pivot tables.
 * Only the TeamReport is read: counts and labels, nothing else.
 */
import type ExcelJS from 'exceljs';
import type { ReportValue, TeamReport } from '../../../shared/domain/reports.ts';
import { columnParts, columnPeriod, filtersText, headlineRows, periodText, producedOnText, sharingText, shortPeriod } from './headline.ts';

/** Excel's limit on a sheet's name. */
const SHEET_NAME_MAX = 31;
const RESERVED = new Set(['about', 'summary', 'data', 'history']);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D70B8' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };

/**
 * A sheet name Excel accepts and no other sheet of the book has: no \ / ? * : [ ], not starting
 * or ending with an apostrophe, at most 31 characters, unique whatever the case ("Data" and the
 * book's own sheets are taken first).
 */
export function sheetName(title: string, taken: Set<string>): string {
  const cleaned = title.replace(/[\\/?*:[\]]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim() || 'Table';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const room = SHEET_NAME_MAX - suffix.length;
    // Cut at a word where one is near the limit: "Schools with no visit" reads better than "…consulta".
    const cut = cleaned.length <= room ? cleaned : cleaned.slice(0, cleaned.lastIndexOf(' ', room) > room - 12 ? cleaned.lastIndexOf(' ', room) : room);
    const name = `${cut.replace(/[\s,;.'-]+$/, '') || 'Table'}${suffix}`;
    if (!taken.has(name.toLowerCase()) && !RESERVED.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** A number stays a number (a percentage as a fraction, shown with its sign), "fewer than 5" stays text, none an empty cell. */
function cellValue(value: ReportValue, percent: boolean): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  return percent ? value / 100 : value;
}

function headerRow(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

function bodyRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], percentColumns: number[] = []): void {
  const row = sheet.addRow(values);
  row.eachCell((cell, column) => {
    cell.font = BODY_FONT;
    if (percentColumns.includes(column)) cell.numFmt = '0%';
    else if (typeof cell.value === 'number') cell.numFmt = '#,##0';
    if (typeof cell.value === 'string' && column > 1) cell.alignment = { horizontal: 'right' };
  });
}

function addSheet(book: ExcelJS.Workbook, name: string, report: TeamReport, widths: number[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  sheet.headerFooter = { oddHeader: `&C&"Arial,Bold"&10${report.marking}`, oddFooter: `&L&"Arial"&10${report.marking}&R&"Arial"&10Page &P of &N` };
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  return sheet;
}

function about(book: ExcelJS.Workbook, report: TeamReport, team: { teamName: string; localAuthority: string }): void {
  const sheet = addSheet(book, 'About', report, [24, 90]);
  headerRow(sheet, ['', `${report.period.term ? 'Termly' : 'Annual'} report: ${shortPeriod(report.period)}`]);
  const lines: [string, string][] = [
    ['Team', `${team.teamName}, ${team.localAuthority}`],
    ['Marking', report.marking],
    ['Period', periodText(report.period)],
    ['Compared with', periodText(report.previous)],
    ['Filters', filtersText(report)],
    ['Sharing', sharingText(report)],
    ['Counted on', producedOnText(report)],
    ['Sheets', 'Summary: the headline figures. One sheet per table of the report. Data: every figure, one a row, for pivot tables.'],
  ];
  for (const line of lines) bodyRow(sheet, line);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

function summary(book: ExcelJS.Workbook, report: TeamReport): void {
  const sheet = addSheet(book, 'Summary', report, [48, 22, 22]);
  headerRow(sheet, ['Figure', shortPeriod(report.period), shortPeriod(report.previous)]);
  for (const h of headlineRows(report)) bodyRow(sheet, [h.label, cellValue(h.value, false), cellValue(h.previous, false)]);
}

interface DataRow {
  period: string;
  section: string;
  table: string;
  row: string;
  column: string;
  value: ReportValue;
}

function data(book: ExcelJS.Workbook, report: TeamReport, rows: DataRow[]): void {
  const sheet = addSheet(book, 'Data', report, [24, 18, 44, 36, 28, 12]);
  headerRow(sheet, ['Period', 'Section', 'Table', 'Row', 'Column', 'Value']);
  for (const r of rows) bodyRow(sheet, [r.period, r.section, r.table, r.row, r.column, cellValue(r.value, false)]);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };
}

/** The workbook's bytes. exceljs is large: it loads with the first workbook made, not when LinkDesk starts. */
export async function buildWorkbook(report: TeamReport, team: { teamName: string; localAuthority: string }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'LinkDesk';
  book.title = `${report.period.label}: ${report.marking}`;
  about(book, report, team);
  summary(book, report);
  const taken = new Set<string>();
  const long: DataRow[] = headlineRows(report).flatMap((h) => [
    { period: shortPeriod(report.period), section: 'Summary', table: 'Headline figures', row: h.label, column: 'Count', value: h.value },
    { period: shortPeriod(report.previous), section: 'Summary', table: 'Headline figures', row: h.label, column: 'Count', value: h.previous },
  ]);
  for (const section of report.sections) {
    for (const t of section.tables) {
      const sheet = addSheet(book, sheetName(t.title, taken), report, [40, ...t.columns.map((c) => Math.min(24, Math.max(12, c.length + 2)))]);
      headerRow(sheet, [section.title, ...t.columns]);
      const percent = t.percentColumns.map((c) => c + 2);
      for (const r of t.rows) bodyRow(sheet, [r.label, ...t.columns.map((_, c) => cellValue(r.values[c] ?? null, t.percentColumns.includes(c)))], percent);
      if (t.rows.length === 0) bodyRow(sheet, ['Nothing to count in this period.']);
      if (t.note) {
        sheet.addRow([]);
        bodyRow(sheet, [t.note]);
      }
      // A column "Held, Autumn term 2026-27" is the figure "Held" of that period: a pivot table then puts the periods side by side.
      const parts = t.columns.map((column) => columnParts(report, column));
      for (const r of t.rows) {
        parts.forEach((p, c) => long.push({ period: columnPeriod(report, p), section: section.title, table: t.title, row: r.label, column: p.figure || 'Count', value: r.values[c] ?? null }));
      }
    }
  }
  data(book, report, long);
  return Buffer.from(await book.xlsx.writeBuffer());
}
