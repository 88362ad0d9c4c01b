/**
 * `npm run bench`: prints median timings and ratios from one run. Not a test: nothing fails on a number.
 *   --only NAME[,NAME]  run only these benches (database, api, schools, allocations, planner, documents, scale, startup)
 *   --json              print one JSON object of every figure on stdout (the tables go to stderr)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchAllocations } from './allocations.bench.ts';
import { benchApi } from './api.bench.ts';
import { benchDatabase } from './database.bench.ts';
import { benchDocuments } from './documents.bench.ts';
import { printTo, say, type Results } from './harness.ts';
import { benchScale } from './scale.bench.ts';
import { benchPlanner } from './planner.bench.ts';
import { benchSchools } from './schools.bench.ts';
import { benchStartup } from './startup.bench.ts';

const BENCHES: Record<string, () => Results | Promise<Results>> = {
  database: benchDatabase,
  api: benchApi,
  schools: benchSchools,
  allocations: benchAllocations,
  documents: benchDocuments,
  planner: benchPlanner,
  scale: () => benchScale(say),
  startup: benchStartup,
};

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, only: { type: 'string' } } });
const chosen = values.only ? values.only.split(',').map((n) => n.trim()) : Object.keys(BENCHES);
const unknown = chosen.filter((n) => !(n in BENCHES));
if (unknown.length) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Choose from ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
if (values.json) printTo('stderr');
say(`LinkDesk benchmarks: Node ${process.versions.node}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
const results: Results = {};
for (const name of chosen) {
  const bench = BENCHES[name];
  if (bench) Object.assign(results, await bench());
}
if (values.json) console.log(JSON.stringify(results, null, 2));
