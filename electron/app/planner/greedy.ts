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
    if (!improved) break;
  }
  return a;
}

function groupBySchool(pairs: ModelPair[], schools: number): ModelPair[][] {
  const out = Array.from({ length: schools }, () => [] as ModelPair[]);
  for (const p of pairs) out[p.school]?.push(p);
  return out;
}
