import { useId } from 'react';
import type { ReportTable } from '../../../../shared/domain/reports.ts';
import { barLength, chartedColumns, describeChart, formatValue } from './reportValues.ts';

/*
 * Bars are placed in percentages of the chart's width, not in a scaled viewBox, so the labels
 * keep their size on a narrow window (reflow at 320 px) while the bars shrink. The longest bar
 * takes BAR_SHARE of the width, leaving room for its value written after it.
 */
const BAR_SHARE = 72;
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 18;
const BAR_GAP = 6;
const ROW_GAP = 14;

/** The fill of each column's bars: colour and a pattern, so no bar is told apart by colour alone (WCAG 1.4.1). */
const FILLS = ['solid', 'hatch', 'dots', 'cross'] as const;
type Fill = (typeof FILLS)[number];

const fillOf = (column: number): Fill => FILLS[column % FILLS.length] ?? 'solid';

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#1d3f6e" strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fce8d9" />
        <circle cx="3" cy="3" r="1.6" fill="#0b0c0c" />
      </pattern>
      <pattern id={`${prefix}-cross`} width="7" height="7" patternUnits="userSpaceOnUse">
        <rect width="7" height="7" fill="#ffffff" />
        <path d="M0 0L7 7M7 0L0 7" stroke="#00703c" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

const paint = (prefix: string, fill: Fill) => (fill === 'solid' ? '#1d70b8' : `url(#${prefix}-${fill})`);

/** A swatch of a column's fill, for the legend. */
function Swatch({ prefix, fill }: { prefix: string; fill: Fill }) {
  return (
    <svg width="18" height="18" aria-hidden="true" focusable="false" className="chart-swatch">
      <rect x="0.75" y="0.75" width="16.5" height="16.5" fill={paint(prefix, fill)} stroke="#0b0c0c" strokeWidth="1.5" />
    </svg>
  );
}

/**
 * A table drawn as bars: each row a group, one bar per column (this period and the previous one
 * side by side), every bar with its figure written after it. Screen readers get the text
 * alternative and, below the chart, the table with every figure.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const prefix = `chart${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const { indexes, percent } = chartedColumns(table);
  const max = percent ? 100 : Math.max(1, ...table.rows.flatMap((r) => indexes.map((i) => barLength(r.values[i] ?? null))));
  const rowHeight = LABEL_HEIGHT + indexes.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const height = Math.max(1, table.rows.length * rowHeight);
  if (table.rows.length === 0) return null;
  return (
    <figure className="report-chart">
      <ul className="chart-legend" aria-hidden="true">
        {indexes.map((i) => (
          <li key={i}>
            <Swatch prefix={prefix} fill={fillOf(i)} /> {table.columns[i]}
            {percent ? ' (%)' : ''}
          </li>
        ))}
      </ul>
      <svg className="report-chart-svg" width="100%" height={height} role="img" aria-label={describeChart(table)}>
        <Patterns prefix={prefix} />
        {table.rows.map((row, r) => {
          const top = r * rowHeight;
          return (
            <g key={`${r}-${row.label}`}>
              <text x="0" y={top + 14} className="chart-label">
                {row.label}
              </text>
              {indexes.map((i, b) => {
                const value = row.values[i] ?? null;
                const share = (barLength(value) / max) * BAR_SHARE;
                const y = top + LABEL_HEIGHT + b * (BAR_HEIGHT + BAR_GAP);
                return (
                  <g key={i}>
                    {share > 0 ? <rect x="0.75" y={y} width={`${share}%`} height={BAR_HEIGHT} fill={paint(prefix, fillOf(i))} stroke="#0b0c0c" strokeWidth="1.5" /> : null}
                    <text x={`${share}%`} dx="8" y={y + 14} className="chart-value">
                      {value === null ? '–' : formatValue(value, percent)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
