/**
 * `npm run trials`: kills LinkDesk at random moments of its writing operations and checks each
 * time that the database opens, passes its check and holds all or nothing of the change.
 *   npm run trials -- [--runs 100] [--only rekey,backup] [--seed N] [--run I] [--small] [--from-start]
 * Kills land at a random moment between the database being opened (its lock file appears) and
 * the end of the un-killed run; --from-start draws them from the process's start instead.
 * Exit 1 on any failure; the seed printed first replays the same delays.
 */
import { formatTable, intOption, parseOptions } from './table.ts';
import { OPERATIONS } from './operations.ts';
import { freshSeed } from './random.ts';
import { runTrial, type TrialResult } from './trial.ts';
import { FULL_SIZES, prepareWorkspace, TEST_SIZES, type Sizes } from './workspace.ts';

export interface TrialsRequest {
  operations: string[];
  runs: number;
  seed: number;
  only?: number;
  fromStart?: boolean;
  sizes: Sizes;
  log?: (line: string) => void;
}

export async function runTrials(request: TrialsRequest): Promise<TrialResult[]> {
  const unknown = request.operations.filter((name) => !OPERATIONS.some((op) => op.name === name));
  if (unknown.length) throw new Error(`No trial called ${unknown.join(', ')}. Trials: ${OPERATIONS.map((op) => op.name).join(', ')}`);
  const ws = await prepareWorkspace(request.sizes, request.log);
  const results: TrialResult[] = [];
  for (const op of OPERATIONS.filter((o) => request.operations.includes(o.name))) {
    results.push(await runTrial(op, ws, { runs: request.runs, seed: request.seed, fromStart: request.fromStart ?? false, ...(request.only === undefined ? {} : { only: request.only }), ...(request.log ? { log: request.log } : {}) }));
  }
  return results;
}

/** "Not run" counts as a failure unless the command is simply not there yet. */
export function trialFailed(result: TrialResult): boolean {
  return result.failures.length > 0 || (result.notRun !== null && !result.notRun.startsWith('not available'));
}

export function summary(results: TrialResult[], seed: number): string {
  const rows = results.map((r) =>
    r.notRun
      ? [r.operation, '-', '-', '-', '-', '-', '-', r.notRun.startsWith('not available') ? 'not available' : 'NOT RUN']
      : [r.operation, r.runs, r.killedMidway, r.opened, r.checkPassed, r.allOrNothing, r.failures.length, `${Math.round(r.measuredMs)} ms`],
  );
  const lines = [formatTable(['operation', 'runs', 'killed mid-way', 'opened', 'check passed', 'all or nothing', 'failures', 'un-killed run'], rows)];
  for (const r of results) {
    if (r.notRun) lines.push(`\n${r.operation}: ${r.notRun}`);
    for (const f of r.failures) {
      lines.push(`\n${r.operation} run ${f.run} (kill delay ${f.delayMs} ms; replay: npm run trials -- --seed ${seed} --only ${r.operation} --run ${f.run}):`);
      for (const p of f.problems) lines.push(`  - ${p}`);
    }
    if (r.notes.size) lines.push(`\n${r.operation} notes: ${[...r.notes].map(([note, n]) => `${note} (${n})`).join('; ')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) throw new Error(`The trials need the project's Node 24 (this is ${process.versions.node}): run them with npm run trials.`);
  const values = parseOptions(process.argv.slice(2), { runs: 'string', only: 'string', seed: 'string', run: 'string', small: 'boolean', 'from-start': 'boolean' });
  const seed = intOption(values, 'seed', freshSeed());
  const runs = intOption(values, 'runs', 100);
  const only = values.run === undefined ? undefined : intOption(values, 'run', 0);
  const operations = typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()) : OPERATIONS.map((op) => op.name);
  console.log(`Crash trials, seed ${seed} (replay with --seed ${seed}), ${only === undefined ? `${runs} runs` : `run ${only} only`} of ${operations.join(', ')}`);
  const started = Date.now();
  const results = await runTrials({ operations, runs, seed, fromStart: values['from-start'] === true, ...(only === undefined ? {} : { only }), sizes: values.small ? TEST_SIZES : FULL_SIZES, log: (line) => console.log(line) });
  console.log(`\n${summary(results, seed)}\n\nSeed ${seed}; ${Math.round((Date.now() - started) / 1000)} s.`);
  return results.some(trialFailed) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`trials: ${(error as Error).message}`);
      process.exit(2);
    },
  );
}
