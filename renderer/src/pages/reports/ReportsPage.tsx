import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TeamReport } from '../../../../shared/domain/reports.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { formatDate, todayLocal } from '../../format.ts';
import { defaultFilters, queryOf, ReportFilters, type ReportFilterValues } from './ReportFilters.tsx';
import { ReportExports } from './ReportExports.tsx';
import { ReportHeadlineView } from './ReportHeadline.tsx';
import { ReportTableView } from './ReportTableView.tsx';

function periodText(report: TeamReport): string {
  const filters = report.filters.length > 0 ? `, ${report.filters.join(', ')}` : '';
  return `${report.period.label}${filters}`;
}

function Sections({ report }: { report: TeamReport }) {
  return (
    <>
      {report.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="card report-section">
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          {section.tables.map((table) => (
            <ReportTableView key={table.id} table={table} />
          ))}
        </section>
      ))}
    </>
  );
}

export function ReportsPage() {
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const hubs = useQuery({ queryKey: ['schools.hubs'], queryFn: () => invoke('schools.hubs', {}) });
  const people = useQuery({ queryKey: ['people.list'], queryFn: () => invoke('people.list', {}) });
  const [chosen, setChosen] = useState<ReportFilterValues | null>(null);
  const filters = chosen ?? defaultFilters(years.data ?? [], todayLocal());
  const query = filters ? queryOf(filters) : null;
  const report = useQuery({
    queryKey: ['reports.build', query],
    queryFn: () => invoke('reports.build', query ?? { year: '', share: false }),
    enabled: query !== null,
    // The figures of the last choice stay on screen while the next are counted, so the page does not jump.
    placeholderData: keepPreviousData,
  });
  const lead = 'Counts of the team’s work for a term or a school year, with the previous period beside them, for senior managers and inspectors. No child, note or name of school staff is in a report.';

  return (
    <Page title="Reports" lead={lead}>
      {years.data && !filters ? <p>Enter the school year’s term dates in Settings to see the figures by term and year.</p> : null}
      {filters ? (
        <section aria-labelledby="filters-heading" className="card">
          <h2 id="filters-heading">Which figures</h2>
          <ReportFilters years={years.data ?? []} hubs={hubs.data ?? []} people={people.data ?? []} value={filters} onChange={setChosen} />
          <p role="status" className="report-status">
            {report.isError ? '' : report.isFetching ? 'Counting the figures…' : report.data ? `Showing ${periodText(report.data)}, compared with ${report.data.previous.label}.` : ''}
          </p>
          {report.isError ? (
            <p className="error-message" role="alert">
              {report.error.message}
            </p>
          ) : null}
        </section>
      ) : null}
      {report.data && query ? (
        <>
          <p className="muted">Counted on {formatDate(report.data.generatedOn)}. Marked {report.data.marking}.</p>
          <ReportHeadlineView report={report.data} />
          <Sections report={report.data} />
          <ReportExports query={query} period={report.data.period} />
        </>
      ) : null}
    </Page>
  );
}
