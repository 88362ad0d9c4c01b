/** A table from a .csv or an .xlsx (first worksheet), as header + text rows, for the small importers; limits in limits.ts. */
import { cleanLine } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import { assertFileSize, SPREADSHEET_LIMITS, type TableLimits } from './limits.ts';
import { assertReadableFile, openCsv } from './text-file.ts';
import { readXlsxTable, type Table, type TableRow } from './xlsx-file.ts';

export type { Table };

/**
 * Reads the whole table (the importers check every row before applying any), within the limits:
 * rows times columns bounds what is held. Every value loses control and bidi characters, so
 * none reaches a message, a screen or the database.
 */
export async function readTable(file: string, limits: TableLimits = SPREADSHEET_LIMITS): Promise<Table> {
  const size = assertReadableFile(file);
  assertFileSize(file, size, limits.fileBytes);
  if (/\.xlsx$/i.test(file)) return readXlsxTable(file, limits);
  if (!/\.csv$/i.test(file)) throw new AppError('invalid_input', 'Use a .csv or .xlsx file.', { issues: [{ path: 'path', message: 'Use a .csv or .xlsx file' }] });
  const csv = await openCsv(file, limits);
  const rows: TableRow[] = [];
  for await (const record of csv.records) rows.push({ row: record.row, values: record.values.map(cleanLine) });
  return { header: csv.header.map((h) => cleanLine(h).trim()), rows };
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
