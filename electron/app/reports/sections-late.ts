/** The report's last sections: escalations, panels and the schools with no contact. */
import { CONCERN_LABELS, CONCERNS, REFERRAL_ANSWERS, REFERRAL_LABELS } from '../../../shared/domain/escalations.ts';
import { LATE_REASON_KIND_LABELS, LATE_REASON_KINDS, NOT_CATEGORISED } from '../../../shared/domain/reason-kinds.ts';
import { shareable, type ReportSection, type ReportTable } from '../../../shared/domain/reports.ts';
import { NOT_CATEGORISED_KEY, type PeriodFacts } from './count.ts';
import { breakdown, byHub, byWorker, columnsFor, countOf, factsOf, percent, summary, type Both, type Figure } from './tables.ts';

const CLOCK: Figure[] = [
  { key: 'escalations.toldWithin24h', label: 'Manager told within 24 hours' },
  { key: 'escalations.toldLate', label: 'Manager told late' },
  { key: 'escalations.notTold.overdue', label: 'Manager not told, 24 hours passed' },
  { key: 'escalations.notTold.inTime', label: 'Manager not told yet, within 24 hours' },
];

/** Count and share of the escalations whose 24 hours are over (told, or overdue): those still within their 24 hours are not judged yet. */
function clockTable(both: Both): ReportTable {
  const judged = (p: PeriodFacts) => countOf(p, 'escalations.raised') - countOf(p, 'escalations.notTold.inTime');
  const cells = (p: PeriodFacts, key: string) => {
    const n = countOf(p, key);
    return [shareable(n, both.share), key === 'escalations.notTold.inTime' ? null : percent(n, judged(p), both.share)];
  };
  const labels = (period: Both['period']) => [`Count, ${period.label.replace(/ \(.*$/, '')}`, `%, ${period.label.replace(/ \(.*$/, '')}`];
  return {
    id: 'escalations-24h',
    title: 'The manager told within 24 hours',
    columns: [...labels(both.period), ...labels(both.previous)],
    percentColumns: [1, 3],
    rows: CLOCK.map((f) => ({ label: f.label, values: [...cells(both.now, f.key), ...cells(both.before, f.key)] })),
    chart: 'bar',
    note: 'As each escalation’s latest entry says (a correction can change when the manager was told). Exactly 24 hours is in time. '
      + 'The % is of the escalations whose 24 hours are over; one still within them is not counted in it.',
  };
}

export function escalationsSection(both: Both): ReportSection {
  const main: Figure[] = [
    { key: 'escalations.raised', label: 'Raised' },
    { key: 'escalations.toldLate', label: 'Manager told late' },
    { key: 'escalations.open', label: 'Open' },
  ];
  return {
    id: 'escalations',
    title: 'Escalations',
    tables: [
      summary(both, 'escalations-concern', 'Escalations raised, by concern', [{ key: 'escalations.raised', label: 'All escalations raised' },
        ...CONCERNS.map((c) => ({ key: `escalations.concern.${c}`, label: CONCERN_LABELS[c] }))],
      'Escalations raised on the days of the period, by their latest entry.'),
      clockTable(both),
      summary(both, 'escalations-late-reasons', 'The manager told late: the reasons', [
        ...LATE_REASON_KINDS.map((k) => ({ key: `escalations.late.reason.${k}`, label: LATE_REASON_KIND_LABELS[k] })),
        { key: `escalations.late.reason.${NOT_CATEGORISED_KEY}`, label: NOT_CATEGORISED },
      ], 'The reason chosen from the list on the escalation’s latest entry. The reasons written in words may name people and never go into a report: the escalation log (printed for audit) holds them.'),
      summary(both, 'escalations-outcomes', 'Outcomes', [
        { key: 'escalations.open', label: 'Open (no outcome closed yet)' },
        { key: 'escalations.closed', label: 'Closed' },
        ...REFERRAL_ANSWERS.map((r) => ({ key: `escalations.referral.${r}`, label: `Referral made: ${REFERRAL_LABELS[r]}` })),
      ]),
      breakdown(both, 'escalations-by-hub', 'Escalations by hub', byHub, main),
      breakdown(both, 'escalations-by-worker', 'Escalations by worker', byWorker(both), main, 'By the school’s named link worker: the log records the school, not which worker of the team dealt with it.'),
    ],
  };
}

