/**
 * The facts the allocation rules need. A bulk import reads the whole team once (readState); a
 * check of a few schools reads only their facts, their proposed workers and each worker's named
 * load counted by SQL (readFactsFor). Either way the proposals are overlaid on the current named
 * workers to give each worker's load after the change, so a whole reallocation is judged as one.
 */
import { randomUUID } from 'node:crypto';
import type { AllocationPeriod, AllocationRole, ConnectionFacts, Load, WorkerFacts } from '../../../shared/domain/allocations.ts';
import type { School } from '../../../shared/domain/schools.ts';
import type { Connection } from '../db/cipher.ts';
import {
  selectConnectionFacts, selectConnectionFactsOf, selectCurrentNamedOf, selectCurrentPeriods, selectNamedLoads, selectSchoolFacts, selectSchoolFactsOf, selectWorkerFacts, selectWorkerFactsOf,
} from './repo.ts';

export type SchoolFacts = Pick<School, 'urn' | 'name' | 'category' | 'hub' | 'pupils' | 'status'>;

export interface AllocationState {
  workers: Map<string, WorkerFacts & { role: string; email: string | null }>;
  schools: Map<string, SchoolFacts>;
  current: Map<string, Partial<Record<AllocationRole, AllocationPeriod>>>;
  connectionsBySchool: Map<string, ConnectionFacts[]>;
}

export function readState(db: Connection): AllocationState {
  const people = selectWorkerFacts(db);
  const schools: SchoolFacts[] = selectSchoolFacts(db);
  const connections = selectConnectionFacts(db);
  const current = new Map<string, Partial<Record<AllocationRole, AllocationPeriod>>>();
  for (const period of selectCurrentPeriods(db)) current.set(period.urn, { ...current.get(period.urn), [period.role]: period });
  const connectionsBySchool = new Map<string, ConnectionFacts[]>();
  for (const c of connections) connectionsBySchool.set(c.urn, [...(connectionsBySchool.get(c.urn) ?? []), c]);
  return {
    workers: new Map(people.map((p) => [p.id, p])),
    schools: new Map(schools.map((s) => [s.urn, s])),
    current,
    connectionsBySchool,
  };
}

export function isActiveOn(worker: { activeFrom: string; activeTo: string | null }, isoDate: string): boolean {
  return worker.activeFrom <= isoDate && (worker.activeTo === null || worker.activeTo >= isoDate);
}

/** Named worker of each open school once `changes` (urn -> named worker or null) are applied. */
export function namedAfter(state: AllocationState, changes: Map<string, string | null>): Map<string, string> {
  const named = new Map<string, string>();
  for (const [urn, school] of state.schools) {
    if (school.status === 'closed') continue;
    const id = changes.has(urn) ? changes.get(urn) : state.current.get(urn)?.named?.personId;
    if (id) named.set(urn, id);
  }
  return named;
}

export function loadsOf(state: AllocationState, named: Map<string, string>): Map<string, Load> {
  const loads = new Map<string, Load>();
  for (const [urn, personId] of named) {
    const load = loads.get(personId) ?? { schools: 0, pupils: 0 };
    load.schools++;
    load.pupils += state.schools.get(urn)?.pupils ?? 0;
    loads.set(personId, load);
  }
  return loads;
}

/**
 * Team average over the workers active on the date who are named link worker somewhere.
 * Counting people who hold nothing yet (new starters, a team still being allocated) would make
 * every early allocation look "above average".
 */
export function averageLoad(state: AllocationState, loads: Map<string, Load>, isoDate: string): Load {
  const active = [...state.workers.values()].filter((w) => isActiveOn(w, isoDate) && (loads.get(w.id)?.schools ?? 0) > 0);
  if (active.length === 0) return { schools: 0, pupils: 0 };
  const total = active.reduce((sum, w) => {
    const load = loads.get(w.id);
    return { schools: sum.schools + (load?.schools ?? 0), pupils: sum.pupils + (load?.pupils ?? 0) };
  }, { schools: 0, pupils: 0 });
  return { schools: total.schools / active.length, pupils: total.pupils / active.length };
}

/** What judging a set of proposals needs; `loads` and `average` already count the proposals. */
export interface JudgeFacts {
  schools: Map<string, SchoolFacts>;
  workers: Map<string, WorkerFacts & { role: string; email: string | null }>;
  connectionsBySchool: Map<string, ConnectionFacts[]>;
  loads: Map<string, Load>;
  average: Load;
}

/** From the whole team read once (a bulk import, which needs it anyway). */
export function factsFromState(state: AllocationState, changes: Map<string, string | null>, onDate: string): JudgeFacts {
  const loads = loadsOf(state, namedAfter(state, changes));
  return { schools: state.schools, workers: state.workers, connectionsBySchool: state.connectionsBySchool, loads, average: averageLoad(state, loads, onDate) };
}

/**
 * Only what these proposals are judged on: their schools, connections and workers, and the
 * named loads grouped by SQL. The same answers as factsFromState (tested side by side), at a
 * cost that follows the proposals, not the size of the team's history.
 */
export function readFactsFor(db: Connection, changes: Map<string, string | null>, workerIds: string[], onDate: string): JudgeFacts {
  const urns = [...changes.keys()];
  const schools = new Map(selectSchoolFactsOf(db, urns).map((s) => [s.urn, s] as const));
  const workers = new Map(selectWorkerFactsOf(db, workerIds).map((w) => [w.id, w] as const));
  const connectionsBySchool = new Map<string, ConnectionFacts[]>();
  for (const c of selectConnectionFactsOf(db, urns)) connectionsBySchool.set(c.urn, [...(connectionsBySchool.get(c.urn) ?? []), c]);
  const named = selectNamedLoads(db);
  const loads = new Map(named.map((n) => [n.personId, { schools: n.schools, pupils: n.pupils }] as const));
  const move = (personId: string, by: 1 | -1, pupils: number) => {
    const load = loads.get(personId) ?? { schools: 0, pupils: 0 };
    const after = { schools: load.schools + by, pupils: load.pupils + by * pupils };
    if (after.schools === 0) loads.delete(personId);
    else loads.set(personId, after);
  };
  const before = selectCurrentNamedOf(db, urns);
  for (const [urn, namedId] of changes) {
    const school = schools.get(urn);
    if (!school || school.status === 'closed') continue;
    const current = before.get(urn);
    if (current) move(current, -1, school.pupils ?? 0);
    if (namedId) move(namedId, 1, school.pupils ?? 0);
  }
  const activity = new Map<string, { activeFrom: string; activeTo: string | null }>([...named.map((n) => [n.personId, n] as const), ...workers]);
  const active = [...loads].filter(([id]) => {
    const worker = activity.get(id);
    return worker !== undefined && isActiveOn(worker, onDate);
  });
  const total = active.reduce((sum, [, load]) => ({ schools: sum.schools + load.schools, pupils: sum.pupils + load.pupils }), { schools: 0, pupils: 0 });
  const average = active.length ? { schools: total.schools / active.length, pupils: total.pupils / active.length } : { schools: 0, pupils: 0 };
  return { schools, workers, connectionsBySchool, loads, average };
}

export const newId = (): string => randomUUID();
