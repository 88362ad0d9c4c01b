import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TERM_LABELS, type AcademicYear } from '../../../../shared/domain/calendar.ts';
import type { AttendanceReport, AttendanceRow } from '../../../../shared/domain/panels.ts';
import { invoke } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { Select } from '../../components/Select.tsx';
import { formatDate, todayLocal } from '../../format.ts';
import { PanelsNav } from './PanelsNav.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

interface Period {
  id: string;
  label: string;
  from: string;
  to: string;
}

function periodsOf(years: AcademicYear[]): Period[] {
  return years.flatMap((y) => {
    const first = y.terms[0];
    const last = y.terms.at(-1);
    const whole = first && last ? [{ id: y.label, label: `School year ${y.label}`, from: first.startsOn, to: last.endsOn }] : [];
    return [...whole, ...y.terms.map((t) => ({ id: `${y.label}-${t.name}`, label: `${TERM_LABELS[t.name]} ${y.label}`, from: t.startsOn, to: t.endsOn }))];
  });
}

const BAR = 22;
const GAP = 10;
const LABEL = 230;
const WIDTH = 680;
const SEGMENTS = [
  ['attended', 'bar-attended', 'Someone attended'],
  ['apologies', 'bar-apologies', 'Apologies only'],
  ['nobody', 'bar-nobody', 'Nobody from the team'],
  ['notRecorded', 'bar-unrecorded', 'Not recorded'],
] as const;

/** Meetings held per panel, split by whether someone attended. The table below holds the same figures. */
function AttendanceChart({ rows }: { rows: AttendanceRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.meetings));
  const unit = (WIDTH - LABEL - 40) / max;
  const height = rows.length * (BAR + GAP) + 40;
  return (
    <svg className="load-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Meetings held per panel: someone attended, apologies only, or nobody from the team. The table below gives the figures.">
      {rows.map((r, i) => {
        const y = i * (BAR + GAP);
        let x = LABEL;
        return (
          <g key={r.key}>
            <text x={LABEL - 8} y={y + BAR * 0.72} textAnchor="end" className="chart-label">{r.label}</text>
            {SEGMENTS.map(([field, className]) => {
              const w = r[field] * unit;
              const rect = <rect key={field} x={x} y={y} width={w} height={BAR} className={className} />;
              x += w;
              return rect;
            })}
            <text x={x + 6} y={y + BAR * 0.72} className="chart-value">{r.attended}/{r.meetings}</text>
          </g>
        );
      })}
      {SEGMENTS.map(([field, className, label], i) => (
        <g key={field}>
          <rect x={10 + i * 170} y={height - 26} width={14} height={14} className={className} />
          <text x={10 + i * 170 + 20} y={height - 14} className="chart-label">{label}</text>
        </g>
      ))}
    </svg>
  );
}

function AttendanceTable({ caption, rows, first, columns }: { caption: string; rows: AttendanceRow[]; first: string; columns: [keyof AttendanceRow, string][] }) {
  return (
    <TableScroll>
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          {columns.map(([key, title]) => <th key={key} scope="col">{title}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {columns.map(([key]) => <td key={key}>{r[key]}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

function Report({ report }: { report: AttendanceReport }) {
  if (report.byPanel.length === 0) return <p>No meetings were held in this period.</p>;
  return (
    <>
      <p className="muted">Meetings held from {formatDate(report.from)} up to {formatDate(report.to < todayLocal() ? report.to : todayLocal())}; cancelled meetings are left out.</p>
      <AttendanceChart rows={report.byPanel} />
      <AttendanceTable
        caption="By panel"
        rows={report.byPanel}
        first="Panel"
        columns={[['meetings', 'Meetings'], ['attended', 'Someone attended'], ['apologies', 'Apologies only'], ['nobody', 'Nobody from the team'], ['notRecorded', 'Not recorded']]}
      />
      <AttendanceTable caption="By person" rows={report.byPerson} first="Person" columns={[['meetings', 'Meetings'], ['attended', 'Attended'], ['apologies', 'Apologies'], ['notRecorded', 'Expected, not recorded']]} />
    </>
  );
}

export function AttendancePage() {
  const years = useQuery({ queryKey: ['calendar.years'], queryFn: () => invoke('calendar.years', {}) });
  const periods = periodsOf(years.data ?? []);
  const today = todayLocal();
  const fallback = periods.find((p) => /-(autumn|spring|summer)$/.test(p.id) && p.from <= today && today <= p.to) ?? periods[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const period = periods.find((p) => p.id === chosen) ?? fallback;
  const report = useQuery({
    queryKey: ['panels.attendance', period?.from, period?.to],
    queryFn: () => invoke('panels.attendance', { from: period?.from ?? '', to: period?.to ?? '' }),
    enabled: Boolean(period),
  });

  return (
    <Page title="Panel attendance" lead="How often someone from the team was at each panel, and who went, over a term or a school year.">
      <PanelsNav />
      {period ? (
        <section aria-labelledby="report-heading" className="card">
          <h2 id="report-heading">{period.label}</h2>
          <Select label="Period" value={period.id} onChange={setChosen} options={periods.map((p) => ({ id: p.id, label: p.label }))} />
          {report.data ? <Report report={report.data} /> : null}
        </section>
      ) : (
        <p>Enter the school year’s term dates in Settings to see attendance by term.</p>
      )}
    </Page>
  );
}
