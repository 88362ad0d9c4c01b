import type { AreaHandlers } from '../handler-types.ts';
import { listActions, markDone, reassign, reopen } from './service.ts';

export const actionHandlers: AreaHandlers<'actions'> = {
  'actions.list': (session, query) => listActions(session.database.db, query),
  'actions.done': (session, { id, on }) => markDone(session.database.writeContext, id, on),
  'actions.reopen': (session, { id }) => reopen(session.database.writeContext, id),
  'actions.reassign': (session, input) => reassign(session.database.writeContext, input),
};
