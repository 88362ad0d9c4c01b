/**
 * The dashboard: pro formas to send and not back, visits to agree, visits held without a
 * record, and contact follow-ups, each as overdue (its day has passed) or this week (due in
 * the next seven days). A visit still to agree is due when its term starts. Actions from visit
 * records show from their date for sixty days: the record holds no "done" for them yet.
 * Open escalations show until closed; one whose manager has not been told is overdue the minute
 * its 24 clock hours pass. Panel meetings this week with nobody from the team show too.
 */
import type { Dashboard, DashboardItem } from '../../../shared/domain/dashboard.ts';
import { deadlinesFor } from '../../../shared/domain/visits.ts';
import { CONCERN_LABELS } from '../../../shared/domain/escalations.ts';
import { formatSpan, londonInstant } from '../../../shared/domain/london-time.ts';
import { panelTitle } from '../../../shared/domain/panels.ts';
import { listEscalations } from '../escalations/service.ts';
import { uncoveredMeetings } from '../panels/service.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import { listYears, workingCalendar } from '../calendar/service.ts';
import { selectOpenFollowUps } from '../contacts/repo.ts';
import { selectVisitRecordsWithVisit } from '../records/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { selectVisitsWithStatus } from '../visits/repo.ts';

export function dashboard(db: Connection, today: string, now: Date = londonInstant(`${today}T12:00`)): Dashboard {
  const weekEnd = addDays(today, 7);
  const items: DashboardItem[] = [];
  const years = listYears(db);
  const visitLink = (v: { urn: string; yearLabel: string; term: string }) => `/visits/${v.urn}/${v.yearLabel}/${v.term}`;

  for (const v of selectVisitsWithStatus(db, ['agreed', 'pro_forma_sent', 'held', 'to_be_agreed'])) {
    if (v.status === 'held') {
      items.push({ kind: 'held_without_record', school: v.schoolName, urn: v.urn, due: v.heldOn ? addDays(v.heldOn, 7) : null, detail: `Held ${v.heldOn ? formatDate(v.heldOn) : ''}`, link: visitLink(v) });
      continue;
    }
    if (v.status === 'to_be_agreed') {
      const term = years.find((y) => y.label === v.yearLabel)?.terms.find((t) => t.name === v.term);
      if (term && term.startsOn <= weekEnd && term.endsOn >= today) {
        items.push({ kind: 'visit_to_agree', school: v.schoolName, urn: v.urn, due: term.startsOn, detail: `The ${v.term} term visit has no date`, link: visitLink(v) });
      }
      continue;
    }
    if (!v.date) continue;
    const { sendProForma, proFormaDue } = deadlinesFor(workingCalendar(db, v.urn), v.date);
    if (v.status === 'agreed' && sendProForma <= weekEnd) {
      items.push({ kind: 'send_pro_forma', school: v.schoolName, urn: v.urn, due: sendProForma, detail: `Visit on ${formatDate(v.date)}`, link: visitLink(v) });
    }
    if (v.status === 'pro_forma_sent' && proFormaDue <= weekEnd) {
      items.push({ kind: 'pro_forma_not_back', school: v.schoolName, urn: v.urn, due: proFormaDue, detail: `Visit on ${formatDate(v.date)}`, link: visitLink(v) });
    }
  }
  for (const r of selectVisitRecordsWithVisit(db)) {
    for (const child of r.data.children) {
      if (!child.byWhen || child.byWhen > weekEnd || child.byWhen < addDays(today, -60)) continue;
      items.push({
        kind: 'action_due', school: r.schoolName, urn: r.urn, due: child.byWhen,
        detail: `${child.child.initials} Y${child.child.yearGroup}: ${child.action ?? ''}${child.who ? ` (${child.who})` : ''}`,
        link: `/visits/${r.urn}/${r.yearLabel}/${r.term}/record`,
      });
    }
  }
  for (const c of selectOpenFollowUps(db, weekEnd)) {
    items.push({ kind: 'follow_up_due', school: c.schoolName, urn: c.urn, due: c.followUpDue, detail: c.followUp ?? '', link: `/schools/${c.urn}` });
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
  return { today, thisWeek, overdue };
}
