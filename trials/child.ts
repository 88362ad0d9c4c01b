/** Child processes for the trials: the real `linkdesk` command, or a driver script, on the project's Node. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'linkdesk.js');
export const OLD_PASSPHRASE = 'trial old passphrase 2026 harbour';
export const NEW_PASSPHRASE = 'trial new passphrase 2027 lantern';
/** With per-person access: the runner (LINKDESK_USER) holds OLD_PASSPHRASE; the leaver, and the newcomer an access trial adds, NEW_PASSPHRASE. */
export const RUNNER = 'Trial Runner';
export const LEAVER = 'Sam Leaver';
export const NEWCOMER = 'Robin Newcomer';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** True when the kill came before the process ended by itself. */
  killed: boolean;
  /** When the watched file appeared, from the start; null if it never did. */
  watchedAtMs: number | null;
}

/** The command line: `linkdesk ARGS`. A driver: a .ts file under trials/drivers run through tsx. */
export function commandLine(args: string[]): string[] {
  return [BIN, ...args];
}

export function driverLine(driver: string, args: string[]): string[] {
  return ['--import', 'tsx', path.join(ROOT, 'trials', 'drivers', driver), ...args];
}

/** Each child gets its own machine folder, the passphrases in the environment, and nothing else of ours. */
function environment(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    LINKDESK_HOME: home,
    LINKDESK_USER: RUNNER,
    LINKDESK_PASSPHRASE: OLD_PASSPHRASE,
    LINKDESK_NEW_PASSPHRASE: NEW_PASSPHRASE,
  };
}

export interface ChildOptions {
  /** SIGKILL this long after the start (or after `watch` first sees the file). */
  killAfterMs?: number;
  /** A file whose appearance starts the kill clock and is timed: the database's lock, taken when it opens. */
  watch?: string;
  home?: string;
}

/** Runs to the end, or SIGKILLs it after `killAfterMs`. */
export function runChild(argv: string[], options: ChildOptions = {}): Promise<Finished> {
  const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-trial-home-'));
  const started = performance.now();
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: environment(home), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  let watchedAtMs: number | null = null;
  const armKill = () => {
    if (options.killAfterMs === undefined) return;
    timer = setTimeout(() => {
      killed = child.exitCode === null && child.signalCode === null;
      child.kill('SIGKILL');
    }, options.killAfterMs);
  };
  const watcher = options.watch
    ? setInterval(() => {
        if (watchedAtMs === null && options.watch && fs.existsSync(options.watch)) {
          watchedAtMs = performance.now() - started;
          clearInterval(watcher);
          armKill();
        }
      }, 2)
    : undefined;
  if (!watcher) armKill();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watcher);
      if (!options.home) fs.rmSync(home, { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, watchedAtMs, killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** Runs to the end and insists on success: for building the databases and the un-killed runs. */
export async function runOrThrow(argv: string[], what: string): Promise<Finished> {
  const done = await runChild(argv);
  if (done.code !== 0) throw new Error(`${what} failed (exit ${done.code ?? done.signal}): ${done.stderr.trim() || done.stdout.trim()}`);
  return done;
}
