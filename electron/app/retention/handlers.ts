import type { AreaHandlers } from '../handler-types.ts';
import { purgeRetention, retentionReview } from './service.ts';
import { exportSubjectAccess, subjectAccessSearch } from '../subject-access/service.ts';

/** Retention and subject access: the data protection area. */
export const retentionHandlers: AreaHandlers<'retention' | 'subjectAccess'> = {
  'retention.review': (session) => retentionReview(session.database.db, session.now()),
  'retention.purge': (session) => purgeRetention(session.database.writeContext),
  'subjectAccess.search': (session, query) => subjectAccessSearch(session.database.writeContext, query),
  'subjectAccess.export': (session, { query, path, replace }) => exportSubjectAccess(session.database.writeContext, query, { path, replace, database: session.database.path }),
};
