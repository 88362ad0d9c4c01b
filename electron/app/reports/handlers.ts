import { localDay } from '../../../shared/format.ts';
import type { AreaHandlers } from '../handler-types.ts';
import { buildReport } from './service.ts';

export const reportHandlers: AreaHandlers<'reports'> = {
  'reports.build': (session, query) => buildReport(session.database.db, query, localDay(session.now())),
};
