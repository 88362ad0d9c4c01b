/**
 * The exact model for HiGHS. Columns: one binary per allowed (school, worker) pair per role, a
 * slack per school and role for a role left empty, and, per worker and balance measure, the
 * columns that price its distance from the target's band. Rows: each role filled once (or its
 * slack), one worker never both roles, capacity, and the balance rows. Its objective equals
 * `evaluate` for the same assignment, so bound and gap speak of the same quantity.
 *
 * A measure that counts (schools, enhanced-support schools, Level 3 plans) is priced by the
 * cost's values at whole loads joined by straight lines: the same cost wherever a load can
 * actually be, but the relaxation can no longer spread 0.8 of a school to each worker for free,
 * which is where almost all of the gap came from. Pupils are not whole-school steps, so they keep
 * the band: load - target = over - under + within, over and under priced, within free.
 */
import type { Highs } from 'highs';
import {
  capacityLeft, deviationCost, EMPTY_NAMED, EMPTY_SECONDARY, measures, NOBODY, pairCost, type Assignment, type MeasureDef, type ModelPair, type ModelSchool,
  type PlannerModel,
} from './model.ts';

export interface MipAnswer {
  assignment: Assignment | null;
  objective: number | null;
  lowerBound: number;
  optimal: boolean;
  /** Set when a later check found a better allocation than the one HiGHS called optimal; its bound is then not trusted. */
  refuted?: boolean;
}

interface Built {
  numCols: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integrality: Int32Array;
  rowLower: number[];
  rowUpper: number[];
  starts: number[];
  indices: number[];
  values: number[];
  start: (a: Assignment) => Float64Array;
  decode: (col: Float64Array) => Assignment;
}

export type Role = 'named' | 'secondary';
export const BOTH_ROLES: readonly Role[] = ['named', 'secondary'];