/** Meetings, those with someone from the team, and the %, by panel. */
function panelAttendance(both: Both): ReportTable {
  const groups = [...new Set([...factsOf(both.now, 'panels.meetings'), ...factsOf(both.before, 'panels.meetings')].map((f) => f.group ?? ''))].sort();
  const cells = (p: PeriodFacts, group: string | null) => {
    const where = (f: { group?: string }) => group === null || f.group === group;
    const meetings = countOf(p, 'panels.meetings', where);
    const attended = countOf(p, 'panels.attended', where);
    return [shareable(meetings, both.share), shareable(attended, both.share), percent(attended, meetings, both.share)];
  };
  const cols = columnsFor(both, ['Meetings', 'With someone from the team', '% with someone']);
  const ordered = [0, 2, 4, 1, 3, 5].map((i) => cols[i] ?? '');
  return {
    id: 'panels-attendance',
    title: 'Panel meetings with someone from the team',
    columns: ordered,
    percentColumns: [2, 5],
    rows: [null, ...groups].map((group) => ({ label: group ?? 'All panels', values: [...cells(both.now, group), ...cells(both.before, group)] })),
    chart: 'bar',
    note: 'Meetings held (not cancelled) on the days of the period; with someone: at least one of the team recorded as attending. With a hub chosen, the panels of that area.',
  };
}

/** Each person's attendance: meetings attended, apologies sent, and the % attended of the meetings they were asked to. */
function personAttendance(both: Both): ReportTable {
  const byPerson = (p: PeriodFacts, key: string) => {
    const counts = new Map<string | null, number>();
    for (const f of factsOf(p, key)) counts.set(f.worker, (counts.get(f.worker) ?? 0) + 1);
    return counts;
  };
  const [now, before] = [both.now, both.before].map((p) => ({ asked: byPerson(p, 'panels.person.asked'), attended: byPerson(p, 'panels.person.attended'), apologies: byPerson(p, 'panels.person.apologies') }));
  const people = [...new Set([...(now?.asked.keys() ?? []), ...(before?.asked.keys() ?? [])])];
  const cells = (p: typeof now, person: string | null) => {
    const attended = p?.attended.get(person) ?? 0;
    return [shareable(attended, both.share), shareable(p?.apologies.get(person) ?? 0, both.share), percent(attended, p?.asked.get(person) ?? 0, both.share)];
  };
  const cols = columnsFor(both, ['Attended', 'Apologies', '% attended of those asked to']);
  return {
    id: 'panels-people',
    title: 'Panel attendance by person',
    columns: [0, 2, 4, 1, 3, 5].map((i) => cols[i] ?? ''),
    percentColumns: [2, 5],
    rows: people.map((person) => ({ label: both.workerName(person), values: [...cells(now, person), ...cells(before, person)] })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
    chart: 'bar',
    note: 'Asked to: the meetings a person was down for (expected, attended or sent apologies).',
  };
}

export function panelsSection(both: Both): ReportSection {
  const tags = breakdown(both, 'panels-tags', 'Panel tags', (f) => (f.key === 'panels.tag' ? (f.group ?? null) : null), [{ key: 'panels.tag', label: 'Meetings tagged' }],
    'Each tag given to the meetings of the period (in lower case), with the number of meetings given it.');
  return {
    id: 'panels',
    title: 'Panels',
    tables: [
      panelAttendance(both),
      personAttendance(both),
      summary(both, 'panels-themes', 'Themes recorded', [{ key: 'panels.meetings', label: 'Meetings held' }, { key: 'panels.themes', label: 'Meetings with themes recorded' }],
        'The themes are written in words, and words never go into a report: the tags below count them.'),
      { ...tags, chart: 'none' },
    ],
  };
}

export function engagementSection(both: Both): ReportSection {
  const none: Figure[] = [{ key: 'engagement.noContact', label: 'Schools with no visit, consultation or contact' }];
  const schools = [...new Set(factsOf(both.now, 'engagement.noContact').map((f) => `${f.group ?? ''}${f.hub ? ` (${f.hub})` : ''}`))].sort();
  return {
    id: 'engagement',
    title: 'Engagement',
    tables: [
      {
        ...summary(both, 'engagement', 'Schools with no visit, consultation or contact', [{ key: 'engagement.served', label: 'Schools the team serves' }, ...none]),
        rows: [
          { label: 'Schools the team serves', values: [shareable(both.now.schools.length, both.share), shareable(both.before.schools.length, both.share)] },
          { label: none[0]?.label ?? '', values: [shareable(countOf(both.now, 'engagement.noContact'), both.share), shareable(countOf(both.before, 'engagement.noContact'), both.share)] },
        ],
        note: 'Schools the team serves (in scope, open in the period) with no visit held, no consultation and no contact logged in the period.',
      },
      breakdown(both, 'engagement-by-hub', 'Schools with no contact, by hub', byHub, none),
      breakdown(both, 'engagement-by-worker', 'Schools with no contact, by named link worker', byWorker(both), none),
      { id: 'engagement-schools', title: 'The schools with no contact in the period', columns: [], percentColumns: [], rows: schools.map((label) => ({ label, values: [] })), chart: 'none', note: 'School names only (with their hub): schools are not people.' },
    ],
  };
}
