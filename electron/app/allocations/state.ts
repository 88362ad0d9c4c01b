/**
 * The facts the allocation rules need, read once: people, open schools, current periods and
 * declared connections. A batch of proposals is overlaid on the current named workers to give
 * each worker's load after the change, so a whole reallocation is judged as one.
 */
import { randomUUID } from 'node:crypto';
import type { AllocationPeriod, AllocationRole, ConnectionFacts, Load, WorkerFacts } from '../../../shared/domain/allocations.ts';
import type { School } from '../../../shared/domain/schools.ts';
import type { Connection } from '../db/cipher.ts';
import { selectConnectionFacts, selectCurrentPeriods, selectSchoolFacts, selectWorkerFacts } from './repo.ts';

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

export const newId = (): string => randomUUID();
