import type { AreaHandlers } from '../handler-types.ts';
import { readingFile } from '../files/file-source.ts';
import { requireSchool } from '../schools/service.ts';
import { selectInsetDays } from './repo.ts';
import { calendarInfo, importBankHolidays, importTermDates, listYears, saveYear, setInsetDay, setSchoolHolidaysAreWorkingDays, visitDeadlines, workingCalendar } from './service.ts';

export const calendarHandlers: AreaHandlers<'calendar'> = {
  'calendar.years': (session) => listYears(session.database.db),
  'calendar.info': (session) => calendarInfo(session.database.db),
  'calendar.setSchoolHolidaysAreWorkingDays': (session, { value }) => {
    setSchoolHolidaysAreWorkingDays(session.database.writeContext, value);
    return { schoolHolidaysAreWorkingDays: value };
  },
  'calendar.saveYear': (session, input) => saveYear(session.database.writeContext, input),
  'calendar.importBankHolidays': (session, file) =>
    readingFile(session.transfers, file, 'bankHolidays', (path) => importBankHolidays(session.database.writeContext, path), () => true),
  'calendar.importTermDates': (session, { dryRun, choices, addInsetDays, expected, ...file }) =>
    readingFile(session.transfers, file, 'termDates', (path) => importTermDates(session.database.writeContext, path, { dryRun, choices, addInsetDays, expected }), (result) => result.applied),
  'calendar.insetDays': (session, { urn }) => selectInsetDays(session.database.db, urn),
  'calendar.setInsetDay': (session, { urn, day, closed }) => {
    requireSchool(session.database.db, urn);
    return setInsetDay(session.database.writeContext, urn, day, closed);
  },
  'calendar.deadlines': (session, { visit, urn }) => visitDeadlines(workingCalendar(session.database.db, urn), visit),
};
