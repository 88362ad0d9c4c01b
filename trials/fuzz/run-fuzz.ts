/**
 * `npm run fuzz`: malformed files for every importer, through the API, against a real encrypted
 * database. Each must be imported or refused with a clear message, never crash or hang, and a
 * refused file must leave the database byte-identical.
 *   npm run fuzz -- [--cases 200] [--only people-xlsx,gias-csv] [--seed N] [--case I] [--timeout 60] [--heap 1536] [--verbose]
 */
import os from 'node:os';
import path from 'node:path';
import { freshSeed } from '../random.ts';
import { formatTable, intOption, parseOptions } from '../table.ts';
import { runFuzz, type ImporterResult } from './fuzz.ts';
import { IMPORTERS } from './importers.ts';

export function fuzzSummary(results: ImporterResult[], seed: number): string {
  const table = formatTable(
    ['importer', 'cases', 'accepted', 'refused with a clear message', 'crashes or hangs', 'database changed by a failure', 'slowest'],
    results.map((r) => [r.importer, r.cases, r.accepted, r.refused, r.crashes, r.changedOnFailure, `${r.slowestMs} ms`]),
  );
  const findings = results.flatMap((r) => r.findings).map((f) =>
    [`\n${f.importer} case ${f.index} (${f.label}): ${f.what}`, `  input: ${f.input}`, `  replay: npm run fuzz -- --seed ${seed} --only ${f.importer} --case ${f.index}`, ...(f.stack ? [`  ${f.stack.split('\n').slice(0, 8).join('\n  ')}`] : [])].join('\n'),
  );
  return [table, ...findings].join('\n');
}

async function main(): Promise<number> {
  const values = parseOptions(process.argv.slice(2), { cases: 'string', only: 'string', seed: 'string', case: 'string', timeout: 'string', heap: 'string', verbose: 'boolean' });
  const seed = intOption(values, 'seed', freshSeed());
  const only = values.case === undefined ? undefined : intOption(values, 'case', 0);
  const importers = typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()) : IMPORTERS.map((i) => i.name);
  const findingsDir = path.join(os.tmpdir(), `linkdesk-fuzz-findings-${seed}`);
  console.log(`Fuzzing the importers, seed ${seed} (replay with --seed ${seed}); inputs that fail are kept in ${findingsDir}`);
  const started = Date.now();
  const results = await runFuzz({
    importers, cases: intOption(values, 'cases', 200), seed, ...(only === undefined ? {} : { only }),
    timeoutMs: intOption(values, 'timeout', 60) * 1000, heapMb: intOption(values, 'heap', 1536), findingsDir, verbose: values.verbose === true, log: (line) => console.log(line),
  });
  console.log(`\n${fuzzSummary(results, seed)}\n\nSeed ${seed}; ${Math.round((Date.now() - started) / 1000)} s.`);
  return results.some((r) => r.crashes > 0 || r.changedOnFailure > 0) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`fuzz: ${(error as Error).message}`);
      process.exit(2);
    },
  );
}
