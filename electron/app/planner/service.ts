/**
 * The allocation planner: proposes the best allocation by the team's weights (solved off the
 * main thread, solve.ts), explains it, and applies it through the same rules as any bulk
 * allocation, in one transaction audited as one planned change with its objective.
 */
import type { z } from 'zod';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import type {
  ApplyPlanInput, ApplyPlanResult, LoadFigures, PlanChange, PlanInput, PlanProposal, PlanResult, PlanWorkerLoad,
} from '../../../shared/domain/planner.ts';
import { AppError } from '../../../shared/errors.ts';
import { localDay } from '../../../shared/format.ts';
import { assertAllowed, applyJudged, judgeProposals, type ParsedProposal } from '../allocations/service.ts';
import { readState } from '../allocations/state.ts';
import { write, type WriteContext } from '../db/write.ts';
import { getTeam } from '../team/service.ts';
import { buildPlan } from './build.ts';
import { explain, round } from './explain.ts';
import { evaluate, NOBODY, restrictCandidates, violations, type Assignment, type PlannerModel } from './model.ts';
import { selectPlannerSchools, selectPlannerWorkers } from './repo.ts';
import { solve } from './solve.ts';

type ParsedPlanInput = z.output<typeof PlanInput>;
type ParsedApplyInput = z.output<typeof ApplyPlanInput>;

function currentAssignment(model: PlannerModel): Assignment | null {
  const a: Assignment = { named: model.schools.map((s) => s.currentNamed), secondary: model.schools.map((s) => s.currentSecondary) };
  return violations(model, a).length === 0 ? a : null;
}

export async function proposePlan(ctx: WriteContext, input: ParsedPlanInput): Promise<PlanResult> {
  const from = input.from ?? localDay(ctx.now());
  const state = readState(ctx.db);
  const settings = getTeam(ctx.db).settings;
  const built = buildPlan(state, { schools: selectPlannerSchools(ctx.db), workers: selectPlannerWorkers(ctx.db) }, settings, { from, scope: input.scope, weights: input.weights, pins: input.pins });
  const { model, candidates } = restrictCandidates(built.model);
  const solved = model.schools.length
    ? await solve(model, input.timeLimitSeconds)
    : { assignment: { named: [], secondary: [] }, objective: 0, lowerBound: 0, gap: 0, solver: 'greedy' as const, status: 'optimal' as const, greedyObjective: 0, failure: null };
  const broken = violations(model, solved.assignment);
  if (broken.length) throw new AppError('internal', 'The planner produced an allocation that breaks its own constraints.');

  const workerAt = (i: number) => {
    const id = built.workerIds[i] ?? '';
    return { id, name: state.workers.get(id)?.name ?? '' };
  };
  const idOf = (i: number | undefined) => (i === undefined || i === NOBODY ? null : (built.workerIds[i] ?? null));
  const nameOf = (id: string | null) => (id ? (state.workers.get(id)?.name ?? null) : null);
  const explanations = explain(model, solved.assignment, workerAt);
  const judged = judgeProposals(ctx.db, built.urns.map((urn, s) => AllocationProposal.parse({
    urn, namedId: idOf(solved.assignment.named[s]), secondaryId: idOf(solved.assignment.secondary[s]), from,
  })), state);
  const diff = { moved: 0, kept: 0, newlyAllocated: 0 };
  const proposals: PlanProposal[] = built.urns.map((urn, s) => {
    const school = state.schools.get(urn);
    const current = state.current.get(urn);
    const namedId = idOf(solved.assignment.named[s]);
    const secondaryId = idOf(solved.assignment.secondary[s]);
    const was = { namedId: current?.named?.personId ?? null, secondaryId: current?.secondary?.personId ?? null };
    const roles = [[was.namedId, namedId], [was.secondaryId, secondaryId]] as const;
    const kept = roles.every(([a, b]) => a === b);
    const moved = roles.some(([a, b]) => a !== null && a !== b);
    const change: PlanChange = model.pinnedNamed[s] || model.pinnedSecondary[s] ? 'pinned' : kept ? 'kept' : moved ? 'moved' : 'new';
    if (kept) diff.kept++;
    else if (moved) diff.moved++;
    else diff.newlyAllocated++;
    return {
      urn, schoolName: school?.name ?? urn, hub: school?.hub ?? null, namedId, namedName: nameOf(namedId), secondaryId, secondaryName: nameOf(secondaryId), from,
      current: { ...was, namedName: nameOf(was.namedId), secondaryName: nameOf(was.secondaryId) },
      change, terms: explanations[s]?.terms ?? [], alternatives: explanations[s]?.alternatives ?? [],
      warnings: kept ? [] : (judged[s]?.findings ?? []).filter((f) => f.severity === 'warning').map((f) => f.message),
    };
  });
  const current = currentAssignment(model);
  return {
    from, proposals, impossible: built.impossible,
    objective: round(solved.objective), lowerBound: round(solved.lowerBound), gap: solved.gap, solver: solved.solver, status: solved.status,
    greedyObjective: round(solved.greedyObjective), currentObjective: current ? round(evaluate(model, current).total) : null,
    candidates, weights: model.weights, diff, loads: loadsBeforeAfter(model, solved.assignment, built.workerIds, state),
  };
}

