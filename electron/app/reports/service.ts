/**
 * The termly and annual report: a period's figures with the previous period's beside them, for
 * the whole team, one hub or one worker. Counts only: the tables hold figures and labels (hubs,
 * team members, panels, tags, and the names of schools with no contact), never a child's
 * reference, a school contact's name, a summary or a note. How each figure is counted is said
 * in the table's note and in docs/user-guide.md ("Reports").
 */
import type { ReportHeadline, ReportQuery, ReportSection, TeamReport } from '../../../shared/domain/reports.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { getTeam } from '../team/service.ts';
import { CANCELLED_REASON_KINDS, LATE_REASON_KINDS } from '../../../shared/domain/reason-kinds.ts';
import { countPeriod, NOT_CATEGORISED_KEY, type PeriodFacts } from './count.ts';
import { periodOf, previousPeriodOf } from './periods.ts';
import { selectTeamMembers, selectYearsWithTerms } from './repo.ts';
import { countOf, type Both } from './tables.ts';
import { engagementSection, escalationsSection, panelsSection } from './sections-late.ts';
import { childrenSection, consultationsSection, contactsSection, proFormasSection, visitsSection } from './sections.ts';

export function buildReport(db: Connection, query: ReportQuery, today: string): TeamReport {
  const calendar = selectYearsWithTerms(db);
  const period = periodOf(calendar, query.year, query.term ?? null);
  const previous = previousPeriodOf(calendar, period);
  const members = new Map(selectTeamMembers(db).map((p) => [p.id, p.name]));
  if (query.workerId && !members.has(query.workerId)) {
    throw new AppError('invalid_input', 'There is no such worker in the team.', { issues: [{ path: 'workerId', message: 'Choose a worker of the team' }] });
  }
  const both: Both = {
    now: countPeriod(db, query, period, today),
    before: countPeriod(db, query, previous, today),
    period,
    previous,
    share: query.share,
    workerName: (id) => (id ? (members.get(id) ?? 'A former worker') : 'No named worker'),
  };
  const sections: ReportSection[] = [
    visitsSection(both),
    proFormasSection(both),
    childrenSection(both),
    consultationsSection(both),
    contactsSection(both),
    escalationsSection(both),
    panelsSection(both),
    engagementSection(both),
  ];
  return {
    team: getTeam(db).settings.teamName,
    query,
    period,
    previous,
    generatedOn: today,
    marking: 'OFFICIAL',
    shared: query.share,
    filters: [...(query.hub ? [`Hub: ${query.hub}`] : []), ...(query.workerId ? [`Worker: ${both.workerName(query.workerId)}`] : [])],
    headline: headlineOf(both.now),
    previousHeadline: headlineOf(both.before),
    sections,
  };
}

function byReason<K extends string>(p: PeriodFacts, prefix: string, kinds: readonly K[]): Record<K | typeof NOT_CATEGORISED_KEY, number> {
  const counts = Object.fromEntries([...kinds, NOT_CATEGORISED_KEY].map((k) => [k, countOf(p, `${prefix}.${k}`)]));
  return counts as Record<K | typeof NOT_CATEGORISED_KEY, number>;
}

/** The headline figures, always plain counts (the team's own, and `linkdesk report --json`). */
export function headlineOf(p: PeriodFacts): ReportHeadline {
  const n = (key: string) => countOf(p, key);
  return {
    visits: { planned: n('visits.planned'), held: n('visits.held'), cancelled: n('visits.cancelled'), missing: n('visits.missing') },
    proFormas: { sentOnTime: n('proFormas.sentOnTime'), sentLate: n('proFormas.sentLate'), returnedOnTime: n('proFormas.returnedOnTime'), returnedLate: n('proFormas.returnedLate') },
    children: {
      reviewed: n('children.reviewed'),
      statutory: n('children.statutory.yes'),
      earlyHelp: n('children.earlyHelp.yes'),
      managedMovesRequested: n('children.managedMoves.internal') + n('children.managedMoves.external'),
      managedMovesAgreed: n('children.managedMovesAgreed'),
      alternativeProvision: n('children.alternativeProvision'),
      suspensionsNotNotified: n('children.suspensionsNotNotified'),
    },
    consultations: { held: n('consultations.held'), withNurse: n('consultations.withNurse'), schoolsWithNone: n('consultations.schoolsWithNone') },
    contacts: { total: n('contacts.total') },
    escalations: { raised: n('escalations.raised'), toldWithin24h: n('escalations.toldWithin24h'), toldLate: n('escalations.toldLate'), open: n('escalations.open') },
    panels: { meetings: n('panels.meetings'), attended: n('panels.attended') },
    schoolsWithNoContact: n('engagement.noContact'),
    visitsCancelledByReason: byReason(p, 'visits.cancelled.reason', CANCELLED_REASON_KINDS),
    toldLateByReason: byReason(p, 'escalations.late.reason', LATE_REASON_KINDS),
  };
}

