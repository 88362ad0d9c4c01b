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
import { filtersText, headlineRows, periodText, producedOnText, sharingText, valueText } from './headline.ts';
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
  const label = Math.round(TEXT_WIDTH * (chart ? (valueColumns > 3 ? 0.24 : 0.32) : 0.4));
  const chartWidth = chart ? Math.round(TEXT_WIDTH * 0.24) : 0;
  const each = Math.floor((TEXT_WIDTH - label - chartWidth) / Math.max(1, valueColumns));
  return [label, ...Array<number>(valueColumns).fill(each), ...(chart ? [chartWidth] : [])];
}

function reportTable(t: ReportTable): string {
  const chart = t.chart === 'bar' && t.rows.length > 0;
  const header: Cell[] = [{ text: '' }, ...t.columns.map((c): Cell => ({ text: c, align: 'right' })), ...(chart ? [{ text: `Chart: ${t.columns[0] ?? ''}` }] : [])];
  const drawn = chart ? bars(t) : [];
  const rows = t.rows.map((r, i): Cell[] => [
    { text: r.label },
    ...t.columns.map((_, c): Cell => ({ text: valueText(r.values[c] ?? null, t.percentColumns.includes(c)), align: 'right' })),
    ...(chart ? [{ text: drawn[i] ?? '', bar: true }] : []),
  ]);
  const body = t.rows.length > 0 ? table(header, rows, widthsFor(t.columns.length, chart)) : paragraph('Nothing to count in this period.', { italic: true });
  return [heading(t.title, 2), body, t.note ? paragraph(t.note, { italic: true, size: 18, before: 60 }) : paragraph('', { after: 0 })].join('');
}

/** The summary first: the headline figures, this period beside the previous one. */
function summary(report: TeamReport): string {
  const rows = headlineRows(report).map((h): Cell[] => [{ text: h.label }, { text: valueText(h.value), align: 'right' }, { text: valueText(h.previous), align: 'right' }]);
  const widths = [Math.round(TEXT_WIDTH * 0.5), Math.round(TEXT_WIDTH * 0.25), Math.round(TEXT_WIDTH * 0.25)];
  return [heading('Summary', 1), table([{ text: 'Figure' }, { text: report.period.label, align: 'right' }, { text: report.previous.label, align: 'right' }], rows, widths)].join('');
}

/** The Word layout that goes into {@report}. */
export function reportBody(report: TeamReport): string {
  const sections = report.sections.map((s) => [heading(s.title, 1), ...s.tables.map(reportTable)].join(''));
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
    title: `${kind}: ${report.period.label}`,
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
