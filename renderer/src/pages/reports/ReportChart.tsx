import { useEffect, useId, useRef, useState } from 'react';
import type { ReportTable } from '../../../../shared/domain/reports.ts';
import { barLength, chartModel, describeChart, formatValue, wrapLabel, type ChartModel } from './reportValues.ts';

/*
 * Bars are placed in percentages of the chart's width, not in a scaled viewBox, so the labels
 * keep their size on a narrow window (reflow at 320 px) while the bars shrink. The longest bar
 * takes BAR_SHARE of the width, leaving room for its figure written after it. Labels sit above
 * their bars and wrap to the chart's measured width.
 */
const BAR_SHARE = 72;
const LINE = 18;
const BAR_HEIGHT = 18;
const BAR_GAP = 4;
const FIGURE_GAP = 6;
const ROW_GAP = 12;
/** Roughly the width of a character of the labels' 14px Arial, to wrap them before they spill out. */
const CHARACTER = 8;
const WIDEST = 704;

/** The fill of each series' bars (this period, the previous one): colour and a pattern, so no bar is told apart by colour alone (WCAG 1.4.1). */
const FILLS = ['solid', 'hatch', 'dots', 'cross'] as const;
type Fill = (typeof FILLS)[number];

const fillOf = (series: number): Fill => FILLS[series % FILLS.length] ?? 'solid';

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

/** A swatch of a series' fill, for the legend. */
function Swatch({ prefix, fill }: { prefix: string; fill: Fill }) {
  return (
    <svg width="18" height="18" aria-hidden="true" focusable="false" className="chart-swatch">
      <rect x="0.75" y="0.75" width="16.5" height="16.5" fill={paint(prefix, fill)} stroke="#0b0c0c" strokeWidth="1.5" />
    </svg>
  );
}

type Mark =
  | { kind: 'label'; y: number; lines: string[]; className: string }
  | { kind: 'bar'; y: number; share: number; series: number; text: string };

/** Where every label and bar goes, top to bottom, for labels wrapped at `characters`. */
function layout(table: ReportTable, model: ChartModel, characters: number): { marks: Mark[]; height: number } {
  const valueOf = (row: ReportTable['rows'][number], f: number, s: number) => {
    const column = model.column(f, s);
    return column === undefined ? null : (row.values[column] ?? null);
  };
  const max = model.percent ? 100 : Math.max(1, ...table.rows.flatMap((row) => model.figures.flatMap((_, f) => model.series.map((__, s) => barLength(valueOf(row, f, s))))));
  const marks: Mark[] = [];
  let y = 0;
  table.rows.forEach((row) => {
    const lines = wrapLabel(row.label, characters);
    marks.push({ kind: 'label', y, lines, className: 'chart-label' });
    y += lines.length * LINE + 2;
    model.figures.forEach((figure, f) => {
      if (figure) {
        const figureLines = wrapLabel(figure, characters);
        marks.push({ kind: 'label', y, lines: figureLines, className: 'chart-figure' });
        y += figureLines.length * LINE;
      }
      model.series.forEach((_, s) => {
        const value = valueOf(row, f, s);
        marks.push({ kind: 'bar', y, share: (barLength(value) / max) * BAR_SHARE, series: s, text: value === null ? '–' : formatValue(value, model.percent) });
        y += BAR_HEIGHT + BAR_GAP;
      });
      y += FIGURE_GAP;
    });
    y += ROW_GAP;
  });
  return { marks, height: Math.max(1, y) };
}

/** The chart's width as laid out, so its labels can wrap to it. */
function useWidth<T extends Element>() {
  const box = useRef<T>(null);
  const [width, setWidth] = useState(WIDEST);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width) || WIDEST));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { box, width };
}

/**
 * A table (with rows) drawn as bars: each row a group, a bar per figure and period (this period and the
 * previous one side by side), every bar with its figure written after it. Screen readers get the
 * text alternative and, below the chart, the table with every figure.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const prefix = `chart${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const { box, width } = useWidth<HTMLElement>();
  const model = chartModel(table);
  const { marks, height } = layout(table, model, Math.max(16, Math.floor(width / CHARACTER)));
  return (
    <figure className="report-chart" ref={box}>
      <ul className="chart-legend" aria-hidden="true">
        {model.series.map((name, s) => (
          <li key={name}>
            <Swatch prefix={prefix} fill={fillOf(s)} /> {name}
            {model.percent ? ' (%)' : ''}
          </li>
        ))}
      </ul>
      <svg className="report-chart-svg" width="100%" height={height} role="img" aria-label={describeChart(table)}>
        <Patterns prefix={prefix} />
        {marks.map((mark, i) =>
          mark.kind === 'label' ? (
            <text key={i} x="0" y={mark.y + 14} className={mark.className}>
              {mark.lines.map((line, l) => (
                <tspan key={l} x="0" dy={l === 0 ? 0 : LINE}>
                  {line}
                </tspan>
              ))}
            </text>
          ) : (
            <g key={i}>
              {mark.share > 0 ? <rect x="0.75" y={mark.y} width={`${mark.share}%`} height={BAR_HEIGHT} fill={paint(prefix, fillOf(mark.series))} stroke="#0b0c0c" strokeWidth="1.5" /> : null}
              <text x={`${mark.share}%`} dx="8" y={mark.y + BAR_HEIGHT - 4} className="chart-value">
                {mark.text}
              </text>
            </g>
          ),
        )}
      </svg>
    </figure>
  );
}
