/**
 * From the team database to the planner's model. Which schools are planned (the scope), which
 * workers may take them (Family Support Workers active on the date), and which pairs the
 * blocking rules forbid, judged by the same rule functions as every allocation
 * (shared/domain/allocations.ts), so a pair the model holds is one `allocations.check` allows.
 */
import {
  apcWithoutCountyAgreement, declaredConnection, ownChildAttends, schoolClosed, workerLeavingSoon, workerNotActive,
  type Finding, type ProposalFacts, type RuleId, type WorkerFacts,
} from '../../../shared/domain/allocations.ts';
import { DEFAULT_WEIGHTS, type ImpossibleSchool, type PlanPin, type PlannerWeights, type PlanScope } from '../../../shared/domain/planner.ts';
import type { TeamSettings } from '../../../shared/domain/team.ts';
import { AppError } from '../../../shared/errors.ts';
import { formatDate } from '../../../shared/format.ts';
import { isActiveOn, type AllocationState, type SchoolFacts } from '../allocations/state.ts';
import { NOBODY, type ModelPair, type ModelSchool, type ModelWorker, type PlannerModel } from './model.ts';
import type { PlannerSchoolRow, PlannerWorkerRow } from './repo.ts';

export type PlannerWorkerFacts = WorkerFacts & { role: string };

export interface BuiltPlan {
  model: PlannerModel;
  /** Index in the model -> the school's URN, and the worker's id. */
  urns: string[];
  workerIds: string[];
  impossible: ImpossibleSchool[];
}

export interface PlanRequest {
  from: string;
  scope: PlanScope;
  weights: Partial<PlannerWeights>;
  pins: PlanPin[];
}

type Settings = Pick<TeamSettings, 'countyAgreementCategories' | 'defaultCapacity'>;

function inPlan(scope: PlanScope, school: SchoolFacts, state: AllocationState): boolean {
  const current = state.current.get(school.urn);
  const sameHub = (hub: string | undefined) => !hub || school.hub?.toLowerCase() === hub.toLowerCase();
  switch (scope.kind) {
    case 'all': return true;
    case 'hub': return sameHub(scope.hub);
    case 'leaver': return current?.named?.personId === scope.personId || current?.secondary?.personId === scope.personId;
    case 'unallocated': return sameHub(scope.hub) && !(current?.named && current.secondary);
    case 'schools': return scope.urns.includes(school.urn);
  }
}

