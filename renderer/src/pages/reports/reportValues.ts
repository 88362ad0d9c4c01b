/**
 * How the Reports screen writes a report's figures: the same words in the table, the chart's
 * direct labels and the chart's text alternative, so what is seen and what is heard agree.
 */
import { FEWER_THAN_FIVE, type ReportTable, type ReportValue } from '../../../../shared/domain/reports.ts';

/** What a cell with no figure (a percentage of nothing) says; shown as a dash, heard as this. */
export const NO_FIGURE = 'no figure';

/** 1,234, 83% or "fewer than 5"; null (no figure) is NO_FIGURE. */
export function formatValue(value: ReportValue, percent: boolean): string {
  if (value === null) return NO_FIGURE;
  if (value === FEWER_THAN_FIVE) return FEWER_THAN_FIVE;
  return `${value.toLocaleString('en-GB')}${percent ? '%' : ''}`;
}

/** The number a bar is drawn to; a hidden small count or no figure draws no bar (its label says why). */
export function barLength(value: ReportValue): number {
  return typeof value === 'number' ? value : 0;
}

/**
 * The columns a bar chart draws. Counts and percentages are never drawn on one scale: a table
 * with counts charts its counts (its percentages stay in the table), one of percentages only
 * charts those against 100.
 */
export function chartedColumns(table: ReportTable): { indexes: number[]; percent: boolean } {
  const all = table.columns.map((_, i) => i);
  const counts = all.filter((i) => !table.percentColumns.includes(i));
  return counts.length > 0 ? { indexes: counts, percent: false } : { indexes: all, percent: true };
}

/** The longest a chart's text alternative lists row by row; the table beneath holds the rest. */
export const DESCRIBED_ROWS = 8;

/** The chart's text alternative: what it shows and its main figures, row by row. */
export function describeChart(table: ReportTable): string {
  const { indexes, percent } = chartedColumns(table);
  const rows = table.rows.slice(0, DESCRIBED_ROWS).map((row) => {
    const figures = indexes.map((i) => `${table.columns[i] ?? ''} ${formatValue(row.values[i] ?? null, percent)}`);
    return `${row.label}: ${figures.join(', ')}`;
  });
  const more = table.rows.length - rows.length;
  const rest = more > 0 ? ` And ${more} more ${more === 1 ? 'row' : 'rows'}.` : '';
  const body = rows.length > 0 ? ` ${rows.join('. ')}.` : ' Nothing to show.';
  return `Bar chart of ${table.title}.${body}${rest} The table below gives every figure.`;
}
