/**
 * The greedy construction: HiGHS's starting point and the answer when HiGHS gives none. Schools
 * are placed most constrained first, each with the worker whose pair terms plus change in
 * balance cost least; then single-school moves are made while any lowers the objective.
 */
import {
  capacityLeft, deviationCost, measures, NOBODY, pairCost, type Assignment, type MeasureDef, type ModelPair, type ModelSchool, type PlannerModel,
} from './model.ts';

type Role = 'named' | 'secondary';

interface Balance {
  defs: MeasureDef[];
  loads: number[][];
}

/** What moving `amount` of a school's measures onto (+1) or off (-1) a worker changes in balance cost. */
function balanceDelta(model: PlannerModel, b: Balance, role: Role, school: number, worker: number, sign: 1 | -1): number {
  let delta = 0;
  b.defs.forEach((d, k) => {
    if (d.role !== role) return;
    const load = b.loads[k]?.[worker] ?? 0;
    const add = sign * d.weightOf(model.schools[school] as ModelSchool);
    delta += deviationCost(d, load + add) - deviationCost(d, load);
  });
  return delta;
}

function shift(model: PlannerModel, b: Balance, role: Role, school: number, worker: number, sign: 1 | -1): void {
  b.defs.forEach((d, k) => {
    if (d.role !== role) return;
    const row = b.loads[k] as number[];
    row[worker] = (row[worker] ?? 0) + sign * d.weightOf(model.schools[school] as ModelSchool);
  });
}

export function greedy(model: PlannerModel, improvePasses = 4): Assignment {
  const S = model.schools.length;
  const defs = measures(model);
  const b: Balance = { defs, loads: defs.map((d) => model.workers.map((w) => d.fixedOf(w))) };
  const left = model.workers.map((_, i) => capacityLeft(model, i));
  const a: Assignment = { named: new Array<number>(S).fill(NOBODY), secondary: new Array<number>(S).fill(NOBODY) };
  const byRole: Record<Role, ModelPair[][]> = { named: groupBySchool(model.named, S), secondary: groupBySchool(model.secondary, S) };
  const cost: Record<Role, Map<ModelPair, number>> = { named: new Map(), secondary: new Map() };
  for (const role of ['named', 'secondary'] as const) for (const p of role === 'named' ? model.named : model.secondary) cost[role].set(p, pairCost(model, p, role));

  const order = [...Array(S).keys()].sort((x, y) => {
    const pin = Number(model.pinnedNamed[y] ?? false) - Number(model.pinnedNamed[x] ?? false);
    if (pin) return pin;
    const few = (byRole.named[x]?.length ?? 0) - (byRole.named[y]?.length ?? 0);
    return few || (model.schools[y]?.pupils ?? 0) - (model.schools[x]?.pupils ?? 0);
  });
  const place = (role: Role, s: number) => {
    let best: ModelPair | null = null;
    let bestCost = Infinity;
    for (const p of byRole[role][s] ?? []) {
      if (role === 'named' && (left[p.worker] ?? 0) <= 0) continue;
      if (p.worker === (role === 'named' ? a.secondary[s] : a.named[s])) continue;
      const c = (cost[role].get(p) ?? 0) + balanceDelta(model, b, role, s, p.worker, 1);
      if (c < bestCost) {
        bestCost = c;
        best = p;
      }
    }
    if (!best) return;
    (role === 'named' ? a.named : a.secondary)[s] = best.worker;
    shift(model, b, role, s, best.worker, 1);
    if (role === 'named') left[best.worker] = (left[best.worker] ?? 0) - 1;
  };
  for (const s of order) place('named', s);
  for (const s of order) place('secondary', s);
  improveWith(model, { b, left, a, byRole, cost }, improvePasses);
  return a;
}

interface Search {
  b: Balance;
  left: number[];
  a: Assignment;
  byRole: Record<Role, ModelPair[][]>;
  cost: Record<Role, Map<ModelPair, number>>;
}

/**
 * The same moves from any allocation (HiGHS's answer, say): a cheap check on a solver's claim,
 * since a move that helps proves the answer was not optimal. Returns a new assignment.
 */
export function improve(model: PlannerModel, from: Assignment, passes = 4): Assignment {
  const S = model.schools.length;
  const defs = measures(model);
  const a: Assignment = { named: [...from.named], secondary: [...from.secondary] };
  const b: Balance = { defs, loads: defs.map((d) => model.workers.map((w) => d.fixedOf(w))) };
  const left = model.workers.map((_, i) => capacityLeft(model, i));
  for (const role of ['named', 'secondary'] as const) {
    (role === 'named' ? a.named : a.secondary).forEach((w, s) => {
      if (w === NOBODY) return;
      shift(model, b, role, s, w, 1);
      if (role === 'named') left[w] = (left[w] ?? 0) - 1;
    });
  }
  const byRole: Record<Role, ModelPair[][]> = { named: groupBySchool(model.named, S), secondary: groupBySchool(model.secondary, S) };
  const cost: Record<Role, Map<ModelPair, number>> = { named: new Map(), secondary: new Map() };
  for (const role of ['named', 'secondary'] as const) for (const p of role === 'named' ? model.named : model.secondary) cost[role].set(p, pairCost(model, p, role));
  improveWith(model, { b, left, a, byRole, cost }, passes);
  return a;
}

