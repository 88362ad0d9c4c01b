import { localDay } from '../../../shared/format.ts';
import { subjectAccessFileName } from '../../../shared/domain/subject-access.ts';
import { writingFile } from '../files/file-source.ts';
import type { AreaHandlers } from '../handler-types.ts';
import { purgeRetention, retentionReview } from './service.ts';

/** Subject access writes a Word bundle (pizzip): loaded on first use, not with every start. */
const loadSubjectAccess = () => import('../subject-access/service.ts');

/** Retention and subject access: the data protection area. */
export const retentionHandlers: AreaHandlers<'retention' | 'subjectAccess'> = {
  'retention.review': (session) => retentionReview(session.database.db, session.now()),
  'retention.purge': (session) => purgeRetention(session.database.writeContext),
  'subjectAccess.search': async (session, query) => (await loadSubjectAccess()).subjectAccessSearch(session.database.writeContext, query),
  'subjectAccess.export': (session, { query, path, download, replace }) =>
    writingFile(session.transfers, { path, download }, subjectAccessFileName(localDay(session.now())), async (file) =>
      (await loadSubjectAccess()).exportSubjectAccess(session.database.writeContext, query, { path: file, replace, database: session.database.path }),
    ),
};
