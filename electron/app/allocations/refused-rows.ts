/**
 * The refused rows of an allocations import, saved as a spreadsheet the team can work through:
 * the file's row number, the school, and why each was refused. Written by the one writer of files
 * at a person's path (files/output-path.ts): never over a file unless they chose to replace it,
 * never a team database, whole or not at all.
 */
import type { z } from 'zod';
import type { RefusedRowsInput } from '../../../shared/domain/allocations.ts';
import { formatDate } from '../../../shared/format.ts';
import { checkOutputTarget, writeOutputFile, type OutputTarget } from '../files/output-path.ts';
import { userPath } from '../paths.ts';

type Rows = z.output<typeof RefusedRowsInput>['rows'];

export async function refusedRowsWorkbook(rows: Rows, today: string): Promise<Buffer> {
  // exceljs is large: loaded with the first workbook made, not when LinkDesk starts.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'LinkDesk';
  const sheet = book.addWorksheet('Refused rows', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [
    { key: 'row', width: 8 },
    { key: 'urn', width: 12 },
    { key: 'school', width: 40 },
    { key: 'why', width: 100 },
  ];
  sheet.getCell('A1').value = `Allocation rows refused, ${formatDate(today)}`;
  sheet.getCell('A1').font = { bold: true, size: 12 };
  const header = sheet.getRow(2);
  header.values = ['Row', 'School URN', 'School', 'Why refused'];
  header.font = { bold: true };
  for (const r of rows) {
    // Text cells, never formulas: a school's name or a reason starting "=" stays words.
    const added = sheet.addRow({ row: r.row, urn: r.school?.urn ?? '', school: r.school?.name ?? '', why: r.reasons.join(' ') });
    added.getCell('why').alignment = { wrapText: true, vertical: 'top' };
    added.alignment = { vertical: 'top' };
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: 4 } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function saveRefusedRows(rows: Rows, out: Omit<OutputTarget, 'kind'>, today: string): Promise<{ path: string; rows: number }> {
  const target: OutputTarget = { ...out, path: userPath(out.path), kind: 'refused-rows' };
  checkOutputTarget(target);
  const bytes = await refusedRowsWorkbook(rows, today);
  return { path: writeOutputFile(target, bytes), rows: rows.length };
}
