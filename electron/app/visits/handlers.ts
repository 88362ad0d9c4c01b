import type { AreaHandlers } from '../handler-types.ts';
import { userPath } from '../paths.ts';
import { exportCalendar } from './export.ts';
import { checkDate, moveVisitStatus, planner, planVisit, visitsOfSchool } from './service.ts';
import { localDay } from '../../../shared/format.ts';

export const visitHandlers: AreaHandlers<'visits'> = {
  'visits.planner': (session, { yearLabel }) => planner(session.database.db, yearLabel),
  'visits.forSchool': (session, { urn }) => visitsOfSchool(session.database.db, urn),
  'visits.checkDate': (session, { urn, date, term, yearLabel }) => checkDate(session.database.db, urn, date, localDay(session.now()), term, yearLabel),
  'visits.plan': (session, input) => planVisit(session.database.writeContext, input),
  'visits.exportCalendar': (session, { path, from, to, replace }) =>
    exportCalendar(session.database.db, { path: userPath(path), replace, database: session.database.path }, from, to, session.now()),
  'visits.setStatus': (session, input) => moveVisitStatus(session.database.writeContext, input),
};
