/**
 * How a long table shows its rows. Up to `ALL_ROWS_UP_TO` every row is in the page, so a screen
 * reader's table navigation and the find bar reach all of them (no virtualisation, which left
 * only the rows in view in the accessibility tree). Past that the table pages, `PAGE_SIZE` rows
 * at a time, and says which rows it shows.
 */
export const ALL_ROWS_UP_TO = 500;
export const PAGE_SIZE = 100;

export interface TableWindow {
  /** Whether the table is paged at all. */
  paged: boolean;
  /** The page shown (0-based), kept inside the pages there are. */
  page: number;
  pages: number;
  /** The rows shown: from `start` up to but not including `end`. */
  start: number;
  end: number;
  /** "Rows 101 to 200 of 2,340", for a polite status; empty when not paged. */
  position: string;
}

export function tableWindow(count: number, page: number, allUpTo = ALL_ROWS_UP_TO, pageSize = PAGE_SIZE): TableWindow {
  if (count <= allUpTo) return { paged: false, page: 0, pages: 1, start: 0, end: count, position: '' };
  const pages = Math.ceil(count / pageSize);
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = shown * pageSize;
  const end = Math.min(count, start + pageSize);
  const n = (x: number) => x.toLocaleString('en-GB');
  return { paged: true, page: shown, pages, start, end, position: `Rows ${n(start + 1)} to ${n(end)} of ${n(count)}` };
}
