/**
 * The solver's worker thread: the greedy start first (sent at once, so the main process always
 * has an answer), then HiGHS from it within the time limit. Solving blocks this thread only,
 * never the main process. Nothing here reads the database: the model arrives as plain numbers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { greedy } from './greedy.ts';
import { solveMip } from './mip.ts';
import type { PlannerModel } from './model.ts';
import type { SolverMessage } from './solve.ts';

interface Job {
  model: PlannerModel;
  timeLimitSeconds: number;
}

const post = (message: SolverMessage) => parentPort?.postMessage(message);

async function main(job: Job): Promise<void> {
  const start = greedy(job.model);
  post({ kind: 'greedy', assignment: start });
  const { default: loadHighs } = await import('highs');
  const highs = await loadHighs();
  post({ kind: 'mip', answer: solveMip(highs, job.model, start, job.timeLimitSeconds) });
}

main(workerData as Job).catch((error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
