import type { AreaHandlers } from '../handler-types.ts';
import { purgeRetention, retentionReview } from './service.ts';

/** Subject access writes a Word bundle (pizzip): loaded on first use, not with every start. */
const loadSubjectAccess = () => import('../subject-access/service.ts');

/** Retention and subject access: the data protection area. */
export const retentionHandlers: AreaHandlers<'retention' | 'subjectAccess'> = {
  'retention.review': (session) => retentionReview(session.database.db, session.now()),
  'retention.purge': (session) => purgeRetention(session.database.writeContext),
  'subjectAccess.search': async (session, query) => (await loadSubjectAccess()).subjectAccessSearch(session.database.writeContext, query),
  'subjectAccess.export': async (session, { query, path, replace }) =>
    (await loadSubjectAccess()).exportSubjectAccess(session.database.writeContext, query, { path, replace, database: session.database.path }),
};
