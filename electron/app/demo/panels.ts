/** The demo team's panels: a term of meetings with attendance, apologies, gaps and notes. */
import { termOn } from '../../../shared/domain/calendar.ts';
import { GenerateMeetingsInput, PanelInput, RecordMeetingInput, type Response } from '../../../shared/domain/panels.ts';
import { isWeekend } from '../../../shared/domain/working-days.ts';
import { addDays, localDay } from '../../../shared/format.ts';
import { listYears } from '../calendar/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { addMeeting, generateMeetings, panelDetail, recordMeeting, savePanel } from '../panels/service.ts';
import type { DemoRegister } from './register.ts';

const PANELS = [
  { name: 'Pupil Placement Panel', type: 'pupil_placement', area: 'North', everyWeeks: 4, usualTime: '09:30', location: 'North Hub, Meeting Room 2', weekOffset: 0 },
  { name: 'Pupil Placement Panel', type: 'pupil_placement', area: 'Central', everyWeeks: 4, usualTime: '13:30', location: 'County Hall', weekOffset: 1 },
  { name: 'Pupil Placement Panel', type: 'pupil_placement', area: 'Coastal', everyWeeks: 4, usualTime: '10:00', location: 'Teams', weekOffset: 2 },
  { name: 'Pupil Placement Panel', type: 'pupil_placement', area: 'Rural West', everyWeeks: 4, usualTime: '14:00', location: 'Teams', weekOffset: 3 },
  { name: 'Behaviour Forum', type: 'behaviour_forum', area: 'Central', everyWeeks: 2, usualTime: '15:45', location: 'Brindle Primary School', weekOffset: 0 },
] as const;

const THEMES = [
  { notes: 'Four Fair Access cases; two placed at the first preference school.', themes: 'More Year 9 pupils with emotionally based school avoidance.', tags: ['ebsa', 'year 9'] },
  { notes: 'Three cases; one deferred for an Early Help assessment.', themes: 'Managed moves breaking down within six weeks.', tags: ['managed moves'] },
  { notes: 'Two cases; both agreed.', themes: 'Primary to secondary transition worries in Year 6.', tags: ['transition', 'year 6'] },
];

export function seedDemoPanels(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  const today = localDay(db.now());
  const years = listYears(db.db);
  // The term holding today, or the demo year's autumn term when today is outside it.
  const current = termOn(years, today)?.term ?? years[0]?.terms[0];
  if (!current) return;
  const people = register.people.filter((p) => p.role === 'fsw' || p.role === 'team_manager');
  let turn = 0;

  for (const [index, spec] of PANELS.entries()) {
    const { weekOffset, ...fields } = spec;
    const panel = savePanel(ctx, PanelInput.parse(fields));
    let from = addDays(current.startsOn, weekOffset * 7 + index);
    while (isWeekend(from)) from = addDays(from, 1);
    generateMeetings(ctx, GenerateMeetingsInput.parse({ panelId: panel.id, from, until: current.endsOn }));
    for (const meeting of panelDetail(db.db, panel.id).meetings) {
      turn++;
      const person = people[turn % people.length];
      const other = people[(turn + 3) % people.length];
      if (!person || !other) continue;
      const past = meeting.date < today;
      // Every fifth meeting has nobody from the team, so the gaps show on the Panels screen.
      const attendance: { personId: string; response: Response }[] =
        turn % 5 === 0 ? [] : past ? [{ personId: person.id, response: 'attended' }, ...(turn % 3 === 0 ? [{ personId: other.id, response: 'apologies' as const }] : [])] : [{ personId: person.id, response: 'expected' }];
      const themes = THEMES[turn % THEMES.length];
      recordMeeting(ctx, RecordMeetingInput.parse({ id: meeting.id, attendance, ...(past && themes ? themes : { tags: [] }) }));
    }
  }
  const reintegration = savePanel(ctx, PanelInput.parse({ name: 'Reintegration panel', type: 'reintegration', area: 'Coastal', everyWeeks: null, location: 'Seaview Pupil Referral Unit' }));
  addMeeting(ctx, { panelId: reintegration.id, date: addDays(today, 2), time: '11:00' });
}
