/**
 * One operation's trial: an un-killed run to measure it and learn the state it leaves, then
 * runs killed with SIGKILL at a random moment of that duration, each judged on a fresh copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyringPathFor } from '../electron/app/access/keyring.ts';
import { lockPathFor } from '../electron/app/db/lock-file.ts';
import { runChild, type Finished } from './child.ts';
import type { Operation, RunFiles, States } from './operations.ts';
import { runSeed, seededRandom } from './random.ts';
import type { Fingerprint } from './repo.ts';
import { describeDifference, inspectDatabase, matchState } from './verify.ts';
import { copyDatabase, type Workspace } from './workspace.ts';

export interface RunFailure {
  run: number;
  delayMs: number;
  problems: string[];
}

export interface TrialResult {
  operation: string;
  /** Why the trial did not run (the command does not exist yet, the un-killed run failed). */
  notRun: string | null;
  measuredMs: number;
  runs: number;
  /** Runs whose process was still going when the kill came. */
  killedMidway: number;
  opened: number;
  checkPassed: number;
  allOrNothing: number;
  failures: RunFailure[];
  /** Things left behind or worth knowing, counted: "stale lock taken over" x 37. */
  notes: Map<string, number>;
}

export interface TrialOptions {
  runs: number;
  seed: number;
  /** Only this run index (to replay a failure). */
  only?: number;
  /** Draw delays from the process's start, not from the moment it opens the database. */
  fromStart?: boolean;
  log?: (line: string) => void;
}

function workDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `linkdesk-trial-${name}-`));
}

/** Files a run left beside the database, with numbers masked so the same leftover counts once. */
function leftovers(files: RunFiles): string[] {
  const expected = new Set([path.basename(files.db), `${path.basename(files.db)}.lock`, path.basename(keyringPathFor(files.db)), ...(files.other ? [path.basename(files.other)] : [])]);
  return fs.readdirSync(files.dir).filter((f) => !expected.has(f)).map((f) => `left behind: ${f.replace(/\d+/g, 'N')}`);
}

function allowedStates(op: Operation, states: States, saves: number): { label: string; fingerprint: Fingerprint }[] {
  if (!op.repeated) return [{ label: 'before', fingerprint: states.before }, { label: 'after', fingerprint: states.after }];
  const allowed = [];
  for (let k = 0; k <= saves; k++) {
    const fingerprint: Fingerprint = {};
    for (const table of Object.keys(states.after)) {
      const before = states.before[table] ?? 0;
      fingerprint[table] = before + ((states.after[table] ?? 0) - before) * (k / saves);
    }
    allowed.push({ label: `${k} of ${saves} saves`, fingerprint });
  }
  return allowed;
}

/** The window the kills are drawn across: from when the database's lock appears (unless asked from the start) to the end. */
function windowOf(done: Finished, fromStart: boolean): { ms: number; afterOpen: boolean } {
  if (fromStart || done.watchedAtMs === null) return { ms: done.ms, afterOpen: false };
  return { ms: done.ms - done.watchedAtMs, afterOpen: true };
}

