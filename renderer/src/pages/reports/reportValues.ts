/**
 * How the Reports screen writes a report's figures: the same words in the table, the chart's
 * direct labels and the chart's text alternative, so what is seen and what is heard agree.
 */
import { TERM_LABELS } from '../../../../shared/domain/calendar.ts';
import { FEWER_THAN_FIVE, type ReportPeriod, type ReportTable, type ReportValue } from '../../../../shared/domain/reports.ts';

/** "Autumn term 2026-27" or "School year 2026-27", without the dates the period's label gives. */
export function periodName(period: ReportPeriod): string {
  return period.term ? `${TERM_LABELS[period.term]} ${period.year}` : `School year ${period.year}`;
}

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
 * What a bar chart of a table draws. Each row holds one group of bars per figure, and each group
 * one bar per series (this period, the previous one), the series told apart by fill and legend.
 * A table whose columns are "Figure, period" (Held, Autumn term 2026-27) is read that way;
 * otherwise each column is a series of one unnamed figure.
 */
export interface ChartModel {
  series: string[];
  /** '' when the rows hold one figure each (the row's label names it). */
  figures: string[];
  /** The column of a figure in a series, or undefined when the table has none. */
  column: (figure: number, series: number) => number | undefined;
  percent: boolean;
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

/** The most series a "Figure, period" table may have: a report compares two periods. */
const MOST_SERIES = 3;

export function chartModel(table: ReportTable): ChartModel {
  const { indexes, percent } = chartedColumns(table);
  const grouped = columnGroups({ ...table, columns: indexes.map((i) => table.columns[i] ?? ''), percentColumns: [] });
  if (grouped) {
    return { series: grouped.series, figures: grouped.groups.map((g) => g.figure), column: (f, s) => { const c = grouped.groups[f]?.columns[s]; return c === undefined ? undefined : indexes[c]; }, percent };
  }
  return { series: indexes.map((i) => table.columns[i] ?? ''), figures: [''], column: (_, s) => indexes[s], percent };
}

/** The longest a chart's text alternative lists row by row; the table beneath holds the rest. */
export const DESCRIBED_ROWS = 8;

/** The chart's text alternative: what it shows and its main figures, row by row. */
export function describeChart(table: ReportTable): string {
  const model = chartModel(table);
  const against = model.series.length === 2;
  const rows = table.rows.slice(0, DESCRIBED_ROWS).map((row) => {
    const groups = model.figures.map((figure, f) => {
      const values = model.series.map((name, s) => {
        const column = model.column(f, s);
        const text = column === undefined ? NO_FIGURE : formatValue(row.values[column] ?? null, model.percent);
        return against ? text : `${name} ${text}`;
      });
      const said = values.join(against ? ' against ' : ', ');
      return figure ? `${figure} ${said}` : said;
    });
    return `${row.label}: ${groups.join(', ')}`;
  });
  const more = table.rows.length - rows.length;
  const rest = more > 0 ? ` And ${more} more ${more === 1 ? 'row' : 'rows'}.` : '';
  const body = rows.length > 0 ? ` ${rows.join('. ')}.` : ' Nothing to show.';
  const heading = against ? `Bar chart of ${table.title}, ${model.series[0] ?? ''} against ${model.series[1] ?? ''}${model.percent ? ', in %' : ''}.` : `Bar chart of ${table.title}.`;
  return `${heading}${body}${rest} The table below gives every figure.`;
}

/**
 * A label broken into lines of at most `width` characters, at spaces (a longer word keeps its own
 * line): SVG text does not wrap, and a chart's labels must fit a narrow window.
 */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}

/** A table's "Figure, period" columns as a heading per figure over a column per period; null for columns that do not read so. */
export interface ColumnGroups {
  series: string[];
  groups: { figure: string; columns: (number | undefined)[] }[];
}

export function columnGroups(table: ReportTable): ColumnGroups | null {
  const split = table.columns.map((name, i) => {
    const at = name.lastIndexOf(', ');
    return at > 0 ? { i, figure: name.slice(0, at), series: name.slice(at + 2) } : null;
  });
  const parts = split.filter((s): s is NonNullable<typeof s> => s !== null);
  const series = [...new Set(parts.map((p) => p.series))];
  const figures = [...new Set(parts.map((p) => p.figure))];
  if (parts.length !== table.columns.length || series.length < 2 || series.length > MOST_SERIES) return null;
  const at = new Map(parts.map((p) => [`${p.figure}\n${p.series}`, p.i]));
  if (at.size !== parts.length) return null;
  return { series, groups: figures.map((figure) => ({ figure, columns: series.map((s) => at.get(`${figure}\n${s}`)) })) };
}
