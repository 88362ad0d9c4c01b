/**
 * Runs the solver in a worker thread and waits for it without blocking the main process. The
 * greedy answer arrives first; HiGHS's answer replaces it when it comes in time and is no worse.
 * A worker that fails, or overruns its time limit by more than the grace, is ended and the
 * greedy answer stands (solver 'greedy', status 'fallback').
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { greedy } from './greedy.ts';
import type { MipAnswer } from './mip.ts';
import { evaluate, simpleLowerBound, type Assignment, type PlannerModel } from './model.ts';

export type SolverMessage =
  | { kind: 'greedy'; assignment: Assignment }
  | { kind: 'mip'; answer: MipAnswer }
  | { kind: 'failed'; message: string };

export interface Solved {
  assignment: Assignment;
  objective: number;
  lowerBound: number;
  gap: number;
  solver: 'highs' | 'greedy';
  status: 'optimal' | 'time_limit' | 'fallback';
  greedyObjective: number;
  failure: string | null;
}

/** Beyond the time limit, what loading HiGHS and building the model may take on a busy machine. */
const GRACE_MS = 30_000;

/**
 * The worker's entry: the TypeScript source beside this file when running from a checkout (Node
 * strips the types), or the compiled file beside the bundle (see build/electron-bundles.js).
 */
function workerEntry(): URL {
  // The Electron bundle is CommonJS, where import.meta is empty.
  const here = typeof __filename === 'string' ? pathToFileURL(__filename) : new URL(import.meta.url);
  const candidates = ['./solve-worker.ts', './solve-worker.mjs', '../solve-worker.mjs', './solve-worker.cjs'].map((name) => new URL(name, here));
  return candidates.find((u) => fs.existsSync(u)) ?? (candidates[0] as URL);
}

export const gapOf = (objective: number, lowerBound: number): number => Math.max(0, objective - lowerBound) / Math.max(Math.abs(objective), 1e-9);

export function solve(model: PlannerModel, timeLimitSeconds: number): Promise<Solved> {
  return new Promise((resolve) => {
    let start: Assignment | null = null;
    let settled = false;
    const worker = new Worker(workerEntry(), { workerData: { model, timeLimitSeconds } });
    const finish = (answer: MipAnswer | null, failure: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      const greedyAssignment = start ?? greedy(model);
      const greedyObjective = evaluate(model, greedyAssignment).total;
      const floor = simpleLowerBound(model);
      // A bound above an allocation in hand is wrong (see solve-worker.ts): the one always true stands instead.
      const bestBound = (highs: number | undefined, objective: number) =>
        Math.min(highs !== undefined && Number.isFinite(highs) && !answer?.refuted && highs <= objective + 1e-6 ? Math.max(highs, floor) : floor, objective);
      if (answer?.assignment && answer.objective !== null) {
        const objective = evaluate(model, answer.assignment).total;
        if (objective <= greedyObjective + 1e-6) {
          const lowerBound = answer.optimal ? objective : bestBound(answer.lowerBound, objective);
          const gap = gapOf(objective, lowerBound);
          resolve({ assignment: answer.assignment, objective, lowerBound, gap, solver: 'highs', status: answer.optimal ? 'optimal' : 'time_limit', greedyObjective, failure });
          return;
        }
      }
      const lowerBound = bestBound(answer?.lowerBound, greedyObjective);
      resolve({
        assignment: greedyAssignment, objective: greedyObjective, lowerBound, gap: gapOf(greedyObjective, lowerBound), solver: 'greedy', status: 'fallback', greedyObjective,
        failure: failure ?? (answer ? 'HiGHS found no better allocation in the time given' : null),
      });
    };
    const timer = setTimeout(() => finish(null, `The solver did not answer within ${timeLimitSeconds} s`), timeLimitSeconds * 1000 + GRACE_MS);
    worker.on('message', (m: SolverMessage) => {
      if (m.kind === 'greedy') start = m.assignment;
      else if (m.kind === 'mip') finish(m.answer, null);
      else finish(null, m.message);
    });
    worker.on('error', (error) => finish(null, error.message));
    worker.on('exit', (code) => finish(null, `The solver stopped (exit code ${code})`));
  });
}
