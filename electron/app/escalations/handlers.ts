import type { AreaHandlers } from '../handler-types.ts';
import { correctEscalation, escalationDetail, listEscalations, raiseEscalation } from './service.ts';

export const escalationHandlers: AreaHandlers<'escalations'> = {
  'escalations.list': (session, { which }) => listEscalations(session.database.db, session.now(), which),
  'escalations.get': (session, { id }) => escalationDetail(session.database.db, id, session.now()),
  'escalations.raise': (session, input) => raiseEscalation(session.database.writeContext, input),
  'escalations.correct': (session, input) => correctEscalation(session.database.writeContext, input),
};
