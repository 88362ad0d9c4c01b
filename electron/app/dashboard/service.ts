/**
 * The dashboard: pro formas to send and not back, visits to agree, visits held without a
 * record, and contact follow-ups, each as overdue (its day has passed) or this week (due in
 * the next seven days). Every open school in the team's scope whose visit of the current term
 * has no date (none planned, or one still to be agreed) is a visit to agree, due at the end of
 * the week of term the team chose (setting `visitAgreeByWeek`). Visit items leave out schools
 * outside the team's scope; follow-ups, actions and escalations someone recorded stay. Every open
 * action of the action list with a due day shows (visit records, consultations, contact follow-ups,
 * escalation outcomes to chase) until someone marks it done, however long ago it fell due.
 * Open escalations show until closed; one whose manager has not been told is overdue the minute
 * its 24 clock hours pass. Panel meetings this week with nobody from the team show too, and the
 * workers due to make their annual declaration of connections (one look-up per active worker).
 *
 * Every list is read through an index of open work (visits by status, the open actions, open escalations, meetings by date), and the working-day calendar is
 * built once, so the cost follows what is on the dashboard, not the years of records behind it.
 */
import { ACTION_KINDS, DASHBOARD_ACTIONS, type Dashboard, type DashboardItem } from '../../../shared/domain/dashboard.ts';
import { CONCERN_LABELS } from '../../../shared/domain/escalations.ts';
import { formatSpan, londonInstant } from '../../../shared/domain/london-time.ts';
import { panelTitle } from '../../../shared/domain/panels.ts';
import { listEscalations } from '../escalations/service.ts';
import { uncoveredMeetings } from '../panels/service.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import { lastBankHoliday, listYears, proFormaDeadlines } from '../calendar/service.ts';
import { bankHolidaysWarning } from '../../../shared/domain/calendar.ts';
import { countOpenActionsDue, selectOpenActionsDueBy } from '../actions/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { agreeVisitBy } from '../../../shared/domain/visits.ts';
import { DASHBOARD_DECLARATIONS } from '../../../shared/domain/declarations.ts';
import { declarationsDue } from '../declarations/service.ts';
import { getTeam } from '../team/service.ts';
import { selectVisitsToAgree, selectVisitsWithStatus } from '../visits/repo.ts';

export function dashboard(db: Connection, today: string, now: Date = londonInstant(`${today}T12:00`)): Dashboard {
  const weekEnd = addDays(today, 7);
  const items: DashboardItem[] = [];
  const years = listYears(db);
  const visitLink = (v: { urn: string; yearLabel: string; term: string }) => `/visits/${v.urn}/${v.yearLabel}/${v.term}`;

  const agreeByWeek = getTeam(db).settings.visitAgreeByWeek;
  for (const year of years) {
    for (const term of year.terms) {
      if (term.startsOn > weekEnd || term.endsOn < today) continue;
      const due = agreeVisitBy(term, agreeByWeek);
      if (due > weekEnd) continue;
      for (const s of selectVisitsToAgree(db, year.label, term.name)) {
        const detail = s.status ? `The ${term.name} term visit has no date yet` : `No ${term.name} term visit planned`;
        items.push({ kind: 'visit_to_agree', school: s.name, urn: s.urn, due, detail, link: visitLink({ urn: s.urn, yearLabel: year.label, term: term.name }) });
      }
    }
  }

  const open = selectVisitsWithStatus(db, ['agreed', 'pro_forma_sent', 'held']);
  const deadlines = proFormaDeadlines(db, open.flatMap((v) => (v.date && (v.status === 'agreed' || v.status === 'pro_forma_sent') ? [v.date] : [])));
  for (const v of open) {
    if (v.status === 'held') {
      items.push({ kind: 'held_without_record', school: v.schoolName, urn: v.urn, due: v.heldOn ? addDays(v.heldOn, 7) : null, detail: `Held ${v.heldOn ? formatDate(v.heldOn) : ''}`, link: visitLink(v) });
      continue;
    }
    if (!v.date) continue;
    const { sendProForma, proFormaDue } = deadlines(v.urn, v.date);
    if (v.status === 'agreed' && sendProForma <= weekEnd) {
      items.push({ kind: 'send_pro_forma', school: v.schoolName, urn: v.urn, due: sendProForma, detail: `Visit on ${formatDate(v.date)}`, link: visitLink(v) });
    }
    if (v.status === 'pro_forma_sent' && proFormaDue <= weekEnd) {
      items.push({ kind: 'pro_forma_not_back', school: v.schoolName, urn: v.urn, due: proFormaDue, detail: `Visit on ${formatDate(v.date)}`, link: visitLink(v) });
    }
  }
  // Every open action with a day, however long ago, leaves the dashboard only when it is done; the
  // longest overdue are listed and the rest counted, so the cost is a page, not the years behind it.
  const actions = selectOpenActionsDueBy(db, weekEnd, DASHBOARD_ACTIONS);
  const actionsDue = countOpenActionsDue(db, today, weekEnd);
  const listedOverdue = actions.filter((a) => a.dueOn !== null && a.dueOn < today).length;
  const moreActions = { overdue: actionsDue.overdue - listedOverdue, thisWeek: actionsDue.thisWeek - (actions.length - listedOverdue) };
  for (const a of actions) {
    const detail = a.source === 'visit_record' ? `${a.about ?? ''}: ${a.text}${a.who ? ` (${a.who})` : ''}` : a.text;
    items.push({ kind: ACTION_KINDS[a.source], school: a.schoolName, urn: a.urn, due: a.dueOn, detail, link: a.link, actionId: a.id, owner: a.ownerName });
  }
  for (const e of listEscalations(db, now, 'open')) {
    const { current, clock } = e;
    const link = `/escalations/${current.escalationId}`;
    if (clock.state === 'awaiting_manager' || clock.state === 'overdue') {
      const left = clock.state === 'overdue' ? `overdue by ${formatSpan(clock.minutesLeft)}` : `${formatSpan(clock.minutesLeft)} left`;
      items.push({ kind: 'manager_not_told', school: current.schoolName, urn: current.urn, due: clock.deadline.slice(0, 10), detail: `${CONCERN_LABELS[current.concern]}: ${left}`, link, overdue: clock.state === 'overdue' });
    } else {
      items.push({ kind: 'escalation_open', school: current.schoolName, urn: current.urn, due: null, detail: `${CONCERN_LABELS[current.concern]}, raised ${formatDate(current.raisedAt.slice(0, 10))}`, link });
    }
  }
  for (const m of uncoveredMeetings(db, today, weekEnd)) {
    items.push({ kind: 'panel_nobody', school: panelTitle({ name: m.panelName, area: m.area }), urn: '', due: m.date, detail: m.time ? `at ${m.time}` : '', link: `/panels/${m.panelId}/meetings/${m.id}` });
  }
  const byDue = (a: DashboardItem, b: DashboardItem) => (a.due ?? '').localeCompare(b.due ?? '') || a.school.localeCompare(b.school);
  const isOverdue = (i: DashboardItem) => i.overdue ?? (i.due !== null && i.due < today);
  const overdue = items.filter(isOverdue).sort(byDue);
  const thisWeek = items.filter((i) => !isOverdue(i)).sort(byDue);
  const declarations = declarationsDue(db, today);
  return {
    today, thisWeek, overdue, bankHolidayWarning: bankHolidaysWarning(lastBankHoliday(db), today), moreActions,
    declarationsDue: declarations.slice(0, DASHBOARD_DECLARATIONS), moreDeclarationsDue: Math.max(0, declarations.length - DASHBOARD_DECLARATIONS),
  };
}
