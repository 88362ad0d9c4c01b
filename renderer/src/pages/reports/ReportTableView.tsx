import { useEffect, useRef, useState } from 'react';
import type { ReportTable } from '../../../../shared/domain/reports.ts';
import { ReportChart } from './ReportChart.tsx';
import { formatValue, NO_FIGURE } from './reportValues.ts';

/**
 * Whether a box is narrower than what it holds. A table that scrolls sideways must be reachable
 * by keyboard to scroll it, but a tab stop on each of thirty tables that fit would only be in
 * the way: only a box that overflows is made focusable.
 */
function useOverflows<T extends HTMLElement>() {
  const box = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { box, overflows };
}

function Cell({ value, percent }: { value: ReportTable['rows'][number]['values'][number]; percent: boolean }) {
  if (value === null) {
    return (
      <td className="number">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{NO_FIGURE}</span>
      </td>
    );
  }
  return <td className="number">{formatValue(value, percent)}</td>;
}

/** One table of a report: its chart when it has one, then the figures in a real table, then how they were counted. */
export function ReportTableView({ table }: { table: ReportTable }) {
  const { box, overflows } = useOverflows<HTMLDivElement>();
  const captionId = `report-table-${table.id}`;
  return (
    <div className="report-table">
      <h3>{table.title}</h3>
      {table.chart === 'bar' ? <ReportChart table={table} /> : null}
      <div
        ref={box}
        className="table-scroll"
        {...(overflows ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}
      >
        <table className="table report-figures" data-table={table.id}>
          <caption id={captionId} className="visually-hidden">
            {table.title}
          </caption>
          <thead>
            <tr>
              <td />
              {table.columns.map((column, i) => (
                <th key={i} scope="col" className="number">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length + 1}>Nothing in this period.</td>
              </tr>
            ) : (
              table.rows.map((row, r) => (
                <tr key={`${r}-${row.label}`}>
                  <th scope="row">{row.label}</th>
                  {table.columns.map((_, i) => (
                    <Cell key={i} value={row.values[i] ?? null} percent={table.percentColumns.includes(i)} />
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {table.note ? <p className="muted report-note">{table.note}</p> : null}
    </div>
  );
}
