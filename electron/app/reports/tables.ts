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

const byKey = new WeakMap<PeriodFacts, Map<string, Fact[]>>();

/** A period's facts of one key: the facts are sorted by key once, so each figure reads only its own. */
export function factsOf(p: PeriodFacts, key: string): Fact[] {
  let index = byKey.get(p);
  if (!index) {
    index = new Map();
    for (const f of p.facts) {
      const list = index.get(f.key);
      if (list) list.push(f);
      else index.set(f.key, [f]);
    }
    byKey.set(p, index);
  }
  return index.get(key) ?? [];
}

export function countOf(p: PeriodFacts, key: string, where?: (f: Fact) => boolean): number {
  const facts = factsOf(p, key);
  if (!where) return facts.length;
  let n = 0;
  for (const f of facts) if (where(f)) n++;
  return n;
}

/** How many facts of a key each group has, in one pass. */
function tally(p: PeriodFacts, key: string, by: (f: Fact) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of factsOf(p, key)) {
    const group = by(f);
    if (group !== null) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}

export function percent(part: number, whole: number, share: boolean): ReportValue {
  if (whole === 0 || (share && whole < 5)) return null;
  return Math.round((100 * part) / whole);
}

/** Rows of figures, columns the two periods. */
export function summary(both: Both, id: string, title: string, figures: Figure[], note?: string): ReportTable {
  return {
    id, title, columns: [shortLabel(both.period), shortLabel(both.previous)], percentColumns: [], chart: 'bar',
    rows: figures.map((f) => ({ label: f.label, values: [shareable(countOf(both.now, f.key), both.share), shareable(countOf(both.before, f.key), both.share)] })),
    ...(note ? { note } : {}),
  };
}

export const MAX_CHARTED_GROUPS = 6;

/** Rows of a group (a hub, a worker, a panel, a tag), each figure of this period then the previous one. */
export function breakdown(both: Both, id: string, title: string, by: (f: Fact) => string | null, figures: Figure[], note?: string): ReportTable {
  const tallies = figures.map((f) => [tally(both.now, f.key, by), tally(both.before, f.key, by)]);
  const groups = new Set(tallies.flatMap((pair) => pair.flatMap((t) => [...t.keys()])));
  const rows = [...groups].sort(byLabel).map((group) => ({
    label: group,
    values: tallies.flatMap((pair) => pair.map((t) => shareable(t.get(group) ?? 0, both.share))),
  }));
  // A bar chart of many groups (a team's workers) is not read, only scrolled past: past a few
  // groups the table alone carries the figures, and the report stays a length people read.
  const chart = rows.length <= MAX_CHARTED_GROUPS ? 'bar' : 'none';
  return { id, title, columns: columnsFor(both, figures.map((f) => f.label)), percentColumns: [], chart, rows, ...(note ? { note } : {}) };
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