/** The model of the given roles: a role left out has no columns, costs nothing and stays empty. */
export function buildMip(full: PlannerModel, infinity: number, roles: readonly Role[] = BOTH_ROLES): Built {
  const model: PlannerModel = { ...full, named: roles.includes('named') ? full.named : [], secondary: roles.includes('secondary') ? full.secondary : [] };
  const S = model.schools.length;
  const W = model.workers.length;
  const defs = measures(full).filter((d) => roles.includes(d.role));
  const nNamed = model.named.length;
  const nSecondary = model.secondary.length;
  const emptyNamed0 = nNamed + nSecondary;
  const emptySecondary0 = emptyNamed0 + S;
  const dev0 = emptySecondary0 + S;
  // Per measure, per worker: [load, cost] when it counts, [over, under, within] for pupils.
  const width = defs.map((d) => (d.integral ? 2 : 3));
  const block0 = defs.map((_, k) => dev0 + W * width.slice(0, k).reduce((t, x) => t + x, 0));
  const devCol = (k: number, w: number) => (block0[k] ?? 0) + w * (width[k] ?? 0);
  const numCols = dev0 + W * width.reduce((t, x) => t + x, 0);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = new Int32Array(numCols);
  model.named.forEach((p, i) => {
    colCost[i] = pairCost(model, p, 'named');
    integrality[i] = 1;
  });
  model.secondary.forEach((p, i) => {
    colCost[nNamed + i] = pairCost(model, p, 'secondary');
    integrality[nNamed + i] = 1;
  });
  for (let s = 0; s < S; s++) {
    colCost[emptyNamed0 + s] = roles.includes('named') ? EMPTY_NAMED : 0;
    colCost[emptySecondary0 + s] = roles.includes('secondary') ? EMPTY_SECONDARY : 0;
    // A pinned role is never left empty (capacity always leaves room for the pins).
    if (model.pinnedNamed[s] && roles.includes('named')) colUpper[emptyNamed0 + s] = 0;
    if (model.pinnedSecondary[s] && roles.includes('secondary')) colUpper[emptySecondary0 + s] = 0;
  }
  defs.forEach((d, k) => {
    for (let w = 0; w < W; w++) {
      const c = devCol(k, w);
      if (d.integral) {
        colUpper[c] = infinity; // the load
        colCost[c + 1] = 1; // its cost, held up by the lines below
        colUpper[c + 1] = infinity;
        continue;
      }
      colCost[c] = d.perUnit;
      colCost[c + 1] = d.perUnit;
      colUpper[c] = infinity;
      colUpper[c + 1] = infinity;
      colLower[c + 2] = -d.band;
      colUpper[c + 2] = d.band;
    }
  });

  // Rows are written one at a time (CSR).
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const row = (cols: number[], coefs: number[], lo: number, hi: number) => {
    cols.forEach((c, i) => {
      indices.push(c);
      values.push(coefs[i] ?? 1);
    });
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(hi);
  };
  const namedOf = Array.from({ length: S }, () => [] as number[]);
  const secondaryOf = Array.from({ length: S }, () => [] as number[]);
  model.named.forEach((p, i) => namedOf[p.school]?.push(i));
  model.secondary.forEach((p, i) => secondaryOf[p.school]?.push(nNamed + i));
  for (let s = 0; s < S; s++) {
    const n = [...(namedOf[s] ?? []), emptyNamed0 + s];
    row(n, n.map(() => 1), 1, 1);
    const y = [...(secondaryOf[s] ?? []), emptySecondary0 + s];
    row(y, y.map(() => 1), 1, 1);
  }
  // Never one worker in both roles of a school.
  const secondaryAt = new Map<number, number>();
  model.secondary.forEach((p, i) => secondaryAt.set(p.school * W + p.worker, nNamed + i));
  model.named.forEach((p, i) => {
    const y = secondaryAt.get(p.school * W + p.worker);
    if (y !== undefined) row([i, y], [1, 1], -infinity, 1);
  });
  const namedByWorker = Array.from({ length: W }, () => [] as number[]);
  const secondaryByWorker = Array.from({ length: W }, () => [] as number[]);
  model.named.forEach((p, i) => namedByWorker[p.worker]?.push(i));
  model.secondary.forEach((p, i) => secondaryByWorker[p.worker]?.push(nNamed + i));
  for (let w = 0; w < W; w++) {
    const cols = namedByWorker[w] ?? [];
    if (cols.length) row(cols, cols.map(() => 1), -infinity, capacityLeft(model, w));
  }
  const pairs = (c: number): ModelPair => (c < nNamed ? model.named[c] : model.secondary[c - nNamed]) as ModelPair;
  defs.forEach((d, k) => {
    for (let w = 0; w < W; w++) {
      const cols = d.role === 'named' ? (namedByWorker[w] ?? []) : (secondaryByWorker[w] ?? []);
      const c = devCol(k, w);
      const fixed = d.fixedOf(model.workers[w] as PlannerModel['workers'][number]);
      const weights = cols.map((x) => d.weightOf(model.schools[pairs(x).school] as ModelSchool));
      if (d.integral) {
        // load = fixed + the schools given here; cost >= every line of the cost at whole loads.
        row([...cols, c], [...weights, -1], -fixed, -fixed);
        for (const line of wholeLoadLines(d)) row([c + 1, c], [1, -line.slope], line.intercept, infinity);
        continue;
      }
      const rhs = d.target - fixed;
      // load - over + under - within = target, with load = fixed + the schools given here.
      row([...cols, c, c + 1, c + 2], [...weights, -1, 1, -1], rhs, rhs);
    }
  });

  const decode = (col: Float64Array): Assignment => {
    const a: Assignment = { named: new Array<number>(S).fill(NOBODY), secondary: new Array<number>(S).fill(NOBODY) };
    model.named.forEach((p, i) => {
      if ((col[i] ?? 0) > 0.5) a.named[p.school] = p.worker;
    });
    model.secondary.forEach((p, i) => {
      if ((col[nNamed + i] ?? 0) > 0.5) a.secondary[p.school] = p.worker;
    });
    return a;
  };
  const start = (a: Assignment): Float64Array => {
    const col = new Float64Array(numCols);
    model.named.forEach((p, i) => {
      if (a.named[p.school] === p.worker) col[i] = 1;
    });
    model.secondary.forEach((p, i) => {
      if (a.secondary[p.school] === p.worker) col[nNamed + i] = 1;
    });
    for (let s = 0; s < S; s++) {
      if (a.named[s] === NOBODY || !roles.includes('named')) col[emptyNamed0 + s] = 1;
      if (a.secondary[s] === NOBODY || !roles.includes('secondary')) col[emptySecondary0 + s] = 1;
    }
    defs.forEach((d, k) => {
      const load = model.workers.map((w) => d.fixedOf(w));
      (d.role === 'named' ? a.named : a.secondary).forEach((w, s) => {
        if (w !== NOBODY) load[w] = (load[w] ?? 0) + d.weightOf(model.schools[s] as ModelSchool);
      });
      load.forEach((l, w) => {
        const c = devCol(k, w);
        if (d.integral) {
          col[c] = l;
          col[c + 1] = deviationCost(d, l);
          return;
        }
        const within = Math.max(-d.band, Math.min(d.band, l - d.target));
        col[c] = Math.max(0, l - d.target - within);
        col[c + 1] = Math.max(0, d.target - l + within);
        col[c + 2] = within;
      });
    });
    return col;
  };
  return { numCols, colCost, colLower, colUpper, integrality, rowLower, rowUpper, starts, indices, values, start, decode };
}

