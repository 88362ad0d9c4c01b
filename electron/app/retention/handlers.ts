import type { AreaHandlers } from '../handler-types.ts';
import { purgeRetention, retentionReview } from './service.ts';

export const retentionHandlers: AreaHandlers<'retention'> = {
  'retention.review': (session) => retentionReview(session.database.db, session.now()),
  'retention.purge': (session) => purgeRetention(session.database.writeContext),
};
