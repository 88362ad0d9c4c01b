import type { AreaHandlers } from '../handler-types.ts';
import { applyPlan, proposePlan } from './service.ts';
import { setWorkerBase } from './bases.ts';
import { plannerMap } from './map.ts';

export const plannerHandlers: AreaHandlers<'planner'> = {
  'planner.propose': (session, input) => proposePlan(session.database.writeContext, input),
  'planner.apply': (session, input) => applyPlan(session.database.writeContext, input),
  'planner.map': (session) => plannerMap(session.database.writeContext),
  'planner.setBase': (session, input) => setWorkerBase(session.database.writeContext, input),
};
