/**
 * The termly and annual report as a Word document, from templates/team-report.docx (or a
 * team's own, checked as the meeting records' templates are). The template holds the letterhead,
 * the marking in the header and footer, the title and the details; LinkDesk lays out the
 * sections into {@report}: a heading per section, a heading and a Word table per table, its
 * columns as the report gives them (this period beside the previous one), and a chart as a text
 * bar in a column of its own, so it prints, reads aloud and copies into an email as the figures
 * themselves. Only the TeamReport is read: counts and labels, nothing else.
 */
import { FEWER_THAN_FIVE, type ReportTable, type TeamReport } from '../../../shared/domain/reports.ts';
import { AppError } from '../../../shared/errors.ts';
import { fillTemplate, inspectTemplate } from '../documents/docx-template.ts';
import { columnParts, filtersText, headlineRows, periodText, producedOnText, sharingText, shortPeriod, valueText, type ColumnParts } from './headline.ts';
import { heading, paragraph, table, TEXT_WIDTH, type Cell } from './word-xml.ts';

/** The longest bar, in block characters: fits the chart column at 8pt. */
const BAR_LENGTH = 14;
const BLOCK = '\u2588';

export interface WordTemplate {
  fileName: string;
  content: Buffer;
}

/** A bar per row for the table's first column, scaled to its largest value; a hidden small count draws none (its length would tell it). */
function bars(t: ReportTable): string[] {
  const first = t.rows.map((r) => r.values[0]);
  const max = Math.max(0, ...first.map((v) => (typeof v === 'number' ? v : 0)));
  return first.map((v) => (typeof v === 'number' && v > 0 && max > 0 ? BLOCK.repeat(Math.max(1, Math.round((v / max) * BAR_LENGTH))) : ''));
}

function widthsFor(valueColumns: number, chart: boolean): number[] {
  if (valueColumns === 0) return [TEXT_WIDTH];
  // Many columns take room from the labels and the bars, so "Previous" still fits on one line.
  const many = valueColumns > 3;
  const label = Math.round(TEXT_WIDTH * (chart ? (many ? 0.2 : 0.32) : many ? 0.28 : 0.4));
  const chartWidth = chart ? Math.round(TEXT_WIDTH * (many ? 0.18 : 0.24)) : 0;
  const each = Math.floor((TEXT_WIDTH - label - chartWidth) / valueColumns);
  return [label, ...Array<number>(valueColumns).fill(each), ...(chart ? [chartWidth] : [])];
}

/** Adjacent columns with the same key, as one heading over them. */
function runs(parts: ColumnParts[], key: (p: ColumnParts) => string): { key: string; span: number }[] {
  const out: { key: string; span: number }[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.key === key(p)) last.span++;
    else out.push({ key: key(p), span: 1 });
  }
  return out;
}

/**
 * Columns such as "Planned, Autumn term 2026-27" and "Planned, Summer term 2025-26" get two
 * header rows (the figure over "This term" and "Previous term", or the period over its figures,
 * whichever groups more), so narrow columns hold short headings; other columns one row.
 */
function headerRows(report: TeamReport, t: ReportTable, chart: boolean): Cell[][] {
  const unit = report.period.term ? 'term' : 'year';
  const parts = t.columns.map((c) => columnParts(report, c));
  const first = parts[0];
  const chartHead: Cell[] = chart ? [{ text: first?.which ? `Chart: ${first.figure || 'count'}, ${first.which === 'previous' ? 'last' : 'this'} ${unit}` : `Chart: ${t.columns[0] ?? ''}` }] : [];
  if (parts.length === 0) return [];
  if (parts.some((p) => p.which === null || p.figure === '')) {
    return [[{ text: '' }, ...t.columns.map((c): Cell => ({ text: c, align: 'right' })), ...chartHead]];
  }
  // "Last term" (not "previous"): it is the one just before, and it fits a narrow column.
  const periodWord = (which: ColumnParts['which']) => `${which === 'previous' ? 'Last' : 'This'} ${unit}`;
  const periodName = (which: string) => shortPeriod(which === 'previous' ? report.previous : report.period);
  const byFigure = runs(parts, (p) => p.figure);
  const byPeriod = runs(parts, (p) => p.which ?? '');
  const figureOnTop = byFigure.length <= byPeriod.length;
  const top = (figureOnTop ? byFigure : byPeriod).map((g): Cell => ({ text: figureOnTop ? g.key : periodName(g.key), span: g.span, align: 'center' }));
  const bottom = parts.map((p): Cell => ({ text: figureOnTop ? periodWord(p.which) : p.figure, align: 'right' }));
  return [[{ text: '' }, ...top, ...(chart ? [{ text: '' }] : [])], [{ text: '' }, ...bottom, ...chartHead]];
}

