/** Runs crash-child.ts in a real child process, for the crash and permission tests. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const CHILD = path.join(import.meta.dirname, 'crash-child.ts');

export interface ChildPlan {
  action: 'rekey' | 'restore' | 'midwrite' | 'hold' | 'access-add' | 'access-remove' | 'access-remove-reencrypt';
  path: string;
  passphrase: string;
  /** Who opens it (access-*): a person with their own passphrase. */
  user?: string;
  /** The person added or removed (access-*), and the new person's passphrase. */
  person?: string;
  personPassphrase?: string;
  next?: string;
  from?: string;
  stopAt?: string;
}

export interface Child {
  process: ChildProcessWithoutNullStreams;
  /** The next line the child prints. */
  nextLine: () => Promise<string>;
  /** Resolves with the exit signal (or code) once it has gone. */
  exited: Promise<NodeJS.Signals | number | null>;
}

export function startChild(plan: ChildPlan, options: { uid?: number; gid?: number } = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(plan)], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options,
  });
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queue.push(line);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const nextLine = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const queued = queue.shift();
      if (queued !== undefined) return resolve(queued);
      waiting.push(resolve);
      void exited.then((how) => reject(new Error(`the child ended (${String(how)}) before printing a line: ${stderr.slice(0, 2000)}`)));
    });
  return { process: child, nextLine, exited };
}

/** Runs a plan to its end (or to the SIGKILL it asks for); returns how it ended. */
export async function runChild(plan: ChildPlan): Promise<NodeJS.Signals | number | null> {
  const child = startChild(plan);
  child.process.stdin.end();
  return child.exited;
}
