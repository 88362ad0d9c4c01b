/**
 * The solver's worker thread: the greedy start first (sent at once, so the main process always
 * has an answer), then HiGHS from it within the time limit. Solving blocks this thread only,
 * never the main process. Nothing here reads the database: the model arrives as plain numbers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { greedy, improve } from './greedy.ts';
import { solveMip, type MipAnswer } from './mip.ts';
import { evaluate, type PlannerModel } from './model.ts';
import type { SolverMessage } from './solve.ts';

interface Job {
  model: PlannerModel;
  timeLimitSeconds: number;
}

const post = (message: SolverMessage) => parentPort?.postMessage(message);

async function main(job: Job): Promise<void> {
  const began = performance.now();
  const start = greedy(job.model);
  post({ kind: 'greedy', assignment: start });
  const { default: loadHighs } = await import('highs');
  const highs = await loadHighs();
  // The time limit is the person's wait for the whole answer, so the greedy start and loading HiGHS count against it.
  const left = Math.max(0.5, job.timeLimitSeconds - (performance.now() - began) / 1000);
  post({ kind: 'mip', answer: checked(job.model, solveMip(highs, job.model, start, left)) });
}

/**
 * HiGHS has claimed optimality for allocations that one exchange of two schools' workers then
 * improved (seen on the 400-school bench in this build), so its answer is put through the same
 * moves as the greedy start. A move that helps refutes the claim: the better allocation stands,
 * it is not called optimal, and the solver's bound, shown wrong, is not used.
 */
function checked(model: PlannerModel, answer: MipAnswer): MipAnswer {
  if (!answer.assignment || answer.objective === null) return answer;
  const polished = improve(model, answer.assignment);
  const objective = evaluate(model, polished).total;
  if (objective >= evaluate(model, answer.assignment).total - 1e-6) return answer;
  return { assignment: polished, objective, lowerBound: Math.min(answer.lowerBound, objective), optimal: false, refuted: true };
}

main(workerData as Job).catch((error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
