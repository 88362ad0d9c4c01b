/** A table from a .csv or an .xlsx (first worksheet), as header + text rows, for the small importers. */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.ts';
import { assertReadableFile, openCsv, type CsvRecord } from './text-file.ts';

export interface Table {
  header: string[];
  rows: CsvRecord[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

export async function readTable(path: string): Promise<Table> {
  assertReadableFile(path);
  if (/\.xlsx$/i.test(path)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.readFile(path);
    } catch {
      throw new AppError('invalid_input', 'This .xlsx file cannot be read. Is it a real Excel workbook?');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet || sheet.rowCount === 0) throw new AppError('invalid_input', 'The workbook has no rows.');
    const width = sheet.getRow(1).cellCount;
    const header = Array.from({ length: width }, (_, i) => cellText(sheet.getRow(1).getCell(i + 1).value).trim());
    const rows: CsvRecord[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const values = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
      if (values.some((v) => v.trim() !== '')) rows.push({ row: number, values });
    });
    return { header, rows };
  }
  if (!/\.csv$/i.test(path)) throw new AppError('invalid_input', 'Use a .csv or .xlsx file.');
  const csv = await openCsv(path);
  const rows: CsvRecord[] = [];
  for await (const record of csv.records) rows.push(record);
  return { header: csv.header, rows };
}

/** Finds the columns by name (ignoring case); names a missing required column clearly. */
export function mapColumns<K extends string>(header: string[], columns: Record<K, { names: string[]; required: boolean }>): Record<K, number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const result = {} as Record<K, number>;
  const missing: string[] = [];
  for (const [key, spec] of Object.entries(columns) as [K, { names: string[]; required: boolean }][]) {
    const index = lower.findIndex((h) => spec.names.some((n) => n.toLowerCase() === h));
    if (index < 0 && spec.required) missing.push(spec.names[0] ?? key);
    result[key] = index;
  }
  if (missing.length) throw new AppError('invalid_input', `The file has no ${missing.join(', ')} column. Its first row must name the columns.`, { missing });
  return result;
}
