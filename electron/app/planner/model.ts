/**
 * The planner's model, in plain numbers so it crosses to the solver's worker thread as it is.
 * Workers and schools are indexed; a candidate pair exists only where no blocking rule forbids
 * it (the forbidden pairs are never variables). The objective is a sum of pair terms
 * (continuity, hub, travel, warnings) and balance terms (each worker's absolute deviation from
 * the team's target, per load measure); `evaluate` computes it for any assignment, so the
 * greedy start, HiGHS's answer and the current allocation are all priced the same way.
 */
import type { PlannerTerm, PlannerWeights } from '../../../shared/domain/planner.ts';

export const NOBODY = -1;
/** Points for a role left empty: far above any sum of other terms one school can reach. */
export const EMPTY_NAMED = 1000;
export const EMPTY_SECONDARY = 500;
/** A secondary role counts half as much as a named one in every pair term. */
export const SECONDARY_SHARE = 0.5;

export interface ModelSchool {
  pupils: number;
  enhanced: boolean;
  hub: string | null;
  easting: number | null;
  northing: number | null;
  currentNamed: number;
  currentSecondary: number;
}

export interface ModelWorker {
  hub: string | null;
  /** Most named schools in total; the plan may use what the fixed load leaves. */
  capacity: number;
  level3: number;
  baseEasting: number | null;
  baseNorthing: number | null;
  /** Load from the schools outside the plan, which stays as it is. */
  fixed: { schools: number; pupils: number; enhanced: number; secondary: number };
}

/** One allowed (school, worker) pair for a role, with its warnings (declared connections, leaving soon). */
export interface ModelPair {
  school: number;
  worker: number;
  warnings: number;
}

export interface PlannerModel {
  schools: ModelSchool[];
  workers: ModelWorker[];
  named: ModelPair[];
  secondary: ModelPair[];
  /** A pinned role has exactly one candidate; these say which schools' roles were pinned. */
  pinnedNamed: boolean[];
  pinnedSecondary: boolean[];
  weights: PlannerWeights;
}

export interface Assignment {
  named: number[];
  secondary: number[];
}

export type Measure = 'schools' | 'pupils' | 'enhanced' | 'level3' | 'secondary';

export interface MeasureDef {
  measure: Measure;
  term: PlannerTerm;
  /** Points per unit of absolute deviation from the target. */
  perUnit: number;
  target: number;
  /**
   * Within this of the target a load counts as on target: half a school for counts (a load is
   * whole, the average rarely is), a twentieth of the average for pupils. It also keeps the
   * solver's bound tight, as an exact split of pupils is rarely possible.
   */
  band: number;
  /** What one named school adds (the secondary measure counts secondary roles instead). */
  weightOf: (s: ModelSchool) => number;
  fixedOf: (w: ModelWorker) => number;
  role: 'named' | 'secondary';
  /** Whether every load of this measure is a whole number (counts, not pupils): the exact model prices it more tightly. */
  integral: boolean;
}

const HALF = 0.5;

/** The balance cost of one load: its distance from the target beyond the band. */
export const deviationCost = (d: MeasureDef, load: number): number => d.perUnit * Math.max(0, Math.abs(load - d.target) - d.band);

export function distanceKm(worker: ModelWorker, school: ModelSchool): number | null {
  if (worker.baseEasting === null || worker.baseNorthing === null || school.easting === null || school.northing === null) return null;
  return Math.hypot(worker.baseEasting - school.easting, worker.baseNorthing - school.northing) / 1000;
}

/** The pair terms of putting `worker` in a role at `school`, by term. */
export function pairTerms(model: PlannerModel, pair: ModelPair, role: 'named' | 'secondary'): Partial<Record<PlannerTerm, number>> {
  const school = model.schools[pair.school] as ModelSchool;
  const worker = model.workers[pair.worker] as ModelWorker;
  const w = model.weights;
  const share = role === 'named' ? 1 : SECONDARY_SHARE;
  const current = role === 'named' ? school.currentNamed : school.currentSecondary;
  const terms: Partial<Record<PlannerTerm, number>> = {};
  if (current !== NOBODY && current !== pair.worker && w.continuity) terms.continuity = w.continuity * share;
  if (worker.hub && school.hub && worker.hub.toLowerCase() !== school.hub.toLowerCase() && w.hub) terms.hub = w.hub * share;
  const km = distanceKm(worker, school);
  if (km !== null && w.travel) terms.travel = w.travel * km * share;
  if (pair.warnings && w.warnings) terms.warnings = w.warnings * pair.warnings;
  return terms;
}

