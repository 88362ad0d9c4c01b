import { addDays, localDay } from '../../../shared/format.ts';
import type { AreaHandlers } from '../handler-types.ts';
import { selectPanels } from './repo.ts';
import { addMeeting, attendanceReport, generateMeetings, panelDetail, recordMeeting, requireMeeting, savePanel, uncoveredMeetings, updateMeeting } from './service.ts';

export const panelHandlers: AreaHandlers<'panels'> = {
  'panels.list': (session) => selectPanels(session.database.db, localDay(session.now())),
  'panels.save': (session, input) => savePanel(session.database.writeContext, input),
  'panels.get': (session, { id }) => panelDetail(session.database.db, id),
  'panels.generate': (session, input) => generateMeetings(session.database.writeContext, input),
  'panels.addMeeting': (session, input) => addMeeting(session.database.writeContext, input),
  'panels.meeting': (session, { id }) => requireMeeting(session.database.db, id),
  'panels.updateMeeting': (session, input) => updateMeeting(session.database.writeContext, input),
  'panels.recordMeeting': (session, input) => recordMeeting(session.database.writeContext, input),
  'panels.uncovered': (session, { weeks }) => {
    const today = localDay(session.now());
    return uncoveredMeetings(session.database.db, today, addDays(today, weeks * 7));
  },
  'panels.attendance': (session, { from, to }) => attendanceReport(session.database.db, from, to, localDay(session.now())),
};
