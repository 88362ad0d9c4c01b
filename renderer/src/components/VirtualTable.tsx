import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { TableScroll } from './TableScroll.tsx';

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
  rowHeight?: number;
  height?: string;
  /** All the rows there are, when only the first pages are loaded (for aria-rowcount). */
  totalRows?: number;
  /** Called as the rows in view near the end of those loaded: time to load the next page. */
  onNearEnd?: () => void;
}

/**
 * The one way to show a long list: a real table (so screen readers get rows and headers)
 * whose body renders only the rows in view, with spacer rows for the rest. aria-rowcount and
 * aria-rowindex tell assistive technology where each row sits in the whole list.
 */
export function VirtualTable<Row>({ caption, rows, columns, rowKey, rowHeight = 44, height = '60vh', totalRows, onNearEnd }: VirtualTableProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is designed to be called during render
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const lastInView = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && lastInView >= rows.length - 20) onNearEnd();
  }, [onNearEnd, lastInView, rows.length]);
  return (
    <TableScroll className="virtual-scroller" scrollRef={scroller} style={{ maxHeight: height }}>
      <table className="table" aria-rowcount={Math.max(totalRows ?? 0, rows.length) + 1}>
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
          {before > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr key={rowKey(row)} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                {columns.map((c) => (
                  <td key={c.key}>{c.render(row)}</td>
                ))}
              </tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableScroll>
  );
}
