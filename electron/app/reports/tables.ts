/**
 * Tables from two periods' facts: every figure for this period with the previous one beside it.
 * Counts go through shareable(), so a report marked for sharing shows 1 to 4 as "fewer than 5";
 * a percentage of fewer than five is left out (null) there, as it would give the count away.
 */
import { shareable, type ReportPeriod, type ReportTable, type ReportValue } from '../../../shared/domain/reports.ts';
import { TERM_LABELS } from '../../../shared/domain/calendar.ts';
import type { Fact, PeriodFacts } from './count.ts';

export interface Figure {
  key: string;
  label: string;
}

export interface Both {
  now: PeriodFacts;
  before: PeriodFacts;
  period: ReportPeriod;
  previous: ReportPeriod;
  share: boolean;
  workerName: (id: string | null) => string;
}

export const NO_HUB = 'No hub';

export const shortLabel = (p: ReportPeriod): string => (p.term ? `${TERM_LABELS[p.term]} ${p.year}` : `School year ${p.year}`);

export function countOf(facts: Fact[], key: string, where: (f: Fact) => boolean = () => true): number {
  let n = 0;
  for (const f of facts) if (f.key === key && where(f)) n++;
  return n;
}

export function percent(part: number, whole: number, share: boolean): ReportValue {
  if (whole === 0 || (share && whole < 5)) return null;
  return Math.round((100 * part) / whole);
}

/** Rows of figures, columns the two periods. */
export function summary(both: Both, id: string, title: string, figures: Figure[], note?: string): ReportTable {
  return {
    id, title, columns: [shortLabel(both.period), shortLabel(both.previous)], percentColumns: [], chart: 'bar',
    rows: figures.map((f) => ({ label: f.label, values: [shareable(countOf(both.now.facts, f.key), both.share), shareable(countOf(both.before.facts, f.key), both.share)] })),
    ...(note ? { note } : {}),
  };
}

/** Rows of a group (a hub, a worker, a panel, a tag), each figure of this period then the previous one. */
export function breakdown(both: Both, id: string, title: string, by: (f: Fact) => string | null, figures: Figure[], note?: string): ReportTable {
  const keys = new Set(figures.map((f) => f.key));
  const groups = new Set<string>();
  for (const f of [...both.now.facts, ...both.before.facts]) {
    const group = keys.has(f.key) ? by(f) : null;
    if (group !== null) groups.add(group);
  }
  const rows = [...groups].sort(byLabel).map((group) => ({
    label: group,
    values: figures.flatMap((f) => [both.now, both.before].map((p) => shareable(countOf(p.facts, f.key, (x) => by(x) === group), both.share))),
  }));
  return { id, title, columns: columnsFor(both, figures.map((f) => f.label)), percentColumns: [], chart: 'bar', rows, ...(note ? { note } : {}) };
}

export function columnsFor(both: Both, labels: string[]): string[] {
  return labels.flatMap((label) => [`${label}, ${shortLabel(both.period)}`, `${label}, ${shortLabel(both.previous)}`]);
}

/** "No hub" and "No named worker" after the others. */
function byLabel(a: string, b: string): number {
  const last = (s: string) => (s.startsWith('No ') ? 1 : 0);
  return last(a) - last(b) || a.localeCompare(b, 'en-GB');
}

export const byHub = (f: Fact): string => f.hub?.trim() || NO_HUB;
export const byWorker = (both: Both) => (f: Fact): string => both.workerName(f.worker);
