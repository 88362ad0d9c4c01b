/**
 * Which row of a table names its columns. Most files start with it; a list LinkDesk published
 * (the SPOC list) has a title and a "valid from" line above it, and people keep those when they
 * edit the list and send it back. So a reader that is told what its header looks like skips up
 * to HEADER_SEARCH_ROWS rows before it; when none looks right, the first row is the header, as
 * in any table, and the importer names the columns it misses.
 */
import { foldForSearch } from '../../../shared/domain/search.ts';
import type { TableRow } from './xlsx-file.ts';

export const HEADER_SEARCH_ROWS = 10;

export type IsHeader = (cells: readonly string[]) => boolean;

/** A header is the row with a cell naming one of these columns (compared folded: case, spaces, punctuation). */
export function headerNaming(names: readonly string[]): IsHeader {
  const wanted = new Set(names.map(foldForSearch));
  return (cells) => cells.some((cell) => wanted.has(foldForSearch(cell)));
}

/** Rows offered in order; it answers the data rows as they become known, and holds at most HEADER_SEARCH_ROWS. */
export class HeaderSearch {
  header: string[] | null = null;
  private readonly before: TableRow[] = [];

  constructor(private readonly isHeader?: IsHeader) {}

  offer(record: TableRow): TableRow[] {
    if (this.header) return [record];
    const cells = Array.from({ length: record.values.length }, (_, i) => (record.values[i] ?? '').trim());
    if (!this.isHeader || this.isHeader(cells)) {
      this.header = cells;
      this.before.length = 0;
      return [];
    }
    this.before.push(record);
    return this.before.length >= HEADER_SEARCH_ROWS ? this.firstRowIsHeader() : [];
  }

  /** At the end of the table: if no row looked like the header, the first one is. */
  finish(): TableRow[] {
    return this.header ? [] : this.firstRowIsHeader();
  }

  private firstRowIsHeader(): TableRow[] {
    const [first, ...rest] = this.before;
    this.before.length = 0;
    if (!first) return [];
    this.header = Array.from({ length: first.values.length }, (_, i) => (first.values[i] ?? '').trim());
    return rest;
  }
}