function improveWith(model: PlannerModel, search: Search, improvePasses: number): void {
  const { b, left, a, byRole, cost } = search;
  const S = model.schools.length;
  for (let pass = 0; pass < improvePasses; pass++) {
    let improved = false;
    for (const role of ['named', 'secondary'] as const) {
      const chosen = role === 'named' ? a.named : a.secondary;
      const other = role === 'named' ? a.secondary : a.named;
      for (let s = 0; s < S; s++) {
        const now = chosen[s] ?? NOBODY;
        if (now === NOBODY) continue;
        const pinned = role === 'named' ? model.pinnedNamed[s] : model.pinnedSecondary[s];
        if (pinned) continue;
        const nowPair = (byRole[role][s] ?? []).find((p) => p.worker === now);
        const off = -(cost[role].get(nowPair as ModelPair) ?? 0) + balanceDelta(model, b, role, s, now, -1);
        shift(model, b, role, s, now, -1);
        let best = now;
        let bestDelta = -1e-9;
        for (const p of byRole[role][s] ?? []) {
          if (p.worker === now || p.worker === other[s]) continue;
          if (role === 'named' && (left[p.worker] ?? 0) <= 0) continue;
          const delta = off + (cost[role].get(p) ?? 0) + balanceDelta(model, b, role, s, p.worker, 1);
          if (delta < bestDelta) {
            bestDelta = delta;
            best = p.worker;
          }
        }
        shift(model, b, role, s, best, 1);
        if (best !== now) {
          chosen[s] = best;
          if (role === 'named') {
            left[now] = (left[now] ?? 0) + 1;
            left[best] = (left[best] ?? 0) - 1;
          }
          improved = true;
        }
      }
    }
    if (swapPass(model, b, a, byRole, cost)) improved = true;
    if (!improved) break;
  }
}

/**
 * Exchanges the workers of two schools wherever that lowers the objective: a move the single-
 * school pass cannot make when workers are full, and the one that untangles two schools each
 * nearer the other's worker. Loads of counts are unchanged by a swap, so only pair terms and the
 * measures that weigh schools differently (pupils, enhanced support) decide.
 */
function swapPass(model: PlannerModel, b: Balance, a: Assignment, byRole: Record<Role, ModelPair[][]>, cost: Record<Role, Map<ModelPair, number>>): boolean {
  let improved = false;
  for (const role of ['named', 'secondary'] as const) {
    const chosen = role === 'named' ? a.named : a.secondary;
    const other = role === 'named' ? a.secondary : a.named;
    const pinned = role === 'named' ? model.pinnedNamed : model.pinnedSecondary;
    const pairOf = byRole[role].map((list) => new Map(list.map((p) => [p.worker, p])));
    const schoolsOf = model.workers.map(() => new Set<number>());
    chosen.forEach((w, s) => {
      if (w !== NOBODY && !pinned[s]) schoolsOf[w]?.add(s);
    });
    const defs = b.defs.map((d, k) => ({ d, k })).filter(({ d }) => d.role === role);
    const balanceOf = (w: number, off: number, on: number) => {
      let delta = 0;
      for (const { d, k } of defs) {
        const load = b.loads[k]?.[w] ?? 0;
        const change = d.weightOf(model.schools[on] as ModelSchool) - d.weightOf(model.schools[off] as ModelSchool);
        delta += deviationCost(d, load + change) - deviationCost(d, load);
      }
      return delta;
    };
    for (let s1 = 0; s1 < chosen.length; s1++) {
      const w1 = chosen[s1] ?? NOBODY;
      if (w1 === NOBODY || pinned[s1]) continue;
      const here = pairOf[s1] as Map<number, ModelPair>;
      let best: { s2: number; w2: number; delta: number } | null = null;
      for (const [w2, p12] of here) {
        if (w2 === w1 || w2 === other[s1]) continue;
        for (const s2 of schoolsOf[w2] ?? []) {
          const p21 = pairOf[s2]?.get(w1);
          if (!p21 || other[s2] === w1) continue;
          const pairs = (cost[role].get(p12) ?? 0) + (cost[role].get(p21) ?? 0) - (cost[role].get(here.get(w1) as ModelPair) ?? 0) - (cost[role].get(pairOf[s2]?.get(w2) as ModelPair) ?? 0);
          const delta = pairs + balanceOf(w1, s1, s2) + balanceOf(w2, s2, s1);
          if (delta < (best?.delta ?? -1e-9)) best = { s2, w2, delta };
        }
      }
      if (!best) continue;
      const { s2, w2 } = best;
      shift(model, b, role, s1, w1, -1);
      shift(model, b, role, s2, w2, -1);
      shift(model, b, role, s1, w2, 1);
      shift(model, b, role, s2, w1, 1);
      chosen[s1] = w2;
      chosen[s2] = w1;
      schoolsOf[w1]?.delete(s1);
      schoolsOf[w1]?.add(s2);
      schoolsOf[w2]?.delete(s2);
      schoolsOf[w2]?.add(s1);
      improved = true;
    }
  }
  return improved;
}

function groupBySchool(pairs: ModelPair[], schools: number): ModelPair[][] {
  const out = Array.from({ length: schools }, () => [] as ModelPair[]);
  for (const p of pairs) out[p.school]?.push(p);
  return out;
}
