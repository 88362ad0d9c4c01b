/**
 * The fuzzer's worker process: one importer, cases FROM..COUNT-1, against a real encrypted copy
 * of the demo team, through the dispatcher. One JSON line before and after each case, so the
 * parent can tell a hang or a crash of the whole process from a refused file.
 * Usage: node --import tsx trials/fuzz/worker.ts '{"importer":...,"seed":...,"from":...,"count":...,"dir":...,"demo":...}'
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { api, isMethodName } from '../../shared/api.ts';
import type { Result } from '../../shared/errors.ts';
import { handlers } from '../../electron/app/api.ts';
import { MachineConfig } from '../../electron/app/config/machine-config.ts';
import { createDispatcher } from '../../electron/app/dispatcher.ts';
import { AppSession } from '../../electron/app/session.ts';
import { OLD_PASSPHRASE } from '../child.ts';
import { runSeed } from '../random.ts';
import { IMPORTERS } from './importers.ts';
import { casesFor } from './mutations.ts';

export interface WorkerJob {
  importer: string;
  seed: number;
  from: number;
  count: number;
  dir: string;
  demo: string;
}

export type CaseOutcome = 'accepted' | 'refused' | 'crash';

export interface CaseLine {
  type: 'start' | 'done';
  index: number;
  label: string;
  file: string;
  outcome?: CaseOutcome;
  message?: string;
  stack?: string;
  changedOnRefusal?: boolean;
  ms?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
const importer = IMPORTERS.find((i) => i.name === job.importer);
if (!importer || !isMethodName(importer.method)) throw new Error(`unknown importer ${job.importer}`);
const method = importer.method;
const db = path.join(job.dir, 'fuzz.linkdesk');
const pristine = path.join(job.dir, 'pristine.linkdesk');
if (!fs.existsSync(pristine)) fs.copyFileSync(job.demo, pristine);
fs.copyFileSync(pristine, db);
fs.rmSync(`${db}.lock`, { force: true });
const session = new AppSession({ config: new MachineConfig(path.join(job.dir, 'home')), mode: 'cli', openFile: async () => undefined });
const dispatch = createDispatcher(session);

const emit = (line: CaseLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function unlock(): Promise<void> {
  const opened = (await dispatch('db.unlock', { path: db, passphrase: OLD_PASSPHRASE, userName: 'Fuzz Tester' })) as Result<unknown>;
  if (!opened.ok) throw new Error(`cannot open the fuzz database: ${opened.error.message}`);
}

/** The dispatcher hides an internal error's stack (it could quote user data): call the handler itself to see it. */
async function stackOf(input: Record<string, unknown>): Promise<string> {
  try {
    const handler = handlers[method] as (s: AppSession, i: unknown) => unknown;
    await handler(session, api[method].input.parse(input));
    return 'the handler did not throw when called directly';
  } catch (error) {
    return error instanceof Error ? (error.stack ?? String(error)) : String(error);
  }
}

await unlock();
const seedFile = await importer.seed();
for (let index = job.from; index < job.count; index++) {
  const [mutation] = fc.sample(casesFor(importer), { seed: runSeed(job.seed, importer.name, index), numRuns: 1 });
  if (!mutation) continue;
  const file = path.join(job.dir, `case-${index}.${importer.kind}`);
  fs.writeFileSync(file, await mutation.make(seedFile));
  emit({ type: 'start', index, label: mutation.label, file });
  const before = sha256(db);
  const started = performance.now();
  const input = importer.input(file);
  const result = (await dispatch(method, input)) as Result<unknown>;
  const ms = Math.round(performance.now() - started);
  const changed = sha256(db) !== before;
  const crashed = !result.ok && (result.error.code === 'internal' || !result.error.message.trim());
  if (result.ok) {
    emit({ type: 'done', index, label: mutation.label, file, outcome: 'accepted', ms });
  } else if (crashed) {
    emit({ type: 'done', index, label: mutation.label, file, outcome: 'crash', message: result.error.message, stack: await stackOf(input), changedOnRefusal: changed, ms });
  } else {
    emit({ type: 'done', index, label: mutation.label, file, outcome: 'refused', message: result.error.message.slice(0, 300), changedOnRefusal: changed, ms });
  }
  // An accepted file changed the team: start the next case from the pristine copy again.
  if (changed) {
    session.lock();
    fs.copyFileSync(pristine, db);
    await unlock();
  }
  // A crash's input stays for the parent to keep with the report.
  if (!crashed && !(changed && !result.ok)) fs.rmSync(file, { force: true });
}
session.lock();