function loadsBeforeAfter(model: PlannerModel, a: Assignment, ids: string[], state: ReturnType<typeof readState>): PlanWorkerLoad[] {
  const figures = (pick: (s: number) => { named: number; secondary: number }): LoadFigures[] => {
    const out = model.workers.map((w) => ({ schools: w.fixed.schools, secondary: w.fixed.secondary, pupils: w.fixed.pupils, enhanced: w.fixed.enhanced }));
    model.schools.forEach((school, s) => {
      const { named, secondary } = pick(s);
      const n = named === NOBODY ? undefined : out[named];
      if (n) {
        n.schools++;
        n.pupils += school.pupils;
        if (school.enhanced) n.enhanced++;
      }
      const y = secondary === NOBODY ? undefined : out[secondary];
      if (y) y.secondary++;
    });
    return out;
  };
  const before = figures((s) => ({ named: model.schools[s]?.currentNamed ?? NOBODY, secondary: model.schools[s]?.currentSecondary ?? NOBODY }));
  const after = figures((s) => ({ named: a.named[s] ?? NOBODY, secondary: a.secondary[s] ?? NOBODY }));
  return model.workers.map((w, i) => {
    const id = ids[i] ?? '';
    const person = state.workers.get(id);
    return { id, name: person?.name ?? '', hub: w.hub, capacity: w.capacity, level3Plans: w.level3, before: before[i] as LoadFigures, after: after[i] as LoadFigures };
  });
}

/**
 * Applies a plan as one change: every school that changes is judged with the others (loads count
 * the whole plan); any blocking finding refuses the whole plan; warnings are accepted with the
 * plan's reason. One transaction, one audit row for the plan beside each role's own.
 */
export function applyPlan(ctx: WriteContext, input: ParsedApplyInput): ApplyPlanResult {
  const state = readState(ctx.db);
  const parsed: ParsedProposal[] = input.proposals.map((p) => AllocationProposal.parse({ ...p, from: input.from, reason: input.reason, overrideReason: input.reason }));
  const changing = parsed.filter((p) => {
    const current = state.current.get(p.urn);
    return (current?.named?.personId ?? null) !== p.namedId || (current?.secondary?.personId ?? null) !== p.secondaryId;
  });
  if (changing.length === 0) return { applied: 0, unchanged: parsed.length, changedRoles: 0 };
  const judged = judgeProposals(ctx.db, changing, state);
  for (const j of judged) assertAllowed(j);
  const objective = input.objective === undefined ? '' : `; objective ${round(input.objective)}`;
  const solver = input.solver ? ` (${input.solver})` : '';
  const changedRoles = write(ctx, (audit) => {
    const n = applyJudged(ctx, judged, audit);
    audit('allocation-plan', null, 'apply', `${changing.length} schools from ${input.from}${objective}${solver}`);
    return n;
  });
  return { applied: changing.length, unchanged: parsed.length - changing.length, changedRoles };
}
