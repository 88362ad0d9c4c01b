import { describe, expect, it } from 'vitest';
import { currentInWords, gapInWords, points, solverInWords } from './plan-words.ts';

describe('the plan in words', () => {
  it('says a proved optimum has no gap, and otherwise how far above the best possible it may be', () => {
    expect(gapInWords({ gap: 0, objective: 120, lowerBound: 120 })).toMatch(/No allocation by these priorities costs less: the gap to the best possible is 0%/);
    expect(gapInWords({ gap: 0.125, objective: 120, lowerBound: 105 })).toBe(
      'No allocation can cost less than 105 points, so this one is at most 12.5% above the best possible (the gap). More time may close it.',
    );
  });

  it('names the solver and whether it proved the answer', () => {
    expect(solverInWords({ solver: 'highs', status: 'optimal' })).toMatch(/proved this the best/);
    expect(solverInWords({ solver: 'highs', status: 'time_limit' })).toMatch(/within the time limit/);
    expect(solverInWords({ solver: 'greedy', status: 'fallback' })).toMatch(/gave no better answer/);
  });

  it('compares with the current allocation, or says why it cannot', () => {
    expect(currentInWords({ currentObjective: 150.25, objective: 120 })).toBe('The current allocation costs 150.3 points; this plan saves 30.3 points.');
    expect(currentInWords({ currentObjective: 120, objective: 120 })).toMatch(/already as good/);
    expect(currentInWords({ currentObjective: null, objective: 120 })).toMatch(/cannot be priced/);
    expect(points(1)).toBe('1 point');
  });
});
