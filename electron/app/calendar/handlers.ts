import type { AreaHandlers } from '../handler-types.ts';
import { userPath } from '../paths.ts';
import { importBankHolidays, listYears, saveYear, visitDeadlines, workingCalendar } from './service.ts';

export const calendarHandlers: AreaHandlers<'calendar'> = {
  'calendar.years': (session) => listYears(session.database.db),
  'calendar.saveYear': (session, input) => saveYear(session.database.writeContext, input),
  'calendar.importBankHolidays': (session, { path }) => importBankHolidays(session.database.writeContext, userPath(path)),
  'calendar.deadlines': (session, { visit, urn }) => visitDeadlines(workingCalendar(session.database.db, urn), visit),
};
