/** How the Planner screen says what the solver proved, in words a manager reads without a glossary. */
import type { PlanResult } from '../../../../../shared/domain/planner.ts';

export const points = (n: number) => `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} point${Math.abs(n) === 1 ? '' : 's'}`;

const percent = (fraction: number) => `${(fraction * 100).toLocaleString('en-GB', { maximumFractionDigits: fraction < 0.01 ? 2 : 1 })}%`;

export function solverInWords(result: Pick<PlanResult, 'solver' | 'status'>): string {
  if (result.solver === 'greedy') {
    return result.status === 'fallback'
      ? 'The quick method (greedy): the exact solver (HiGHS) gave no better answer in time.'
      : 'The quick method (greedy): there was nothing for the exact solver to decide.';
  }
  return result.status === 'optimal'
    ? 'The exact solver (HiGHS) proved this the best allocation.'
    : 'The exact solver (HiGHS): the best allocation it found within the time limit.';
}

/** The gap as a promise: how much better any allocation could possibly be. */
export function gapInWords(result: Pick<PlanResult, 'gap' | 'objective' | 'lowerBound'>): string {
  if (result.gap <= 1e-4) return 'No allocation by these priorities costs less: the gap to the best possible is 0%.';
  return `No allocation can cost less than ${points(result.lowerBound)}, so this one is at most ${percent(result.gap)} above the best possible (the gap). More time may close it.`;
}

export function currentInWords(result: Pick<PlanResult, 'currentObjective' | 'objective'>): string {
  if (result.currentObjective === null) return 'The current allocation cannot be priced: it leaves a school without a worker the rules allow, or breaks a limit.';
  const saving = result.currentObjective - result.objective;
  if (saving <= 0.05) return `The current allocation costs ${points(result.currentObjective)}: already as good as this plan.`;
  return `The current allocation costs ${points(result.currentObjective)}; this plan saves ${points(saving)}.`;
}