export function pairCost(model: PlannerModel, pair: ModelPair, role: 'named' | 'secondary'): number {
  let sum = 0;
  for (const v of Object.values(pairTerms(model, pair, role))) sum += v;
  return sum;
}

/**
 * The balance measures in use, each with its target: the team average once every school of the
 * plan has its worker. Deviation is priced per school (pupils per average school), so the
 * sliders weigh like against like.
 */
export function measures(model: PlannerModel): MeasureDef[] {
  const n = model.workers.length || 1;
  const sumFixed = (f: (w: ModelWorker) => number) => model.workers.reduce((t, w) => t + f(w), 0);
  const sumSchools = (f: (s: ModelSchool) => number) => model.schools.reduce((t, s) => t + f(s), 0);
  const totalSchools = sumFixed((w) => w.fixed.schools) + model.schools.length;
  const totalPupils = sumFixed((w) => w.fixed.pupils) + sumSchools((s) => s.pupils);
  const pupilsPerSchool = totalSchools > 0 && totalPupils > 0 ? totalPupils / totalSchools : 1;
  const totalEnhanced = sumFixed((w) => w.fixed.enhanced) + sumSchools((s) => (s.enhanced ? 1 : 0));
  const totalLevel3 = sumFixed((w) => w.level3);
  const w = model.weights;
  const defs: MeasureDef[] = [];
  if (w.schools) {
    defs.push({ measure: 'schools', term: 'schools', perUnit: w.schools, target: totalSchools / n, band: HALF, weightOf: () => 1, fixedOf: (x) => x.fixed.schools, role: 'named', integral: true });
    defs.push({
      measure: 'secondary', term: 'schools', perUnit: w.schools * SECONDARY_SHARE, target: (sumFixed((x) => x.fixed.secondary) + model.schools.length) / n, band: HALF,
      weightOf: () => 1, fixedOf: (x) => x.fixed.secondary, role: 'secondary', integral: true,
    });
  }
  if (w.pupils && totalPupils > 0) defs.push({ measure: 'pupils', term: 'pupils', perUnit: w.pupils / pupilsPerSchool, target: totalPupils / n, band: totalPupils / n / 20, weightOf: (s) => s.pupils, fixedOf: (x) => x.fixed.pupils, role: 'named', integral: false });
  if (w.enhanced && totalEnhanced > 0) defs.push({ measure: 'enhanced', term: 'enhanced', perUnit: w.enhanced, target: totalEnhanced / n, band: HALF, weightOf: (s) => (s.enhanced ? 1 : 0), fixedOf: (x) => x.fixed.enhanced, role: 'named', integral: true });
  if (w.level3 && totalLevel3 > 0) {
    defs.push({ measure: 'level3', term: 'level3', perUnit: w.level3, target: (totalSchools + totalLevel3) / n, band: HALF, weightOf: () => 1, fixedOf: (x) => x.fixed.schools + x.level3, role: 'named', integral: true });
  }
  return defs;
}

/** Each measure's value per worker under an assignment. */
export function loadsUnder(model: PlannerModel, defs: MeasureDef[], a: Assignment): number[][] {
  return defs.map((d) => {
    const load = model.workers.map((w) => d.fixedOf(w));
    const chosen = d.role === 'named' ? a.named : a.secondary;
    chosen.forEach((worker, s) => {
      if (worker !== NOBODY) load[worker] = (load[worker] ?? 0) + d.weightOf(model.schools[s] as ModelSchool);
    });
    return load;
  });
}

export interface Evaluation {
  total: number;
  byTerm: Record<PlannerTerm | 'empty', number>;
}

const zeroTerms = (): Evaluation['byTerm'] => ({ continuity: 0, schools: 0, pupils: 0, enhanced: 0, level3: 0, hub: 0, travel: 0, warnings: 0, empty: 0 });

/** Pair lookup: index of the pair of (school, worker) in a role, or -1. */
export function pairIndex(pairs: ModelPair[], schools: number): Map<number, number>[] {
  const index = Array.from({ length: schools }, () => new Map<number, number>());
  pairs.forEach((p, i) => index[p.school]?.set(p.worker, i));
  return index;
}

