import { useEffect, useRef, useState } from 'react';
import type { ReportTable } from '../../../../shared/domain/reports.ts';
import { ReportChart } from './ReportChart.tsx';
import { columnGroups, formatValue, NO_FIGURE, type ColumnGroups } from './reportValues.ts';

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

type Value = ReportTable['rows'][number]['values'][number];

/** A figure; `headers` names its row and column headings where the table has two rows of them. */
function Cell({ value, percent, headers }: { value: Value; percent: boolean; headers?: string }) {
  const attributes = { className: 'number', ...(headers ? { headers } : {}) };
  if (value === null) {
    return (
      <td {...attributes}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{NO_FIGURE}</span>
      </td>
    );
  }
  return <td {...attributes}>{formatValue(value, percent)}</td>;
}

/** A heading per figure over a column per period ("Held": this term, last term), each cell tied to both headings and its row's. */
function GroupedFigures({ table, grouped }: { table: ReportTable; grouped: ColumnGroups }) {
  const id = `report-${table.id}`;
  return (
    <>
      <colgroup span={1} />
      {grouped.groups.map((g) => (
        <colgroup key={g.figure} span={grouped.series.length} />
      ))}
      <thead>
        <tr>
          <td rowSpan={2} />
          {grouped.groups.map((g, gi) => (
            <th key={g.figure} id={`${id}-g${gi}`} scope="colgroup" colSpan={grouped.series.length} className="figure-heading">
              {g.figure}
            </th>
          ))}
        </tr>
        <tr>
          {grouped.groups.flatMap((g, gi) =>
            grouped.series.map((name, si) => (
              <th key={`${gi}-${si}`} id={`${id}-g${gi}-s${si}`} scope="col" className="number">
                {name}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={`${r}-${row.label}`}>
            <th scope="row" id={`${id}-r${r}`}>
              {row.label}
            </th>
            {grouped.groups.flatMap((g, gi) =>
              g.columns.map((column, si) => (
                <Cell
                  key={`${gi}-${si}`}
                  value={column === undefined ? null : (row.values[column] ?? null)}
                  percent={column !== undefined && table.percentColumns.includes(column)}
                  headers={`${id}-r${r} ${id}-g${gi} ${id}-g${gi}-s${si}`}
                />
              )),
            )}
          </tr>
        ))}
      </tbody>
    </>
  );
}

function FlatFigures({ table }: { table: ReportTable }) {
  return (
    <>
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
        {table.rows.map((row, r) => (
          <tr key={`${r}-${row.label}`}>
            <th scope="row">{row.label}</th>
            {table.columns.map((_, i) => (
              <Cell key={i} value={row.values[i] ?? null} percent={table.percentColumns.includes(i)} />
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}

/** One table of a report: its chart when it has one, then the figures in a real table, then how they were counted. */
export function ReportTableView({ table }: { table: ReportTable }) {
  const { box, overflows } = useOverflows<HTMLDivElement>();
  const captionId = `report-table-${table.id}`;
  const grouped = columnGroups(table);
  if (table.rows.length === 0) {
    return (
      <div className="report-table">
        <h3>{table.title}</h3>
        <p>Nothing to count in this period.</p>
        {table.note ? <p className="muted report-note">{table.note}</p> : null}
      </div>
    );
  }
  if (table.columns.length === 0) {
    // A list of names (the schools with no contact), not figures.
    return (
      <div className="report-table">
        <h3>{table.title}</h3>
        <ul>{table.rows.map((row, r) => <li key={`${r}-${row.label}`}>{row.label}</li>)}</ul>
        {table.note ? <p className="muted report-note">{table.note}</p> : null}
      </div>
    );
  }
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
          {grouped ? (
            <GroupedFigures table={table} grouped={grouped} />
          ) : (
            <FlatFigures table={table} />
          )}
        </table>
      </div>
      {table.note ? <p className="muted report-note">{table.note}</p> : null}
    </div>
  );
}
