/** A table from a .csv or an .xlsx (first worksheet), as header + text rows, for the small importers; limits in limits.ts. */
import { foldForSearch } from '../../../shared/domain/search.ts';
import { cleanLine } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import { HeaderSearch, type IsHeader } from './header-row.ts';
import { assertFileSize, SPREADSHEET_LIMITS, type TableLimits } from './limits.ts';
import { assertReadableFile, openCsv } from './text-file.ts';
import { readXlsxTable, type Table, type TableRow } from './xlsx-file.ts';

export type { Table };

/**
 * Reads the whole table (the importers check every row before applying any), within the limits:
 * rows times columns bounds what is held. Every value loses control and bidi characters, so
 * none reaches a message, a screen or the database.
 */
export async function readTable(file: string, limits: TableLimits = SPREADSHEET_LIMITS, isHeader?: IsHeader): Promise<Table> {
  const size = assertReadableFile(file);
  assertFileSize(file, size, limits.fileBytes);
  if (/\.xlsx$/i.test(file)) return readXlsxTable(file, limits, isHeader);
  if (!/\.csv$/i.test(file)) throw new AppError('invalid_input', 'Use a .csv or .xlsx file.', { issues: [{ path: 'path', message: 'Use a .csv or .xlsx file' }] });
  const csv = await openCsv(file, limits);
  const search = new HeaderSearch(isHeader);
  const rows: TableRow[] = [];
  const keep = (records: TableRow[]) => {
    for (const record of records) rows.push({ row: record.row, values: record.values.map(cleanLine) });
  };
  keep(search.offer({ row: 1, values: csv.header.map(cleanLine) }));
  for await (const record of csv.records) keep(search.offer({ row: record.row, values: record.values.map(cleanLine) }));
  keep(search.finish());
  return { header: (search.header ?? []).map((h) => h.trim()), rows };
}

/**
 * Finds the columns by name, compared folded (shared/domain/search.ts: case, accents, quotes,
 * spaces and punctuation do not matter, so "Named link worker (SPOC)" is "named link worker
 * spoc"); names a missing required column clearly.
 */
export function mapColumns<K extends string>(header: string[], columns: Record<K, { names: string[]; required: boolean }>): Record<K, number> {
  const folded = header.map(foldForSearch);
  const result = {} as Record<K, number>;
  const missing: string[] = [];
  for (const [key, spec] of Object.entries(columns) as [K, { names: string[]; required: boolean }][]) {
    const names = spec.names.map(foldForSearch);
    const index = folded.findIndex((h) => h !== '' && names.includes(h));
    if (index < 0 && spec.required) missing.push(spec.names[0] ?? key);
    result[key] = index;
  }
  if (missing.length) throw new AppError('invalid_input', `The file has no ${missing.join(', ')} column. Its first row must name the columns.`, { missing });
  return result;
}
