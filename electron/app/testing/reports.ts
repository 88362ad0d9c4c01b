/** A TeamReport built by hand, for the exports' tests: they render a report and never count. */
import { shareable, type ReportHeadline, type ReportSection, type TeamReport } from '../../../shared/domain/reports.ts';

export function aHeadline(scale = 1): ReportHeadline {
  const n = (v: number) => v * scale;
  return {
    visits: { planned: n(40), held: n(31), cancelled: n(3), missing: n(6) },
    proFormas: { sentOnTime: n(28), sentLate: n(3), returnedOnTime: n(22), returnedLate: n(7) },
    children: { reviewed: n(118), statutory: n(9), earlyHelp: n(14), managedMovesRequested: n(5), managedMovesAgreed: n(2), alternativeProvision: n(4), suspensionsNotNotified: n(1) },
    consultations: { held: n(17), withNurse: n(6), schoolsWithNone: n(23) },
    contacts: { total: n(212) },
    escalations: { raised: n(12), toldWithin24h: n(10), toldLate: n(2), open: n(3) },
    panels: { meetings: n(8), attended: n(7) },
    schoolsWithNoContact: n(4),
    visitsCancelledByReason: { school_request: n(1), school_closure: n(1), worker_unavailable: n(0), moved_to_next_term: n(1), no_longer_needed: n(0), other: n(0), notCategorised: n(0) },
    toldLateByReason: { out_of_hours: n(1), manager_unavailable: n(1), worker_absent: n(0), system_problem: n(0), other: n(0), notCategorised: n(0) },
  };
}

const NOW = 'Autumn term 2026-27';
const BEFORE = 'Summer term 2025-26';
/** Columns as the service names them: each figure of this period, then of the previous one. */
const paired = (...figures: string[]) => figures.flatMap((f) => [`${f}, ${NOW}`, `${f}, ${BEFORE}`]);

/** Counts as the service gives them: hidden when 1-4 in a shared report. */
function sections(share: boolean): ReportSection[] {
  const v = (count: number) => shareable(count, share);
  return [
    {
      id: 'visits',
      title: 'Visits',
      tables: [
        {
          id: 'visits-by-hub', title: 'Visits by hub', columns: paired('Planned', 'Held', 'Cancelled'), percentColumns: [], chart: 'bar',
          rows: [
            { label: 'North', values: [v(22), v(20), v(18), v(15), v(1), v(3)] },
            { label: 'South & Coast', values: [v(18), v(16), v(13), v(11), v(2), v(0)] },
          ],
          note: 'A visit is missing when its term has ended and it was neither held nor cancelled.',
        },
        {
          id: 'visits-cancelled-by-reason', title: 'Visits cancelled, by reason', columns: [NOW, BEFORE], percentColumns: [], chart: 'bar',
          rows: [{ label: 'School closed <snow>', values: [v(2), v(0)] }, { label: 'Worker ill', values: [v(1), v(7)] }],
        },
      ],
    },
    {
      id: 'escalations',
      title: 'Escalations',
      tables: [
        {
          id: 'escalations-24h', title: 'The manager told within 24 hours', columns: [`Count, ${NOW}`, `%, ${NOW}`, `Count, ${BEFORE}`, `%, ${BEFORE}`], percentColumns: [1, 3], chart: 'bar',
          rows: [{ label: 'Manager told within 24 hours', values: [v(10), 83, v(9), 90] }, { label: 'Manager told late', values: [v(2), 17, v(1), 10] }],
        },
        { id: 'escalations-outcomes', title: 'Outcomes', columns: [NOW, BEFORE], percentColumns: [], chart: 'bar', rows: [] },
      ],
    },
    {
      id: 'engagement',
      title: 'Engagement',
      tables: [
        { id: 'engagement', title: 'Schools with no visit, consultation or contact', columns: [NOW, BEFORE], percentColumns: [], chart: 'bar', rows: [{ label: 'Schools with no visit, consultation or contact', values: [v(4), null] }] },
        { id: 'engagement-schools', title: 'The schools with no contact in the period', columns: [], percentColumns: [], chart: 'none', rows: [{ label: 'Hillside Primary (North)', values: [] }], note: 'School names only (with their hub): schools are not people.' },
      ],
    },
  ];
}

export function aReport(overrides: { share?: boolean; term?: 'autumn' | null } = {}): TeamReport {
  const share = overrides.share ?? false;
  const term = overrides.term === undefined ? 'autumn' : overrides.term;
  return {
    team: 'Northshire Dedicated Schools Team',
    query: { year: '2026-27', ...(term ? { term } : {}), hub: 'North', share },
    period: term
      ? { label: `${NOW} (1 Sep 2026 to 4 Jan 2027)`, year: '2026-27', term, from: '2026-09-01', to: '2027-01-04', inCalendar: true }
      : { label: 'School year 2026-27 (1 Sep 2026 to 31 Aug 2027)', year: '2026-27', term: null, from: '2026-09-01', to: '2027-08-31', inCalendar: true },
    previous: term
      ? { label: `${BEFORE} (13 Apr 2026 to 31 Aug 2026)`, year: '2025-26', term: 'summer', from: '2026-04-13', to: '2026-08-31', inCalendar: true }
      : { label: 'School year 2025-26 (1 Sep 2025 to 31 Aug 2026)', year: '2025-26', term: null, from: '2025-09-01', to: '2026-08-31', inCalendar: true },
    generatedOn: '2026-12-02',
    marking: 'OFFICIAL',
    shared: share,
    filters: ['Hub: North'],
    headline: aHeadline(),
    previousHeadline: aHeadline(2),
    sections: sections(share),
  };
}
