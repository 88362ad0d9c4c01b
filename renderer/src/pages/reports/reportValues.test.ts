import { describe, expect, it } from 'vitest';
import { FEWER_THAN_FIVE, type ReportTable } from '../../../../shared/domain/reports.ts';
import { chartedColumns, chartModel, columnGroups, describeChart, formatValue, NO_FIGURE, periodName, wrapLabel } from './reportValues.ts';

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

describe('how a chart groups its bars', () => {
  const byHub = aTable({
    columns: ['Planned, Autumn term 2026-27', 'Planned, Summer term 2025-26', 'Held, Autumn term 2026-27', 'Held, Summer term 2025-26', '% held, Autumn term 2026-27', '% held, Summer term 2025-26'],
    percentColumns: [4, 5],
    rows: [{ label: 'North', values: [12, 10, 9, 8, 75, 80] }],
  });

  it('reads "Figure, period" columns as a group of bars per figure, one bar per period', () => {
    const model = chartModel(byHub);
    expect(model.series).toEqual(['Autumn term 2026-27', 'Summer term 2025-26']);
    expect(model.figures).toEqual(['Planned', 'Held']);
    expect(model.column(1, 1)).toBe(3);
  });

  it('finds each figure’s period wherever its column is', () => {
    const model = chartModel(aTable({ columns: ['Meetings, Autumn term 2026-27', 'With someone, Autumn term 2026-27', 'Meetings, Summer term 2025-26', 'With someone, Summer term 2025-26'] }));
    expect(model.column(0, 1)).toBe(2);
    expect(model.column(1, 0)).toBe(1);
  });

  it('draws the periods of a table of one figure per row as its series', () => {
    expect(chartModel(aTable())).toMatchObject({ series: ['Autumn term 2026-27', 'Summer term 2025-26'], figures: [''] });
  });

  it('states each figure of a row this period against the previous one', () => {
    expect(describeChart(byHub)).toBe('Bar chart of Visits by hub, Autumn term 2026-27 against Summer term 2025-26. North: Planned 12 against 10, Held 9 against 8. The table below gives every figure.');
  });
});

describe('the text alternative of a chart', () => {
  it('states every row’s figures for this period against the previous one', () => {
    expect(describeChart(aTable())).toBe(
      'Bar chart of Visits by hub, Autumn term 2026-27 against Summer term 2025-26. North: 12 against 9. South: fewer than 5 against 0. The table below gives every figure.',
    );
  });

  it('names each column when a chart has more than two series', () => {
    expect(describeChart(aTable({ columns: ['Email', 'Phone', 'In person'], rows: [{ label: 'Contacts', values: [3, 2, 1] }] }))).toContain('Contacts: Email 3, Phone 2, In person 1.');
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
      `, in %. Pupil Placement Panel: 75% against ${NO_FIGURE}.`,
    );
  });
});

describe('a chart label on a narrow window', () => {
  it('breaks at spaces within the width, a longer word on its own line', () => {
    expect(wrapLabel('Meeting the threshold for statutory intervention', 20)).toEqual(['Meeting the', 'threshold for', 'statutory', 'intervention']);
    expect(wrapLabel('North', 20)).toEqual(['North']);
    expect(wrapLabel('Supercalifragilistic hub', 10)).toEqual(['Supercalifragilistic', 'hub']);
  });
});

describe('a period named on screen', () => {
  it('is the term and year, or the school year, without its dates', () => {
    expect(periodName({ label: 'Summer term 2025-26 (20 Apr 2026 to 22 Jul 2026)', year: '2025-26', term: 'summer', from: '2026-04-20', to: '2026-07-22', inCalendar: true })).toBe('Summer term 2025-26');
    expect(periodName({ label: 'School year 2025-26 (1 Sep 2025 to 22 Jul 2026)', year: '2025-26', term: null, from: '2025-09-01', to: '2026-07-22', inCalendar: true })).toBe('School year 2025-26');
  });
});

describe('the headings of a table of figures by period', () => {
  it('puts a heading per figure over a column per period, wherever each column is', () => {
    const grouped = columnGroups(aTable({ columns: ['Meetings, Autumn term 2026-27', '% with someone, Autumn term 2026-27', 'Meetings, Summer term 2025-26', '% with someone, Summer term 2025-26'], percentColumns: [1, 3] }));
    expect(grouped).toEqual({
      series: ['Autumn term 2026-27', 'Summer term 2025-26'],
      groups: [{ figure: 'Meetings', columns: [0, 2] }, { figure: '% with someone', columns: [1, 3] }],
    });
  });

  it('keeps one heading per column when the columns are the periods themselves', () => {
    expect(columnGroups(aTable())).toBeNull();
  });
});
