import { Input, Label, SearchField } from 'react-aria-components';
import { TERM_LABELS, TERM_NAMES, type TermName } from '../../../../shared/domain/calendar.ts';
import { filterBySearch } from '../../../../shared/domain/search.ts';
import { needsAgreeing, VISIT_STATUS_LABELS, VISIT_STATUSES, type PlannerRow, type VisitStatus } from '../../../../shared/domain/visits.ts';
import { Select } from '../../components/Select.tsx';

export const ALL = 'all';
/** A status to find: one of the visit's, not planned at all, or still to agree (either of those or to be agreed). */
export type StatusFilter = typeof ALL | 'not_planned' | 'to_agree' | VisitStatus;
/** A worker to find: as SPOC or secondary, or the schools with no SPOC. */
export const NO_SPOC = 'no-spoc';

export interface PlannerFilterValues {
  search: string;
  hub: string;
  worker: string;
  term: TermName | typeof ALL;
  status: StatusFilter;
}

export const NO_FILTERS: PlannerFilterValues = { search: '', hub: ALL, worker: ALL, term: ALL, status: ALL };

function statusMatches(row: PlannerRow, term: TermName, status: StatusFilter): boolean {
  const visit = row.visits[term];
  if (status === ALL) return true;
  if (status === 'not_planned') return !visit;
  if (status === 'to_agree') return needsAgreeing(visit);
  return visit?.status === status;
}

/** The planner's rows that match: by school name or URN (folded as the register's search is), hub, worker and status. */
export function filterPlanner(rows: PlannerRow[], f: PlannerFilterValues): PlannerRow[] {
  const terms = f.term === ALL ? TERM_NAMES : [f.term];
  const kept = rows.filter(
    (r) =>
      (f.hub === ALL || r.hub === f.hub) &&
      (f.worker === ALL || (f.worker === NO_SPOC ? !r.spoc : r.spoc?.id === f.worker || r.secondary?.id === f.worker)) &&
      terms.some((t) => statusMatches(r, t, f.status)),
  );
  return filterBySearch(kept, f.search, (r) => `${r.name} ${r.urn}`);
}

/** The people who are a SPOC or secondary worker of any school listed, by name. */
function workersOf(rows: PlannerRow[]): { id: string; label: string }[] {
  const byId = new Map<string, string>();
  for (const r of rows) for (const w of [r.spoc, r.secondary]) if (w) byId.set(w.id, w.name);
  return [...byId].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

interface PlannerFiltersProps {
  rows: PlannerRow[];
  value: PlannerFilterValues;
  onChange: (value: PlannerFilterValues) => void;
  /** Set when the page shows one term only (the grid): no term choice. */
  fixedTerm?: TermName;
}

export function PlannerFilters({ rows, value, onChange, fixedTerm }: PlannerFiltersProps) {
  const hubs = [...new Set(rows.map((r) => r.hub).filter((h): h is string => Boolean(h)))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const set = (patch: Partial<PlannerFilterValues>) => onChange({ ...value, ...patch });
  const statusOptions: { id: StatusFilter; label: string }[] = [
    { id: ALL, label: 'Any status' },
    { id: 'to_agree', label: 'Still to agree' },
    { id: 'not_planned', label: 'Not planned' },
    ...VISIT_STATUSES.map((s) => ({ id: s, label: VISIT_STATUS_LABELS[s] })),
  ];
  return (
    <div className="filters" role="search" aria-label="Find schools in the planner">
      <SearchField className="field search-field" value={value.search} onChange={(search) => set({ search })}>
        <Label>Find a school</Label>
        <Input placeholder="School name or URN" />
      </SearchField>
      <Select label="Hub" value={value.hub} onChange={(hub) => set({ hub })} options={[{ id: ALL, label: 'All hubs' }, ...hubs.map((h) => ({ id: h, label: h }))]} />
      <Select
        label="Link worker"
        value={value.worker}
        onChange={(worker) => set({ worker })}
        options={[{ id: ALL, label: 'All workers' }, { id: NO_SPOC, label: 'No SPOC yet' }, ...workersOf(rows)]}
      />
      {fixedTerm ? null : (
        <Select<TermName | typeof ALL>
          label="Term"
          value={value.term}
          onChange={(term) => set({ term })}
          options={[{ id: ALL, label: 'Any term' }, ...TERM_NAMES.map((t) => ({ id: t, label: TERM_LABELS[t] }))]}
        />
      )}
      <Select<StatusFilter> label="Status" value={value.status} onChange={(status) => set({ status })} options={statusOptions} />
    </div>
  );
}
