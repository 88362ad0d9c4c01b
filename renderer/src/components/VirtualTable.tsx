import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { TableScroll } from './TableScroll.tsx';
import { tableWindow } from './tablePages.ts';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Set for sortable columns: the current direction, or 'none'. */
  sort?: 'ascending' | 'descending' | 'none';
  onSort?: () => void;
  width?: string;
}

interface VirtualTableProps<Row> {
  caption: string;
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  /** The least height of a row, so a short page does not jump as rows of other sizes arrive. */
  rowHeight?: number;
  height?: string;
  /** All the rows there are, when only the first pages are loaded (for aria-rowcount). */
  totalRows?: number;
  /** Called as the reader nears the end of the rows loaded (or pages past them): time to load the next page. */
  onNearEnd?: () => void;
  /** The page shown when the table pages (past 500 rows), for a screen that acts on the rows in view; kept inside otherwise. */
  page?: number;
  onPage?: (page: number) => void;
}

/**
 * The one way to show a long list: a real table (so screen readers get rows and headers) in its
 * own scrolling box. Every row is rendered, none virtualised, so table navigation and the find
 * bar reach them all; past a size that stays fast (tablePages.ts) it pages instead, with buttons
 * and a polite status saying which rows are shown. aria-rowcount and aria-rowindex tell assistive
 * technology where each row sits in the whole list. A list read from the main process a page at a
 * time loads its next page as the reader scrolls near the end of the rows loaded so far.
 */
export function VirtualTable<Row>({ caption, rows, columns, rowKey, rowHeight = 44, height = '60vh', totalRows, onNearEnd, page: shownPage, onPage }: VirtualTableProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const nearEnd = useRef<HTMLTableRowElement>(null);
  const count = Math.max(totalRows ?? 0, rows.length);
  const [ownPage, setOwnPage] = useState(0);
  const view = tableWindow(count, shownPage ?? ownPage);
  const shown = rows.slice(view.start, view.end);
  const missing = view.end > rows.length;

  // Unpaged: watch a row near the end of those loaded; when it scrolls into view, ask for more.
  // Re-observed as rows arrive, so a page too short to fill the box asks again at once.
  useEffect(() => {
    const row = nearEnd.current;
    if (!onNearEnd || !row || view.paged) return undefined;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onNearEnd();
    }, { root: scroller.current, rootMargin: `${rowHeight * 10}px 0px` });
    seen.observe(row);
    return () => seen.disconnect();
  }, [onNearEnd, rows.length, view.paged, rowHeight]);
  // Paged: a page past the rows loaded asks for them.
  useEffect(() => {
    if (onNearEnd && view.paged && missing) onNearEnd();
  }, [onNearEnd, view.paged, missing, rows.length]);

  const turn = (to: number) => {
    if (to < 0 || to >= view.pages) return;
    setOwnPage(to);
    onPage?.(to);
    scroller.current?.scrollTo({ top: 0 });
  };
  const watched = Math.max(0, rows.length - 20);
  return (
    <>
      <TableScroll className="virtual-scroller" scrollRef={scroller} style={{ maxHeight: height }}>
        <table className="table" aria-rowcount={count + 1}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={c.sort} style={c.width ? { width: c.width } : undefined}>
                  {c.onSort ? (
                    <Button className="sort-button" onPress={c.onSort}>
                      {c.header}
                      <span aria-hidden="true">{c.sort === 'ascending' ? ' ▲' : c.sort === 'descending' ? ' ▼' : ''}</span>
                    </Button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => {
              const index = view.start + i;
              return (
                <tr key={rowKey(row)} ref={index === watched ? nearEnd : undefined} aria-rowindex={index + 2} style={{ height: rowHeight }}>
                  {columns.map((c) => (
                    <td key={c.key}>{c.render(row)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {view.paged ? (
        <div className="table-pager">
          {/* Never disabled at the ends: a disabled button would drop the keyboard focus. */}
          <Button className="button button-secondary" aria-disabled={view.page === 0 || undefined} onPress={() => turn(view.page - 1)}>
            Previous rows
          </Button>
          <p className="muted" role="status">
            {missing ? `Loading rows ${(view.start + 1).toLocaleString('en-GB')} onwards…` : view.position}
          </p>
          <Button className="button button-secondary" aria-disabled={view.page === view.pages - 1 || undefined} onPress={() => turn(view.page + 1)}>
            Next rows
          </Button>
        </div>
      ) : null}
    </>
  );
}
