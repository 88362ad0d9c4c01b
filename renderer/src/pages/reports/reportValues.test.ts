import { describe, expect, it } from 'vitest';
import { FEWER_THAN_FIVE, type ReportTable } from '../../../../shared/domain/reports.ts';
import { chartedColumns, describeChart, formatValue, NO_FIGURE } from './reportValues.ts';

const aTable = (patch: Partial<ReportTable> = {}): ReportTable => ({
  id: 'visits-by-hub',
  title: 'Visits by hub',
  columns: ['Autumn term 2026-27', 'Summer term 2025-26'],
  percentColumns: [],
  rows: [
    { label: 'North', values: [12, 9] },
    { label: 'South', values: [FEWER_THAN_FIVE, 0] },
  ],
  chart: 'bar',
  ...patch,
});

describe('a report figure as written on screen', () => {
  it('writes counts with thousands separated, percentages with a sign, and hidden small counts in words', () => {
    expect(formatValue(1234, false)).toBe('1,234');
    expect(formatValue(83, true)).toBe('83%');
    expect(formatValue(0, false)).toBe('0');
    expect(formatValue(FEWER_THAN_FIVE, false)).toBe('fewer than 5');
    expect(formatValue(null, true)).toBe(NO_FIGURE);
  });
});

describe('what a bar chart draws', () => {
  it('charts the counts of a table that also holds percentages, never both on one scale', () => {
    expect(chartedColumns(aTable({ columns: ['Raised', 'Told within 24 hours', '% told within 24 hours'], percentColumns: [2] }))).toEqual({ indexes: [0, 1], percent: false });
  });

  it('charts the percentages of a table that holds only percentages, against 100', () => {
    expect(chartedColumns(aTable({ percentColumns: [0, 1] }))).toEqual({ indexes: [0, 1], percent: true });
  });
});

describe('the text alternative of a chart', () => {
  it('states every row’s figures for this period and the previous one', () => {
    expect(describeChart(aTable())).toBe(
      'Bar chart of Visits by hub. North: Autumn term 2026-27 12, Summer term 2025-26 9. South: Autumn term 2026-27 fewer than 5, Summer term 2025-26 0. The table below gives every figure.',
    );
  });

  it('lists the first eight rows and says how many more the table holds', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ label: `Hub ${i + 1}`, values: [i, i] }));
    const text = describeChart(aTable({ rows }));
    expect(text).toContain('Hub 8: ');
    expect(text).not.toContain('Hub 9: ');
    expect(text).toContain('And 3 more rows.');
  });

  it('says a chart of percentages in percentages', () => {
    expect(describeChart(aTable({ percentColumns: [0, 1], rows: [{ label: 'Pupil Placement Panel', values: [75, null] }] }))).toContain(
      `Pupil Placement Panel: Autumn term 2026-27 75%, Summer term 2025-26 ${NO_FIGURE}.`,
    );
  });
});
