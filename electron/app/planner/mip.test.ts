/**
 * The exact model prices an allocation exactly as `evaluate` does, so HiGHS's objective, its
 * bound and the gap mean the same thing as the figures the screen shows; and the tighter pricing
 * of counted loads changes nothing at a whole load.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../shared/domain/planner.ts';
import { greedy, improve } from './greedy.ts';
import { buildMip, solveMip, wholeLoadLines } from './mip.ts';
import { deviationCost, evaluate, NOBODY, type MeasureDef, type ModelPair, type PlannerModel } from './model.ts';

const aMeasure = fc.record({ perUnit: fc.double({ min: 0.1, max: 20, noNaN: true }), target: fc.double({ min: 0, max: 30, noNaN: true }), band: fc.constantFrom(0.5, 0.25, 1) }).map(
  (m): MeasureDef => ({ measure: 'schools', term: 'schools', ...m, weightOf: () => 1, fixedOf: () => 0, role: 'named', integral: true }),
);
const priced = (d: MeasureDef, load: number) => Math.max(0, ...wholeLoadLines(d).map((l) => l.slope * load + l.intercept));

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe('pricing a counted load by its whole values', () => {
  it('costs exactly the deviation at every whole load, and never less between them', () => {
    fc.assert(
      fc.property(aMeasure, fc.double({ min: 0, max: 60, noNaN: true }), (d, between) => {
        for (let k = 0; k <= 60; k++) expect(priced(d, k)).toBeCloseTo(deviationCost(d, k), 9);
        expect(priced(d, between)).toBeGreaterThanOrEqual(deviationCost(d, between) - 1e-9);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('is dearer than the plain band between whole loads: 0.8 of a school each is no longer free', () => {
    const d: MeasureDef = { measure: 'enhanced', term: 'enhanced', perUnit: 2, target: 0.8, band: 0.5, weightOf: () => 1, fixedOf: () => 0, role: 'named', integral: true };
    expect(deviationCost(d, 0.8)).toBe(0);
    expect(priced(d, 0.8)).toBeCloseTo(0.12, 9); // a fifth of the way from 0 (cost 0.6) to 1 (cost 0)
  });
});

/** A small random team: every pair allowed but a few, the current allocation at random. */
function aTeam(seed: number, schools: number, workers: number): PlannerModel {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const named: ModelPair[] = [];
  const secondary: ModelPair[] = [];
  for (let s = 0; s < schools; s++) {
    for (let w = 0; w < workers; w++) {
      if (random() < 0.1) continue;
      named.push({ school: s, worker: w, warnings: random() < 0.1 ? 1 : 0 });
      secondary.push({ school: s, worker: w, warnings: 0 });
    }
  }
  return {
    schools: Array.from({ length: schools }, (_, s) => ({
      pupils: 50 + Math.floor(random() * 900), enhanced: random() < 0.2, hub: random() < 0.5 ? 'North' : 'South', easting: 400000 + random() * 30000, northing: 100000 + random() * 30000,
      currentNamed: random() < 0.7 ? s % workers : NOBODY, currentSecondary: NOBODY,
    })),
    workers: Array.from({ length: workers }, (_, w) => ({
      hub: w % 2 ? 'North' : 'South', capacity: Math.ceil(schools / workers) + 1, level3: w % 3, baseEasting: 400000 + random() * 30000, baseNorthing: 100000 + random() * 30000,
      fixed: { schools: w % 2, pupils: 100 * (w % 2), enhanced: 0, secondary: 0 },
    })),
    named, secondary, pinnedNamed: new Array<boolean>(schools).fill(false), pinnedSecondary: new Array<boolean>(schools).fill(false), weights: DEFAULT_WEIGHTS,
  };
}

describe('the exact model', () => {
  it('prices any allocation as evaluate does, and its answer is no worse than the greedy start', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const model = aTeam(seed, 6 + (seed % 7), 2 + (seed % 4));
      const start = greedy(model);
      const built = buildMip(model, highs.infinity);
      const columns = built.start(start);
      let objective = 0;
      columns.forEach((v, c) => (objective += v * (built.colCost[c] ?? 0)));
      expect(objective).toBeCloseTo(evaluate(model, start).total, 6);
      const answer = solveMip(highs, model, start, 20);
      expect(answer.assignment).not.toBeNull();
      expect(evaluate(model, answer.assignment ?? start).total).toBeCloseTo(answer.objective ?? NaN, 4);
      expect(answer.objective ?? Infinity).toBeLessThanOrEqual(evaluate(model, start).total + 1e-6);
      expect(answer.lowerBound).toBeLessThanOrEqual((answer.objective ?? 0) + 1e-6);
    }
  });
});

describe('the local search that checks a solver’s answer', () => {
  it('exchanges two full workers’ schools when each school is nearer the other worker', () => {
    const at = (easting: number) => ({ pupils: 100, enhanced: false, hub: null, easting, northing: 0, currentNamed: NOBODY, currentSecondary: NOBODY });
    const worker = (easting: number) => ({ hub: null, capacity: 1, level3: 0, baseEasting: easting, baseNorthing: 0, fixed: { schools: 0, pupils: 0, enhanced: 0, secondary: 0 } });
    const model: PlannerModel = {
      schools: [at(0), at(50000)], workers: [worker(50000), worker(0)],
      named: [0, 1].flatMap((school) => [0, 1].map((w) => ({ school, worker: w, warnings: 0 }))), secondary: [],
      pinnedNamed: [false, false], pinnedSecondary: [false, false], weights: { ...DEFAULT_WEIGHTS, continuity: 0 },
    };
    const crossed = { named: [0, 1], secondary: [NOBODY, NOBODY] };
    const better = improve(model, crossed);
    expect(better.named).toEqual([1, 0]);
    expect(evaluate(model, better).total).toBeCloseTo(evaluate(model, crossed).total - 2 * 50 * DEFAULT_WEIGHTS.travel, 6);
    expect(crossed.named).toEqual([0, 1]); // the answer checked is left as it was
  });
});
