import { TERM_LABELS, TERM_NAMES, termOn, type AcademicYear, type TermName } from '../../../../shared/domain/calendar.ts';
import type { PersonSummary } from '../../../../shared/domain/people.ts';
import type { ReportQuery } from '../../../../shared/domain/reports.ts';
import { Select } from '../../components/Select.tsx';

export const ALL = 'all';
const WHOLE_YEAR = 'year';
type TermChoice = TermName | typeof WHOLE_YEAR;

export interface ReportFilterValues {
  year: string;
  term: TermChoice;
  hub: string;
  worker: string;
}

/** The term going on today, or the last school year entered; the whole year between terms. */
export function defaultFilters(years: AcademicYear[], today: string): ReportFilterValues | null {
  const now = termOn(years, today);
  if (now) return { year: now.year, term: now.term.name, hub: ALL, worker: ALL };
  const started = years.filter((y) => (y.terms[0]?.startsOn ?? '') <= today);
  const year = (started.length > 0 ? started : years).map((y) => y.label).sort().at(-1);
  return year ? { year, term: WHOLE_YEAR, hub: ALL, worker: ALL } : null;
}

/** What `reports.build` is asked, for the screen: the team's own copy, so small counts show. */
export function queryOf(f: ReportFilterValues): ReportQuery {
  return {
    year: f.year,
    ...(f.term === WHOLE_YEAR ? {} : { term: f.term }),
    ...(f.hub === ALL ? {} : { hub: f.hub }),
    ...(f.worker === ALL ? {} : { workerId: f.worker }),
    share: false,
  };
}

interface ReportFiltersProps {
  years: AcademicYear[];
  hubs: string[];
  people: PersonSummary[];
  value: ReportFilterValues;
  onChange: (value: ReportFilterValues) => void;
}

export function ReportFilters({ years, hubs, people, value, onChange }: ReportFiltersProps) {
  const set = (patch: Partial<ReportFilterValues>) => onChange({ ...value, ...patch });
  // Leavers stay choosable: a past year's figures hold their work.
  const workers = [...people]
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'en-GB'))
    .map((p) => ({ id: p.id, label: p.active ? p.name : `${p.name} (left)` }));
  return (
    <div className="filters" role="group" aria-label="Filters">
      <Select label="School year" value={value.year} onChange={(year) => set({ year })} options={years.map((y) => y.label).sort().reverse().map((y) => ({ id: y, label: y }))} />
      <Select<TermChoice>
        label="Term"
        value={value.term}
        onChange={(term) => set({ term })}
        options={[{ id: WHOLE_YEAR, label: 'Whole school year' }, ...TERM_NAMES.map((t) => ({ id: t, label: TERM_LABELS[t] }))]}
      />
      <Select label="Hub" value={value.hub} onChange={(hub) => set({ hub })} options={[{ id: ALL, label: 'All hubs' }, ...hubs.map((h) => ({ id: h, label: h }))]} />
      <Select label="Worker" value={value.worker} onChange={(worker) => set({ worker })} options={[{ id: ALL, label: 'All workers' }, ...workers]} />
    </div>
  );
}
