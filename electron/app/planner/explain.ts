/**
 * Why each school got its named worker: the pair terms and the balance that decided it, and what
 * the next-best workers would add to the whole plan's objective, each priced exactly (moving the
 * school alone, everything else as planned).
 */
import type { PlanAlternative, PlannerTerm, PlanTermCost } from '../../../shared/domain/planner.ts';
import {
  deviationCost, loadsUnder, measures, NOBODY, pairCost, pairTerms, type Assignment, type MeasureDef, type ModelPair, type ModelSchool, type PlannerModel,
} from './model.ts';

export interface SchoolExplanation {
  terms: PlanTermCost[];
  alternatives: PlanAlternative[];
}

const ALTERNATIVES = 3;

export function explain(model: PlannerModel, a: Assignment, workerName: (worker: number) => { id: string; name: string }): SchoolExplanation[] {
  const all = measures(model);
  const defs = all.filter((d) => d.role === 'named');
  const loads = loadsUnder(model, all, a);
  const bySchool = Array.from({ length: model.schools.length }, () => [] as ModelPair[]);
  for (const p of model.named) bySchool[p.school]?.push(p);
  const secondaryPair = new Map(model.secondary.map((p) => [`${p.school}:${p.worker}`, p] as const));

  /** Balance cost change of moving school s, in a role, off `from` and onto `to` (NOBODY for neither). */
  const balanceShift = (s: number, from: number, to: number, role: 'named' | 'secondary', only?: MeasureDef): number => {
    let delta = 0;
    all.forEach((d, k) => {
      if (d.role !== role || (only && d !== only)) return;
      const row = loads[k] as number[];
      const amount = d.weightOf(model.schools[s] as ModelSchool);
      if (from !== NOBODY) delta += deviationCost(d, (row[from] ?? 0) - amount) - deviationCost(d, row[from] ?? 0);
      if (to !== NOBODY) delta += deviationCost(d, (row[to] ?? 0) + amount) - deviationCost(d, row[to] ?? 0);
    });
    return delta;
  };

  /** Naming `worker` instead; when they are the secondary, the two swap roles. */
  const extraFor = (s: number, chosen: number, mine: ModelPair, p: ModelPair): number | null => {
    let extra = pairCost(model, p, 'named') - pairCost(model, mine, 'named') + balanceShift(s, chosen, p.worker, 'named');
    if (p.worker === a.secondary[s]) {
      const back = secondaryPair.get(`${s}:${chosen}`);
      const was = secondaryPair.get(`${s}:${p.worker}`);
      if (!back || !was) return null;
      extra += pairCost(model, back, 'secondary') - pairCost(model, was, 'secondary') + balanceShift(s, p.worker, chosen, 'secondary');
    }
    return extra;
  };

  return model.schools.map((_, s) => {
    const chosen = a.named[s] ?? NOBODY;
    const pairs = bySchool[s] ?? [];
    const mine = pairs.find((p) => p.worker === chosen);
    if (!mine) return { terms: [], alternatives: [] };
    const terms = new Map<PlannerTerm, number>(Object.entries(pairTerms(model, mine, 'named')) as [PlannerTerm, number][]);
    // What this school adds to its worker's imbalance, measure by measure.
    for (const d of defs) {
      const added = -balanceShift(s, chosen, NOBODY, 'named', d);
      if (Math.abs(added) > 1e-9) terms.set(d.term, (terms.get(d.term) ?? 0) + added);
    }
    const alternatives = pairs
      .filter((p) => p.worker !== chosen)
      .flatMap((p) => {
        const extra = extraFor(s, chosen, mine, p);
        return extra === null ? [] : [{ p, extra }];
      })
      .sort((x, y) => x.extra - y.extra)
      .slice(0, ALTERNATIVES)
      .map(({ p, extra }) => {
        const w = workerName(p.worker);
        return { workerId: w.id, workerName: w.name, extraPoints: round(extra) };
      });
    return {
      terms: [...terms].map(([term, points]) => ({ term, points: round(points) })).filter((t) => t.points !== 0).sort((x, y) => Math.abs(y.points) - Math.abs(x.points)),
      alternatives,
    };
  });
}

export const round = (v: number): number => Math.round(v * 100) / 100;