export function buildPlan(state: AllocationState, extra: { schools: PlannerSchoolRow[]; workers: PlannerWorkerRow[] }, settings: Settings, request: PlanRequest): BuiltPlan {
  const { from } = request;
  const weights: PlannerWeights = { ...DEFAULT_WEIGHTS, ...request.weights };
  const schoolExtra = new Map(extra.schools.map((s) => [s.urn, s] as const));
  const workerExtra = new Map(extra.workers.map((w) => [w.id, w] as const));
  const team = [...state.workers.values()].filter((w) => w.role === 'fsw' && isActiveOn(w, from)).sort((a, b) => a.name.localeCompare(b.name));
  const workerIndex = new Map(team.map((w, i) => [w.id, i] as const));
  const served = [...state.schools.values()].filter((s) => s.status !== 'closed' && schoolExtra.get(s.urn)?.inScope);

  if (request.scope.kind === 'schools') {
    const unknown = request.scope.urns.filter((u) => !state.schools.has(u));
    if (unknown.length) throw new AppError('not_found', `No school has URN ${unknown.slice(0, 5).join(', ')} in this team database.`);
  }
  const chosen = request.scope.kind === 'schools'
    ? request.scope.urns.map((u) => state.schools.get(u) as SchoolFacts)
    : served.filter((s) => inPlan(request.scope, s, state));
  const chosenUrns = new Set(chosen.map((s) => s.urn));
  const pins = new Map(request.pins.map((p) => [p.urn, p] as const));

  const facts = (school: SchoolFacts, worker: WorkerFacts | null): ProposalFacts => ({
    school, named: worker, secondary: null, effectiveFrom: from, countyAgreement: null, countyAgreementCategories: settings.countyAgreementCategories,
    connections: state.connectionsBySchool.get(school.urn) ?? [], loadAfter: new Map(), teamAverage: { schools: 0, pupils: 0 }, fairnessPercent: 0, defaultCapacity: settings.defaultCapacity,
  });
  const anyone: WorkerFacts = team[0] ?? { id: '', name: 'A worker', hub: null, activeFrom: from, activeTo: null, capacity: null, lastDeclaredOn: from };

  const impossible: ImpossibleSchool[] = [];
  const schools: ModelSchool[] = [];
  const urns: string[] = [];
  const named: ModelPair[] = [];
  const secondary: ModelPair[] = [];
  const pinnedNamed: boolean[] = [];
  const pinnedSecondary: boolean[] = [];
  const refuse = (school: SchoolFacts, rule: RuleId, message: string) => impossible.push({ urn: school.urn, schoolName: school.name, rule, message });

  for (const school of chosen) {
    const whole = [...schoolClosed(facts(school, anyone)), ...apcWithoutCountyAgreement(facts(school, anyone))];
    if (whole[0]) {
      refuse(school, whole[0].rule, whole[0].message);
      continue;
    }
    const blockedBy = new Map<string, Finding>();
    const allowed: { worker: number; warnings: number }[] = [];
    team.forEach((w, i) => {
      const f = facts(school, w);
      const blocking = [...ownChildAttends(f), ...workerNotActive(f)];
      if (blocking[0]) blockedBy.set(w.id, blocking[0]);
      // A late annual declaration is about the worker, not this school: as a cost it would move every
      // school away from them. It is not counted here; planner.propose lists it with each change.
      else allowed.push({ worker: i, warnings: declaredConnection(f).length + workerLeavingSoon(f).length });
    });
    if (allowed.length === 0) {
      if (team.length === 0) refuse(school, 'worker_not_active', `No Family Support Worker is active on ${formatDate(from)}.`);
      else {
        const findings = [...blockedBy.values()];
        refuse(school, findings[0]?.rule ?? 'own_child_attends', `Every active worker is blocked: ${findings.map((f) => f.message).join(' ')}`);
      }
      continue;
    }
    const s = schools.length;
    const current = state.current.get(school.urn);
    const at = (id: string | undefined) => (id === undefined ? NOBODY : (workerIndex.get(id) ?? NOBODY));
    const extraFacts = schoolExtra.get(school.urn);
    schools.push({
      pupils: school.pupils ?? 0, enhanced: extraFacts?.enhanced ?? false, hub: school.hub,
      easting: extraFacts?.easting ?? null, northing: extraFacts?.northing ?? null,
      currentNamed: at(current?.named?.personId), currentSecondary: at(current?.secondary?.personId),
    });
    urns.push(school.urn);
    const pin = pins.get(school.urn);
    const pinnedTo = (role: 'named' | 'secondary'): string | null => {
      if (!pin) return null;
      if (pin.keep) return current?.[role]?.personId ?? null;
      return (role === 'named' ? pin.namedId : pin.secondaryId) ?? null;
    };
    if (pin && pinnedTo('named') !== null && pinnedTo('named') === pinnedTo('secondary')) {
      const why = 'one worker cannot be both the named and the secondary link worker.';
      throw new AppError('invalid_input', `The pin of ${school.name} cannot hold: ${why}`, { issues: [{ path: 'pins', message: why }] });
    }
    for (const role of ['named', 'secondary'] as const) {
      const id = pinnedTo(role);
      const pairs = role === 'named' ? named : secondary;
      if (id !== null) {
        const i = workerIndex.get(id);
        const ok = i === undefined ? undefined : allowed.find((a) => a.worker === i);
        if (!ok) {
          const why = blockedBy.get(id)?.message ?? 'they are not a Family Support Worker active on that date.';
          throw new AppError('invalid_input', `The pin of ${school.name} cannot hold: ${why}`, { issues: [{ path: 'pins', message: why }] });
        }
        pairs.push({ school: s, worker: ok.worker, warnings: ok.warnings });
      } else for (const a of allowed) pairs.push({ school: s, worker: a.worker, warnings: a.warnings });
      (role === 'named' ? pinnedNamed : pinnedSecondary).push(id !== null);
    }
  }

  // Load outside the plan stays as it is: what each worker holds among the other served schools.
  const workers: ModelWorker[] = team.map((w) => {
    const base = workerExtra.get(w.id);
    return {
      hub: w.hub, capacity: w.capacity ?? settings.defaultCapacity, level3: base?.level3Plans ?? 0,
      baseEasting: base?.baseEasting ?? null, baseNorthing: base?.baseNorthing ?? null, fixed: { schools: 0, pupils: 0, enhanced: 0, secondary: 0 },
    };
  });
  const planned = new Set(urns);
  for (const school of served) {
    if (planned.has(school.urn) && chosenUrns.has(school.urn)) continue;
    const current = state.current.get(school.urn);
    const n = current?.named ? workerIndex.get(current.named.personId) : undefined;
    const y = current?.secondary ? workerIndex.get(current.secondary.personId) : undefined;
    const nw = n === undefined ? undefined : workers[n];
    if (nw) {
      nw.fixed.schools++;
      nw.fixed.pupils += school.pupils ?? 0;
      if (schoolExtra.get(school.urn)?.enhanced) nw.fixed.enhanced++;
    }
    const yw = y === undefined ? undefined : workers[y];
    if (yw) yw.fixed.secondary++;
  }
  return { model: { schools, workers, named, secondary, pinnedNamed, pinnedSecondary, weights }, urns, workerIds: team.map((w) => w.id), impossible };
}
