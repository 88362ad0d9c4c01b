import type { ReportHeadline, TeamReport } from '../../../../shared/domain/reports.ts';
import { periodName } from './reportValues.ts';

interface Figure {
  label: string;
  value: (h: ReportHeadline) => string;
  detail?: (h: ReportHeadline) => string;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** The four figures a head of service asks for first; every other figure is in the sections below. */
const FIGURES: Figure[] = [
  { label: 'Visits held', value: (h) => `${count(h.visits.held)} of ${count(h.visits.planned)} planned`, detail: (h) => `${count(h.visits.cancelled)} cancelled, ${count(h.visits.missing)} missing` },
  {
    label: 'Escalations: manager told within 24 hours',
    value: (h) => `${count(h.escalations.toldWithin24h)} of ${count(h.escalations.raised)} raised`,
    detail: (h) => `${count(h.escalations.toldLate)} told late, ${count(h.escalations.open)} open`,
  },
  { label: 'Consultations held', value: (h) => count(h.consultations.held), detail: (h) => `${count(h.consultations.withNurse)} with the school nurse team` },
  { label: 'Schools with no contact', value: (h) => count(h.schoolsWithNoContact), detail: () => 'No visit, consultation or contact in the period' },
];

/** The headline figures of the period, each with the previous period's beside it. */
export function ReportHeadlineView({ report }: { report: TeamReport }) {
  return (
    <section aria-labelledby="headline-heading" className="card">
      <h2 id="headline-heading">At a glance</h2>
      <ul className="headline">
        {FIGURES.map((f) => (
          <li key={f.label} className="headline-figure">
            <p className="headline-label">{f.label}</p>
            <p className="headline-value">{f.value(report.headline)}</p>
            {f.detail ? <p className="headline-detail">{f.detail(report.headline)}</p> : null}
            <p className="headline-previous">
              {periodName(report.previous)}: {report.previous.inCalendar ? f.value(report.previousHeadline) : 'not in the calendar'}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
