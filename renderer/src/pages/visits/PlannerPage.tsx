import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { TERM_LABELS, TERM_NAMES, type TermName } from '../../../../shared/domain/calendar.ts';
import { needsAgreeing, VISIT_STATUS_LABELS, type PlannerRow } from '../../../../shared/domain/visits.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { formatDate, plural } from '../../format.ts';
import { ExportCalendarSection } from './ExportCalendarSection.tsx';
import { filterPlanner, NO_FILTERS, PlannerFilters, type PlannerFilterValues } from './PlannerFilters.tsx';

function Cell({ row, term, year }: { row: PlannerRow; term: TermName; year: string }) {
  const visit = row.visits[term];
  const to = `/visits/${row.urn}/${year}/${term}`;
  // The name is the link's own text, what it shows first (WCAG 2.5.3), then, hidden, which visit.
  // A dash, not a colon: the browser puts a space between the status and this text.
  const which = <span className="visually-hidden"> – {TERM_LABELS[term]} visit to {row.name}</span>;
  if (!visit) {
    return (
      <Link to={to}>
        <span className="tag tag-warning">Not planned</span>
        {which}
      </Link>
    );
  }
  return (
    <Link to={to}>
      {visit.date ? formatDate(visit.date) : 'Date to be agreed'}
      <span className="visit-status"> {VISIT_STATUS_LABELS[visit.status]}</span>
      {which}
    </Link>
  );
}

export function PlannerPage() {
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const [chosen, setChosen] = useState<string | null>(null);
  const [filters, setFilters] = useState<PlannerFilterValues>(NO_FILTERS);
  const year = chosen ?? years.data?.at(-1)?.label ?? null;
  const rows = useQuery({ queryKey: ['visits.planner', year], queryFn: () => invoke('visits.planner', { yearLabel: year ?? '' }), enabled: Boolean(year) });
  if (years.data && years.data.length === 0) {
    return (
      <Page title="Visits" lead="Termly SPOC visits: three a year for every school.">
        <p>
          Enter the school year first, in <Link to="/settings">Settings</Link>: its terms and half-terms set the working days for the pro forma deadlines.
        </p>
      </Page>
    );
  }
  const all = rows.data ?? [];
  const data = filterPlanner(all, filters);
  const missing = data.reduce((n, r) => n + TERM_NAMES.filter((t) => needsAgreeing(r.visits[t])).length, 0);
  const filtered = data.length !== all.length;
  const columns: Column<PlannerRow>[] = [
    { key: 'school', header: 'School', width: '22%', render: (r) => <Link to={`/schools/${r.urn}`}>{r.name}</Link> },
    { key: 'hub', header: 'Hub', width: '10%', render: (r) => r.hub ?? '–' },
    {
      key: 'spoc',
      header: 'SPOC',
      width: '20%',
      render: (r) => (
        <>
          {r.spoc?.name ?? <span className="tag tag-warning">To be allocated</span>}
          {r.secondary ? <span className="planner-secondary">Secondary: {r.secondary.name}</span> : null}
        </>
      ),
    },
    ...TERM_NAMES.map((t) => ({ key: t, header: TERM_LABELS[t], render: (r: PlannerRow) => <Cell row={r} term={t} year={year ?? ''} /> })),
  ];
  return (
    <Page title="Visits" lead="The year planner: every school by term. The SPOC agrees the year's dates with each school in September.">
      <div className="filters">
        <Select label="School year" value={year ?? ''} onChange={setChosen} options={(years.data ?? []).map((y) => ({ id: y.label, label: y.label }))} />
        <p className="filters-action">
          <Link className="button button-secondary" to={year ? `/visits/grid/${year}` : '/visits/grid'}>
            Enter a term’s dates for many schools
          </Link>
        </p>
      </div>
      <PlannerFilters rows={all} value={filters} onChange={setFilters} />
      <p className="result-count" role="status">
        {rows.isPending ? 'Loading…' : `${plural(data.length, 'school')}${filtered ? ` of ${all.length}` : ''}; ${plural(missing, 'termly visit')} not yet agreed`}
      </p>
      {data.length > 0 ? (
        <VirtualTable caption="Termly visits by school" rows={data} columns={columns} rowKey={(r) => r.urn} rowHeight={64} height="max(24rem, calc(100vh - 17rem))" />
      ) : rows.data ? (
        <p>No schools match. Try fewer words or other filters.</p>
      ) : null}
      <ExportCalendarSection />
    </Page>
  );
}