/**
 * The cost of a whole-number load, as lines: the chords between neighbouring whole loads around
 * the band, which, extended, also carry the cost's straight parts beyond it. The cost is convex,
 * so at every whole load the highest line is exactly the cost, and between them no lower.
 */
export function wholeLoadLines(d: MeasureDef): { slope: number; intercept: number }[] {
  const lines: { slope: number; intercept: number }[] = [];
  const from = Math.floor(d.target - d.band) - 1;
  const to = Math.ceil(d.target + d.band);
  for (let k = Math.max(from, 0); k <= to; k++) {
    const slope = deviationCost(d, k + 1) - deviationCost(d, k);
    lines.push({ slope, intercept: deviationCost(d, k) - slope * k });
  }
  return lines;
}

/** Solves the model with HiGHS from the greedy start, within the time limit. Synchronous: run it in a worker thread. */
export function solveMip(highs: Highs, model: PlannerModel, startFrom: Assignment, timeLimitSeconds: number): MipAnswer {
  if (model.schools.length === 0) return { assignment: { named: [], secondary: [] }, objective: 0, lowerBound: 0, optimal: true };
  const built = buildMip(model, highs.infinity);
  const numRows = built.rowLower.length;
  const m = highs.createModel({
    numCols: built.numCols,
    numRows,
    colCost: built.colCost,
    colLower: built.colLower,
    colUpper: built.colUpper,
    rowLower: built.rowLower,
    rowUpper: built.rowUpper,
    integrality: built.integrality as unknown as Int32Array,
    matrix: { format: 'csr', numRows, numCols: built.numCols, starts: built.starts, indices: built.indices, values: built.values },
  });
  try {
    // Presolve finds almost nothing to remove from this model (every pair left is allowed, every
    // row needed) and took a fifth of the time to optimal on the 400-school bench.
    m.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 1e-4, random_seed: 1, presolve: 'off' });
    try {
      m.setSolution({ colValue: built.start(startFrom) });
    } catch {
      // A start HiGHS will not take only costs time: it searches from nothing.
    }
    m.run();
    const status = m.getModelStatus();
    const info = (name: string): number => {
      const v = m.info.get(name);
      return typeof v === 'bigint' ? Number(v) : v;
    };
    const bound = info('mip_dual_bound');
    const lowerBound = Number.isFinite(bound) ? bound : -Infinity;
    const hasSolution = info('primal_solution_status') === 2;
    if (!hasSolution) return { assignment: null, objective: null, lowerBound, optimal: false };
    return {
      assignment: built.decode(m.getSolution().colValue),
      objective: m.getObjectiveValue(),
      lowerBound,
      optimal: status === highs.constants.modelStatus.optimal,
    };
  } finally {
    m.dispose();
  }
}