function reportTable(report: TeamReport, t: ReportTable): string {
  const chart = t.chart === 'bar' && t.rows.length > 0 && t.columns.length > 0;
  const drawn = chart ? bars(t) : [];
  // A previous period the calendar does not hold has no figures: a dash, not a row of noughts.
  const uncounted = t.columns.map((c) => !report.previous.inCalendar && columnParts(report, c).which === 'previous');
  const rows = t.rows.map((r, i): Cell[] => [
    { text: r.label },
    ...t.columns.map((_, c): Cell => ({ text: uncounted[c] ? '–' : valueText(r.values[c] ?? null, t.percentColumns.includes(c)), align: 'right' })),
    ...(chart ? [{ text: drawn[i] ?? '', bar: true }] : []),
  ]);
  const body = t.rows.length > 0 ? table(headerRows(report, t, chart), rows, widthsFor(t.columns.length, chart)) : paragraph('Nothing to count in this period.', { italic: true });
  return [heading(t.title, 2), body, t.note ? paragraph(t.note, { italic: true, size: 18, before: 60 }) : paragraph('', { after: 0 })].join('');
}

/** The summary first: the headline figures, this period beside the previous one. */
function summary(report: TeamReport): string {
  const counted = report.previous.inCalendar;
  const rows = headlineRows(report).map((h): Cell[] => [{ text: h.label }, { text: valueText(h.value), align: 'right' }, { text: counted ? valueText(h.previous) : '–', align: 'right' }]);
  const widths = [Math.round(TEXT_WIDTH * 0.5), Math.round(TEXT_WIDTH * 0.25), Math.round(TEXT_WIDTH * 0.25)];
  const notCounted = counted ? [] : [paragraph(`${shortPeriod(report.previous)} is not in the team’s calendar, so there is nothing to compare with: its figures are shown as –.`, { italic: true, size: 18, before: 60 })];
  return [heading('Summary', 1), table([[{ text: 'Figure' }, { text: shortPeriod(report.period), align: 'right' }, { text: shortPeriod(report.previous), align: 'right' }]], rows, widths), ...notCounted].join('');
}

/** The Word layout that goes into {@report}. */
export function reportBody(report: TeamReport): string {
  const sections = report.sections.map((s) => [heading(s.title, 1), ...s.tables.map((t) => reportTable(report, t))].join(''));
  const smallNumbers = report.shared ? [paragraph(`Counts of 1 to 4 are shown as “${FEWER_THAN_FIVE}”, so that no child, family or school can be picked out; 0 is shown as 0.`, { italic: true, size: 18, before: 120 })] : [];
  return [summary(report), ...smallNumbers, ...sections].join('');
}

/** The values of the template's placeholders. */
export function reportData(report: TeamReport, teamName: string, localAuthority: string): Record<string, string> {
  const kind = report.period.term ? 'Termly report' : 'Annual report';
  return {
    teamName,
    localAuthority,
    marking: report.marking,
    title: `${kind}: ${shortPeriod(report.period)}`,
    period: periodText(report.period),
    previousPeriod: periodText(report.previous),
    filters: filtersText(report),
    sharing: sharingText(report),
    producedOn: producedOnText(report),
    report: reportBody(report),
  };
}

/** Fills the template; one that has stopped fitting (an unknown placeholder, no {@report}) is refused rather than printing a report with holes. */
export function buildWordReport(report: TeamReport, template: WordTemplate, team: { teamName: string; localAuthority: string }): Buffer {
  const check = inspectTemplate(template.content, 'team_report', template.fileName);
  if (check.unknown.length > 0) {
    throw new AppError('invalid_input', `${template.fileName} uses placeholders LinkDesk does not fill: ${check.unknown.map((u) => `{${u}}`).join(', ')}. Nothing was saved.`, { check });
  }
  if (!check.placeholders.includes('@report')) {
    throw new AppError('invalid_input', `${template.fileName} has no {@report} placeholder, so the report's figures would have nowhere to go. Nothing was saved.`, { check });
  }
  return fillTemplate(template.content, template.fileName, reportData(report, team.teamName, team.localAuthority));
}
