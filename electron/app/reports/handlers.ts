import { localDay } from '../../../shared/format.ts';
import type { AreaHandlers } from '../handler-types.ts';
import { buildReport } from './service.ts';

/** The exports' handlers are in export-handlers.ts. */
export const reportHandlers: Pick<AreaHandlers<'reports'>, 'reports.build'> = {
  'reports.build': (session, query) => buildReport(session.database.db, query, localDay(session.now())),
};