export function evaluate(model: PlannerModel, a: Assignment): Evaluation {
  const byTerm = zeroTerms();
  const roles = [['named', model.named, a.named, EMPTY_NAMED], ['secondary', model.secondary, a.secondary, EMPTY_SECONDARY]] as const;
  for (const [role, pairs, chosen, empty] of roles) {
    const index = pairIndex(pairs, model.schools.length);
    chosen.forEach((worker, s) => {
      if (worker === NOBODY) {
        byTerm.empty += empty;
        return;
      }
      const p = index[s]?.get(worker);
      if (p === undefined) throw new Error(`School ${s} has no ${role} candidate ${worker}`);
      for (const [term, v] of Object.entries(pairTerms(model, pairs[p] as ModelPair, role))) byTerm[term as PlannerTerm] += v;
    });
  }
  const defs = measures(model);
  loadsUnder(model, defs, a).forEach((loads, k) => {
    const d = defs[k] as MeasureDef;
    for (const l of loads) byTerm[d.term] += deviationCost(d, l);
  });
  const total = Object.values(byTerm).reduce((t, v) => t + v, 0);
  return { total, byTerm };
}

/** Whether an assignment keeps every hard constraint: candidates only, capacity, never one worker twice. */
export function violations(model: PlannerModel, a: Assignment): string[] {
  const problems: string[] = [];
  const named = pairIndex(model.named, model.schools.length);
  const secondary = pairIndex(model.secondary, model.schools.length);
  const count = new Array<number>(model.workers.length).fill(0);
  model.schools.forEach((_, s) => {
    const n = a.named[s] ?? NOBODY;
    const y = a.secondary[s] ?? NOBODY;
    if (n !== NOBODY && !named[s]?.has(n)) problems.push(`school ${s}: named ${n} is not allowed`);
    if (y !== NOBODY && !secondary[s]?.has(y)) problems.push(`school ${s}: secondary ${y} is not allowed`);
    if (n !== NOBODY && n === y) problems.push(`school ${s}: the same worker twice`);
    if (n !== NOBODY) count[n] = (count[n] ?? 0) + 1;
  });
  model.workers.forEach((w, i) => {
    if ((count[i] ?? 0) > capacityLeft(model, i)) problems.push(`worker ${i}: over capacity`);
  });
  return problems;
}

/** Named schools the plan may still give a worker: capacity less fixed load, never below what pins give them. */
export function capacityLeft(model: PlannerModel, worker: number): number {
  const w = model.workers[worker] as ModelWorker;
  let pinned = 0;
  model.named.forEach((p) => {
    if (p.worker === worker && model.pinnedNamed[p.school]) pinned++;
  });
  return Math.max(w.capacity - w.fixed.schools, pinned);
}

/** Up to this many pairs per role in all, every allowed pair is a candidate; beyond it, the cheapest per school. */
export const ALL_PAIRS_UP_TO = 3000;
export const CANDIDATES_PER_SCHOOL = 8;

/**
 * Keeps, per school and role, the cheapest candidates by pair terms (and always the current and
 * pinned worker), so a county-sized model stays solvable in seconds. The answer is then optimal
 * among those candidates, and the result says how many were kept.
 */
export function restrictCandidates(model: PlannerModel, perSchool = CANDIDATES_PER_SCHOOL): { model: PlannerModel; candidates: 'all' | number } {
  if (model.named.length <= ALL_PAIRS_UP_TO && model.secondary.length <= ALL_PAIRS_UP_TO) return { model, candidates: 'all' };
  const keep = (pairs: ModelPair[], role: 'named' | 'secondary'): ModelPair[] => {
    const bySchool = Array.from({ length: model.schools.length }, () => [] as { p: ModelPair; c: number }[]);
    for (const p of pairs) bySchool[p.school]?.push({ p, c: pairCost(model, p, role) });
    return bySchool.flatMap((list, s) => {
      const school = model.schools[s] as ModelSchool;
      const current = role === 'named' ? school.currentNamed : school.currentSecondary;
      list.sort((x, y) => x.c - y.c);
      return list.filter((e, i) => i < perSchool || e.p.worker === current).map((e) => e.p);
    });
  };
  return { model: { ...model, named: keep(model.named, 'named'), secondary: keep(model.secondary, 'secondary') }, candidates: perSchool };
}

/**
 * A lower bound that needs no solver: each school's cheapest pair terms in each role (balance
 * costs are never negative). HiGHS's bound replaces it once its first relaxation is solved.
 */
export function simpleLowerBound(model: PlannerModel): number {
  let bound = 0;
  for (const [role, pairs, empty] of [['named', model.named, EMPTY_NAMED], ['secondary', model.secondary, EMPTY_SECONDARY]] as const) {
    const best = new Array<number>(model.schools.length).fill(empty);
    for (const p of pairs) best[p.school] = Math.min(best[p.school] ?? empty, pairCost(model, p, role));
    for (const b of best) bound += b;
  }
  return bound;
}
