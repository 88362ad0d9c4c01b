/** `npm run bench`: prints median timings and ratios from one run. Not a test: nothing fails on a number. */
import os from 'node:os';
import { benchAllocations } from './allocations.bench.ts';
import { benchApi } from './api.bench.ts';
import { benchDatabase } from './database.bench.ts';
import { benchDocuments } from './documents.bench.ts';
import { benchSchools } from './schools.bench.ts';

console.log(`LinkDesk benchmarks: Node ${process.versions.node}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
benchDatabase();
await benchApi();
await benchSchools();
benchAllocations();
await benchDocuments();
