import type { AreaHandlers } from '../handler-types.ts';
import { writingFile } from '../files/file-source.ts';
import { exportCalendar } from './export.ts';
import { planMany } from './plan-many.ts';
import { checkDate, moveVisitStatus, planner, planVisit, visitsOfSchool } from './service.ts';
import { localDay } from '../../../shared/format.ts';

export const visitHandlers: AreaHandlers<'visits'> = {
  'visits.planner': (session, { yearLabel }) => planner(session.database.db, yearLabel, localDay(session.now())),
  'visits.forSchool': (session, { urn }) => visitsOfSchool(session.database.db, urn),
  'visits.checkDate': (session, { urn, date, term, yearLabel }) => checkDate(session.database.db, urn, date, localDay(session.now()), term, yearLabel),
  'visits.plan': (session, input) => planVisit(session.database.writeContext, input),
  'visits.planMany': (session, input) => planMany(session.database.writeContext, input),
  'visits.exportCalendar': (session, { from, to, replace, ...file }) =>
    writingFile(session.transfers, file, `LinkDesk calendar ${from} to ${to}.ics`, (path) =>
      exportCalendar(session.database.db, { path, replace, database: session.database.path }, from, to, session.now()),
    ),
  'visits.setStatus': (session, input) => moveVisitStatus(session.database.writeContext, input),
};
