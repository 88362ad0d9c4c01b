import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AddMeetingInput, GenerateMeetingsInput, PanelInput, RecordMeetingInput, UpdateMeetingInput } from '../../../shared/domain/panels.ts';
import { saveYear } from '../calendar/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { aTeamDatabase, tempDir, refusalOf } from '../testing/builders.ts';
import { aPerson } from '../testing/people-builders.ts';
import { exportCalendar } from '../visits/export.ts';
import { dashboard } from '../dashboard/service.ts';
import { addMeeting, attendanceReport, generateMeetings, panelDetail, recordMeeting, savePanel, uncoveredMeetings, updateMeeting } from './service.ts';

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  saveYear(db.writeContext, DEMO_YEAR);
  const panel = savePanel(db.writeContext, PanelInput.parse({ name: 'Pupil Placement Panel', type: 'pupil_placement', area: 'North', everyWeeks: 4, usualTime: '09:30', location: 'County Hall' }));
  return { db, panel };
}

const refusal = refusalOf;

describe('panels', () => {
  it('plans a term of meetings, shows them on a dry run first, and does not add a slot twice', () => {
    const { db, panel } = setUp();
    const input = GenerateMeetingsInput.parse({ panelId: panel.id, from: '2026-09-07', until: '2026-12-18', dryRun: true });
    expect(generateMeetings(db.writeContext, input).dates).toEqual(['2026-09-07', '2026-10-05', '2026-11-09', '2026-12-07']);
    expect(panelDetail(db.db, panel.id).meetings).toEqual([]);
    generateMeetings(db.writeContext, { ...input, dryRun: false });
    const meetings = panelDetail(db.db, panel.id).meetings;
    expect(meetings.map((m) => [m.date, m.time])).toEqual([['2026-09-07', '09:30'], ['2026-10-05', '09:30'], ['2026-11-09', '09:30'], ['2026-12-07', '09:30']]);

    // Move one and cancel another: planning the year again keeps them and adds only the new slots.
    const [, second, third] = meetings;
    updateMeeting(db.writeContext, UpdateMeetingInput.parse({ id: second?.id, date: '2026-10-06', time: '14:00', cancelled: false }));
    updateMeeting(db.writeContext, UpdateMeetingInput.parse({ id: third?.id, date: '2026-11-09', cancelled: true, cancelledReason: 'No Fair Access cases' }));
    const again = generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2026-09-07', until: '2027-01-31' }));
    expect(again.kept).toEqual(['2026-09-07', '2026-10-05', '2026-11-09', '2026-12-07']);
    expect(again.dates).toEqual(['2027-01-18']);
    const after = panelDetail(db.db, panel.id).meetings;
    expect(after.map((m) => `${m.date}${m.cancelled ? ' cancelled' : ''}`)).toEqual(['2026-09-07', '2026-10-06', '2026-11-09 cancelled', '2026-12-07', '2027-01-18']);
    expect(after[1]?.slot).toBe('2026-10-05');
  });

  it('refuses to plan beyond the school years entered, or a panel with no cadence', () => {
    const { db, panel } = setUp();
    const beyond = refusal(() => generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2026-09-07', until: '2027-09-30' })));
    expect(beyond.message).toContain('No school year entered covers 23 Jul 2027 to 30 Sep 2027');
    const adHoc = savePanel(db.writeContext, PanelInput.parse({ name: 'Reintegration panel', type: 'reintegration', area: 'Coastal', everyWeeks: null }));
    expect(refusal(() => generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: adHoc.id, from: '2026-09-07', until: '2026-10-30' }))).message).toContain('has no cadence');
    expect(refusal(() => savePanel(db.writeContext, PanelInput.parse({ name: 'pupil placement panel', type: 'other', area: 'north', everyWeeks: 2 }))).message).toContain('already a panel');
    expect(panelDetail(db.db, panel.id).meetings).toEqual([]);
  });

  it('keeps the count of term weeks from the first meeting when planning again later, and refuses a weekend first date', () => {
    const { db, panel } = setUp();
    generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2026-09-07', until: '2026-12-18' }));
    // Planning the spring term later, from a Wednesday in the holidays: still every fourth term week, on Mondays.
    const spring = generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2026-12-23', until: '2027-03-26' }));
    expect(spring.dates).toEqual(['2027-01-18', '2027-02-22', '2027-03-22']);
    expect(generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2026-09-07', until: '2027-03-26', dryRun: true })).dates).toEqual([]);
    const weekend = refusal(() => generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2027-04-17', until: '2027-07-22', restart: true })));
    expect(weekend.message).toContain('is a weekend');
    const restarted = generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2027-04-14', until: '2027-05-31', restart: true }));
    expect(restarted.dates).toEqual(['2027-04-14', '2027-05-12']);
  });

  it('warns when a meeting is added on a day out of term', () => {
    const { db, panel } = setUp();
    expect(addMeeting(db.writeContext, AddMeetingInput.parse({ panelId: panel.id, date: '2026-10-28' })).warnings).toEqual(['28 Oct 2026 is in the school holidays.']);
    expect(addMeeting(db.writeContext, AddMeetingInput.parse({ panelId: panel.id, date: '2026-12-25' })).warnings).toEqual(['25 Dec 2026 is a bank holiday.']);
  });

  it('records who attended, refuses attendance at a meeting still to come, and reports attendance by panel and person', () => {
    const { db, panel } = setUp();
    const amira = aPerson(db, { name: 'Amira Khan' });
    const ben = aPerson(db, { name: 'Ben Oduya' });
    generateMeetings(db.writeContext, GenerateMeetingsInput.parse({ panelId: panel.id, from: '2026-09-07', until: '2026-12-18' }));
    const [sep, oct, nov, dec] = panelDetail(db.db, panel.id).meetings;
    recordMeeting(db.writeContext, RecordMeetingInput.parse({ id: sep?.id, attendance: [{ personId: amira.id, response: 'attended' }], notes: 'Three Fair Access cases', themes: 'Rising EBSA', tags: ['EBSA', 'ebsa', 'Year 9'] }));
    recordMeeting(db.writeContext, RecordMeetingInput.parse({ id: oct?.id, attendance: [{ personId: ben.id, response: 'apologies' }], tags: [] }));
    expect(panelDetail(db.db, panel.id).meetings[0]).toMatchObject({ notes: 'Three Fair Access cases', tags: ['ebsa', 'year 9'], attendance: [{ personName: 'Amira Khan', response: 'attended' }] });

    const future = refusal(() => recordMeeting(db.writeContext, RecordMeetingInput.parse({ id: dec?.id, attendance: [{ personId: amira.id, response: 'attended' }], tags: [] })));
    expect(future.details?.issues).toEqual([{ path: `attendance.${amira.id}`, message: 'Amira Khan: not happened yet' }]);
    // Apologies come before a meeting; they do not count as someone going.
    recordMeeting(db.writeContext, RecordMeetingInput.parse({ id: dec?.id, attendance: [{ personId: amira.id, response: 'apologies' }], tags: [] }));
    expect(uncoveredMeetings(db.db, '2026-11-23', '2027-01-31').map((m) => m.date)).toEqual(['2026-12-07']);
    recordMeeting(db.writeContext, RecordMeetingInput.parse({ id: dec?.id, attendance: [{ personId: ben.id, response: 'expected' }], tags: [] }));
    expect(uncoveredMeetings(db.db, '2026-11-23', '2027-01-31')).toEqual([]);

    const report = attendanceReport(db.db, '2026-09-01', '2026-12-18', '2026-11-23');
    expect(nov?.date).toBe('2026-11-09');
    expect(report.byPanel).toEqual([{ key: panel.id, label: 'Pupil Placement Panel (North)', meetings: 3, attended: 1, apologies: 1, nobody: 1, notRecorded: 0 }]);
    expect(report.byPerson.map((p) => [p.label, p.attended, p.apologies])).toEqual([['Amira Khan', 1, 0], ['Ben Oduya', 0, 1]]);
  });

  it('puts this week’s meetings with nobody from the team on the dashboard, and panel meetings in the calendar export', () => {
    const { db, panel } = setUp();
    addMeeting(db.writeContext, AddMeetingInput.parse({ panelId: panel.id, date: '2026-11-26', time: '13:00' }));
    expect(dashboard(db.db, '2026-11-23').thisWeek.map((i) => `${i.kind} ${i.school} ${i.due}`)).toEqual(['panel_nobody Pupil Placement Panel (North) 2026-11-26']);
    const file = path.join(tempDir(), 'team.ics');
    expect(exportCalendar(db.db, { path: file }, '2026-11-01', '2026-11-30', new Date()).events).toBe(1);
    const ics = fs.readFileSync(file, 'utf8');
    expect(ics).toContain('SUMMARY:Panel: Pupil Placement Panel (North)');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261126');
  });
});
