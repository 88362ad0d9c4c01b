import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { TERM_LABELS, TERM_NAMES, type TermName } from '../../../../shared/domain/calendar.ts';
import { VISIT_STATUS_LABELS, type PlannerRow } from '../../../../shared/domain/visits.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { formatDate, plural } from '../../format.ts';
import { ExportCalendarSection } from './ExportCalendarSection.tsx';

function Cell({ row, term, year }: { row: PlannerRow; term: TermName; year: string }) {
  const visit = row.visits[term];
  const to = `/visits/${row.urn}/${year}/${term}`;
  const label = `${TERM_LABELS[term]} visit to ${row.name}`;
  if (!visit) {
    return (
      <Link to={to} aria-label={`Plan the ${label}`}>
        <span className="tag tag-warning">Not planned</span>
      </Link>
    );
  }
  return (
    <Link to={to} aria-label={`${label}: ${VISIT_STATUS_LABELS[visit.status]}`}>
      {visit.date ? formatDate(visit.date) : 'Date to be agreed'}
      <span className="visit-status"> {VISIT_STATUS_LABELS[visit.status]}</span>
    </Link>
  );
}

export function PlannerPage() {
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const [chosen, setChosen] = useState<string | null>(null);
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
  const data = rows.data ?? [];
  const missing = data.reduce((n, r) => n + TERM_NAMES.filter((t) => !r.visits[t] || r.visits[t]?.status === 'to_be_agreed').length, 0);
  const columns: Column<PlannerRow>[] = [
    { key: 'school', header: 'School', width: '28%', render: (r) => <Link to={`/schools/${r.urn}`}>{r.name}</Link> },
    { key: 'hub', header: 'Hub', render: (r) => r.hub ?? '–' },
    ...TERM_NAMES.map((t) => ({ key: t, header: TERM_LABELS[t], render: (r: PlannerRow) => <Cell row={r} term={t} year={year ?? ''} /> })),
  ];
  return (
    <Page title="Visits" lead="The year planner: every school by term. The SPOC agrees the year's dates with each school in September.">
      <div className="filters">
        <Select label="School year" value={year ?? ''} onChange={setChosen} options={(years.data ?? []).map((y) => ({ id: y.label, label: y.label }))} />
      </div>
      <p className="result-count" role="status">
        {rows.isPending ? 'Loading…' : `${plural(data.length, 'school')}; ${plural(missing, 'termly visit')} not yet agreed`}
      </p>
      {data.length > 0 ? <VirtualTable caption="Termly visits by school" rows={data} columns={columns} rowKey={(r) => r.urn} rowHeight={56} /> : null}
      <ExportCalendarSection />
    </Page>
  );
}
