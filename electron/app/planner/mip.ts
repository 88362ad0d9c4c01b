/**
 * The exact model for HiGHS. Columns: one binary per allowed (school, worker) pair per role, a
 * slack per school and role for a role left empty, and, per worker and balance measure, the
 * deviations above and below the target's band (load - target = over - under + within, over and
 * under non-negative and priced, within free inside the band and unpriced), so the priced part
 * is exactly the distance beyond the band. Rows: each role filled once (or its slack),
 * one worker never both roles, capacity, and the balance equations. Its objective equals
 * `evaluate` for the same assignment, so bound and gap speak of the same quantity.
 */
import type { Highs } from 'highs';
import {
  capacityLeft, EMPTY_NAMED, EMPTY_SECONDARY, measures, NOBODY, pairCost, type Assignment, type ModelPair, type ModelSchool, type PlannerModel,
} from './model.ts';

export interface MipAnswer {
  assignment: Assignment | null;
  objective: number | null;
  lowerBound: number;
  optimal: boolean;
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

export function buildMip(model: PlannerModel, infinity: number): Built {
  const S = model.schools.length;
  const W = model.workers.length;
  const defs = measures(model);
  const nNamed = model.named.length;
  const nSecondary = model.secondary.length;
  const emptyNamed0 = nNamed + nSecondary;
  const emptySecondary0 = emptyNamed0 + S;
  const dev0 = emptySecondary0 + S;
  const numCols = dev0 + defs.length * W * 3;
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
    colCost[emptyNamed0 + s] = EMPTY_NAMED;
    colCost[emptySecondary0 + s] = EMPTY_SECONDARY;
    // A pinned role is never left empty (capacity always leaves room for the pins).
    if (model.pinnedNamed[s]) colUpper[emptyNamed0 + s] = 0;
    if (model.pinnedSecondary[s]) colUpper[emptySecondary0 + s] = 0;
  }
  defs.forEach((d, k) => {
    for (let w = 0; w < W; w++) {
      const over = dev0 + (k * W + w) * 3;
      colCost[over] = d.perUnit;
      colCost[over + 1] = d.perUnit;
      colUpper[over] = infinity;
      colUpper[over + 1] = infinity;
      colLower[over + 2] = -d.band;
      colUpper[over + 2] = d.band;
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
      const over = dev0 + (k * W + w) * 3;
      const rhs = d.target - d.fixedOf(model.workers[w] as PlannerModel['workers'][number]);
      // load - over + under - within = target, with load = fixed + the schools given here.
      row([...cols, over, over + 1, over + 2], [...cols.map((c) => d.weightOf(model.schools[pairs(c).school] as ModelSchool)), -1, 1, -1], rhs, rhs);
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
      if (a.named[s] === NOBODY) col[emptyNamed0 + s] = 1;
      if (a.secondary[s] === NOBODY) col[emptySecondary0 + s] = 1;
    }
    defs.forEach((d, k) => {
      const load = model.workers.map((w) => d.fixedOf(w));
      (d.role === 'named' ? a.named : a.secondary).forEach((w, s) => {
        if (w !== NOBODY) load[w] = (load[w] ?? 0) + d.weightOf(model.schools[s] as ModelSchool);
      });
      load.forEach((l, w) => {
        const over = dev0 + (k * W + w) * 3;
        const within = Math.max(-d.band, Math.min(d.band, l - d.target));
        col[over] = Math.max(0, l - d.target - within);
        col[over + 1] = Math.max(0, d.target - l + within);
        col[over + 2] = within;
      });
    });
    return col;
  };
  return { numCols, colCost, colLower, colUpper, integrality, rowLower, rowUpper, starts, indices, values, start, decode };
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
    m.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 1e-4, random_seed: 1 });
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
