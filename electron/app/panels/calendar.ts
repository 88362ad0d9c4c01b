/** Panel meetings as calendar events, for the team's .ics export beside the visits. */
import { PANEL_TYPE_LABELS, panelTitle, type Panel } from '../../../shared/domain/panels.ts';
import type { CalendarEvent } from '../calendar/ics.ts';
import type { Connection } from '../db/cipher.ts';
import { selectMeetingsBetween, selectPanel } from './repo.ts';

export function panelEvents(db: Connection, from: string, to: string): CalendarEvent[] {
  // Each panel read once, however many of its meetings fall in the range.
  const panels = new Map<string, Panel | undefined>();
  const panelOf = (id: string) => {
    if (!panels.has(id)) panels.set(id, selectPanel(db, id));
    return panels.get(id);
  };
  return selectMeetingsBetween(db, from, to)
    .filter((m) => !m.cancelled)
    .map((m) => {
      const panel = panelOf(m.panelId);
      const who = m.attendance.filter((a) => a.response !== 'apologies').map((a) => a.personName);
      const details = [
        panel ? `${PANEL_TYPE_LABELS[panel.type]}, ${m.area} area.` : `${m.area} area.`,
        m.time ? `Starts at ${m.time}.` : '',
        panel?.location ? `At ${panel.location}.` : '',
        who.length ? `From the team: ${who.join(', ')}.` : 'Nobody from the team yet.',
      ];
      return {
        uid: `panel-${m.id}@linkdesk`,
        date: m.date,
        summary: `Panel: ${panelTitle({ name: m.panelName, area: m.area })}`,
        description: details.filter(Boolean).join(' '),
        lastModified: m.updatedAt,
      };
    });
}
