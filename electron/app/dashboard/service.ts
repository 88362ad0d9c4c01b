/**
 * The dashboard: pro formas to send and not back, visits to agree, visits held without a
 * record, and contact follow-ups, each as overdue (its day has passed) or this week (due in
 * the next seven days). A visit still to agree is due when its term starts. Actions from visit
 * records show from their date for sixty days: the record holds no "done" for them yet.
 */
import type { Dashboard, DashboardItem } from '../../../shared/domain/dashboard.ts';
import { deadlinesFor } from '../../../shared/domain/visits.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import { listYears, workingCalendar } from '../calendar/service.ts';
import { selectOpenFollowUps } from '../contacts/repo.ts';
import { selectVisitRecordsWithVisit } from '../records/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { selectVisitsWithStatus } from '../visits/repo.ts';

export function dashboard(db: Connection, today: string): Dashboard {
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
  const byDue = (a: DashboardItem, b: DashboardItem) => (a.due ?? '').localeCompare(b.due ?? '') || a.school.localeCompare(b.school);
  const overdue = items.filter((i) => i.due !== null && i.due < today).sort(byDue);
  const thisWeek = items.filter((i) => i.due === null || i.due >= today).sort(byDue);
  return { today, thisWeek, overdue };
}
