/** The team's visits, pro forma deadlines and panel meetings as an .ics file for Outlook. */
import { TERM_LABELS } from '../../../shared/domain/calendar.ts';
import { AppError } from '../../../shared/errors.ts';
import { addDays, formatDate } from '../../../shared/format.ts';
import { buildIcs, type CalendarEvent } from '../calendar/ics.ts';
import { proFormaDeadlines } from '../calendar/service.ts';
import { checkOutputTarget, writeOutputFile, type OutputTarget } from '../files/output-path.ts';
import type { Connection } from '../db/cipher.ts';
import { panelEvents } from '../panels/calendar.ts';
import { getTeam } from '../team/service.ts';
import { selectDatedVisits } from './repo.ts';

export function visitEvents(db: Connection, from: string, to: string): CalendarEvent[] {
  // Deadlines fall up to three weeks before a visit: look that far beyond the range for visits.
  const visits = selectDatedVisits(db, from, addDays(to, 28));
  const events: CalendarEvent[] = [];
  const deadlines = proFormaDeadlines(db, visits.flatMap((v) => (v.date ? [v.date] : [])));
  for (const v of visits) {
    if (!v.date) continue;
    const term = `${TERM_LABELS[v.term]} ${v.yearLabel}`;
    const { sendProForma, proFormaDue } = deadlines(v.urn, v.date);
    const candidates: CalendarEvent[] = [
      { uid: `visit-${v.id}@linkdesk`, date: v.date, summary: `SPOC visit: ${v.schoolName}`, description: `${term} SPOC visit (URN ${v.urn}).`, lastModified: v.updatedAt },
      { uid: `proforma-send-${v.id}@linkdesk`, date: sendProForma, summary: `Send pro forma: ${v.schoolName}`, description: `SPOC Visit Pro Forma for the visit on ${formatDate(v.date ?? '')}.`, lastModified: v.updatedAt },
      { uid: `proforma-due-${v.id}@linkdesk`, date: proFormaDue, summary: `Pro forma due back: ${v.schoolName}`, description: `The school returns the pro forma for the visit on ${formatDate(v.date ?? '')}.`, lastModified: v.updatedAt },
    ];
    events.push(...candidates.filter((e) => e.date >= from && e.date <= to));
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary));
}

/** Writes the calendar through the one writer: never over the database, nor over a file unless asked. */
export function exportCalendar(db: Connection, out: Omit<OutputTarget, 'kind'>, from: string, to: string, now: Date): { path: string; events: number } {
  if (to < from) throw new AppError('invalid_input', 'The end of the range is before its start.', { issues: [{ path: 'to', message: 'Before the start' }] });
  const target: OutputTarget = { ...out, kind: 'calendar' };
  checkOutputTarget(target);
  const events = [...visitEvents(db, from, to), ...panelEvents(db, from, to)].sort((a, b) => a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary));
  const text = buildIcs(events, `${getTeam(db).settings.teamName}: visits and panels`, now);
  return { path: writeOutputFile(target, text), events: events.length };
}