async function measure(op: Operation, ws: Workspace, fromStart: boolean): Promise<{ ms: number; window: { ms: number; afterOpen: boolean }; states: States; saves: number }> {
  const dir = workDir(op.name);
  try {
    // A copy: the cached file is shared with any other harness running now, and opening takes its lock.
    const start = path.join(dir, 'start.linkdesk');
    copyDatabase(op.base(ws), start);
    const before = await inspectDatabase(start, op.passphrases);
    if (!before.fingerprint || before.problems.length) throw new Error(`the starting database is not sound: ${before.problems.join('; ')}`);
    const { files, argv } = op.lay(ws, dir);
    const done = await runChild(argv, { watch: lockPathFor(files.db) });
    if (done.code !== 0) throw new Error(`the un-killed run failed (exit ${done.code ?? done.signal}): ${(done.stderr || done.stdout).trim().slice(0, 400)}`);
    const after = await inspectDatabase(files.db, op.passphrases);
    if (!after.fingerprint || after.problems.length) throw new Error(`after the un-killed run: ${after.problems.join('; ')}`);
    const states = { before: before.fingerprint, after: after.fingerprint };
    const saves = op.repeated ? Number((JSON.parse(done.stdout.trim().split('\n').pop() ?? '{}') as { saves?: number }).saves ?? 0) : 1;
    if (op.repeated && saves < 1) throw new Error('the un-killed run saved nothing');
    const extra = op.extra ? await op.extra(files, states) : [];
    if (extra.length) throw new Error(`after the un-killed run: ${extra.join('; ')}`);
    if (op.name === 'backup' && files.other && !fs.existsSync(files.other)) throw new Error('the un-killed backup wrote no file');
    return { ms: done.ms, window: windowOf(done, fromStart), states, saves };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runTrial(op: Operation, ws: Workspace, options: TrialOptions): Promise<TrialResult> {
  const result: TrialResult = {
    operation: op.name, notRun: null, measuredMs: 0, runs: 0, killedMidway: 0, opened: 0, checkPassed: 0, allOrNothing: 0, failures: [], notes: new Map(),
  };
  const unavailable = op.available ? await op.available() : null;
  if (unavailable) return { ...result, notRun: unavailable };
  let measured: Awaited<ReturnType<typeof measure>>;
  try {
    measured = await measure(op, ws, options.fromStart ?? false);
  } catch (error) {
    return { ...result, notRun: (error as Error).message };
  }
  result.measuredMs = measured.ms;
  const { afterOpen } = measured.window;
  options.log?.(`${op.name}: un-killed run ${Math.round(measured.ms)} ms${afterOpen ? `, ${Math.round(measured.window.ms)} ms of it with the database open` : ''}; ${options.only === undefined ? options.runs : 1} killed runs`);
  const allowed = allowedStates(op, measured.states, measured.saves);
  const indexes = options.only === undefined ? [...Array(options.runs).keys()] : [options.only];
  // On a shared machine an operation's duration drifts with the load: a run that ends before its
  // kill is the latest measure, so the delays keep landing inside the operation.
  let durationMs = measured.window.ms;
  for (const run of indexes) {
    const delayMs = Math.round(seededRandom(runSeed(options.seed, op.name, run))() * durationMs);
    const dir = workDir(op.name);
    try {
      const { files, argv } = op.lay(ws, dir);
      const done = await runChild(argv, { killAfterMs: delayMs, ...(afterOpen ? { watch: lockPathFor(files.db) } : {}) });
      const problems: string[] = [];
      if (done.killed) result.killedMidway++;
      else if (done.code === 0) durationMs = windowOf(done, !afterOpen).ms;
      else if (done.code !== 0) problems.push(`ended by itself before the kill with exit ${done.code ?? done.signal}: ${done.stderr.trim().slice(0, 200)}`);
      const seen = await inspectDatabase(files.db, op.passphrases);
      // After opening, as a person would find the folder: a hot journal is gone by now, a temporary file may not be.
      seen.notes.push(...leftovers(files));
      if (seen.openedWith) result.opened++;
      if (seen.openedWith && op.passphrases.length > 1) seen.notes.push(`opened with the ${seen.openedWith} passphrase`);
      for (const note of seen.notes) result.notes.set(note, (result.notes.get(note) ?? 0) + 1);
      if (seen.checkPassed) result.checkPassed++;
      problems.push(...seen.problems);
      const extra = op.extra ? await op.extra(files, measured.states) : [];
      problems.push(...extra);
      if (seen.fingerprint) {
        const state = matchState(seen.fingerprint, allowed);
        if (state === null) problems.push(`holds part of the change: ${describeDifference(seen.fingerprint, measured.states.before, measured.states.after)}`);
        else if (extra.length === 0) result.allOrNothing++;
      }
      result.runs++;
      if (problems.length) result.failures.push({ run, delayMs, problems });
      options.log?.(`  ${op.name} run ${run}: ${done.killed ? `killed ${delayMs} ms after ${afterOpen ? 'the database opened' : 'the start'}` : 'ended before the kill'}; ${problems.length ? `FAILED: ${problems.join('; ')}` : 'sound'}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return result;
}
