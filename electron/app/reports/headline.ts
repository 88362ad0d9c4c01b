/**
 * The headline figures as the exports show them: a label per figure, this period's and the
 * previous period's value, each hidden as "fewer than 5" when 1 to 4 in a report shared outside
 * the team (the headline itself holds plain counts, for `linkdesk report --json`).
 */
import { shareable, type ReportHeadline, type ReportPeriod, type ReportValue, type TeamReport } from '../../../shared/domain/reports.ts';
import { formatDate } from '../../../shared/format.ts';

type Figure = [label: string, read: (h: ReportHeadline) => number];

const FIGURES: Figure[] = [
  ['Visits planned', (h) => h.visits.planned],
  ['Visits held', (h) => h.visits.held],
  ['Visits cancelled', (h) => h.visits.cancelled],
  ['Visits missing', (h) => h.visits.missing],
  ['Pro formas sent on time', (h) => h.proFormas.sentOnTime],
  ['Pro formas returned on time', (h) => h.proFormas.returnedOnTime],
  ['Children reviewed', (h) => h.children.reviewed],
  ['Consultations held', (h) => h.consultations.held],
  ['Consultations with the school nurse team', (h) => h.consultations.withNurse],
  ['Contacts', (h) => h.contacts.total],
  ['Escalations raised', (h) => h.escalations.raised],
  ['Manager told within 24 hours', (h) => h.escalations.toldWithin24h],
  ['Manager told late', (h) => h.escalations.toldLate],
  ['Escalations still open', (h) => h.escalations.open],
  ['Panel meetings attended', (h) => h.panels.attended],
  ['Schools with no visit, consultation or contact', (h) => h.schoolsWithNoContact],
];

export interface HeadlineRow {
  label: string;
  value: ReportValue;
  previous: ReportValue;
}

export function headlineRows(report: TeamReport): HeadlineRow[] {
  return FIGURES.map(([label, read]) => ({ label, value: shareable(read(report.headline), report.shared), previous: shareable(read(report.previousHeadline), report.shared) }));
}

/** "Autumn term 2026-27 (1 Sep 2026 to 18 Dec 2026)": the label says the dates (or that the period is not in the calendar). */
export function periodText(period: ReportPeriod): string {
  return period.label;
}

/** "Autumn term 2026-27": the label without its dates, as the tables' columns name a period. */
export const shortPeriod = (period: ReportPeriod): string => period.label.replace(/ \(.*\)$/, '');

export interface ColumnParts {
  /** What is counted ("Planned"), or empty for a column that is only a period. */
  figure: string;
  /** Which period the column holds, when its heading names one. */
  which: 'this' | 'previous' | null;
}

/** A column heading such as "Planned, Autumn term 2026-27" as its figure and its period. */
export function columnParts(report: TeamReport, column: string): ColumnParts {
  const periods = new Map<string, 'this' | 'previous'>([[shortPeriod(report.period), 'this'], [shortPeriod(report.previous), 'previous']]);
  const whole = periods.get(column);
  if (whole) return { figure: '', which: whole };
  const at = column.lastIndexOf(', ');
  const which = at > 0 ? periods.get(column.slice(at + 2)) : undefined;
  return which ? { figure: column.slice(0, at), which } : { figure: column, which: null };
}

/** The period a column's figures belong to, for the long Data sheet. */
export function columnPeriod(report: TeamReport, parts: ColumnParts): string {
  return shortPeriod(parts.which === 'previous' ? report.previous : report.period);
}

/** A value as text: thousands separated, a percentage with its sign, "fewer than 5" as it is, none as a dash. */
export function valueText(value: ReportValue, percent = false): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return `${value.toLocaleString('en-GB')}${percent ? '%' : ''}`;
}

export const SHARED_NOTE = 'Shared outside the team: counts of 1-4 shown as fewer than 5.';
export const OWN_COPY_NOTE = 'The team’s own copy: every count is shown. Do not share it outside the team.';

export function sharingText(report: TeamReport): string {
  return report.shared ? SHARED_NOTE : OWN_COPY_NOTE;
}

export function filtersText(report: TeamReport): string {
  return report.filters.length > 0 ? report.filters.join('; ') : 'All hubs and workers';
}

/** The day counted, as 3 Dec 2026 (an ISO day, or already in words). */
export function producedOnText(report: TeamReport): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(report.generatedOn) ? formatDate(report.generatedOn) : report.generatedOn;
}
