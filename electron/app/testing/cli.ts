/** Runs the real `linkdesk` command in a child process, with its own machine config folder. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PASSPHRASE, tempDir } from './builders.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'linkdesk.js');

/**
 * Awaited rather than run synchronously, so the test worker stays responsive while the
 * command stretches its key on a busy machine: a worker blocked in spawnSync for over a
 * minute misses vitest's RPC and fails with 'Timeout calling "onTaskUpdate"'.
 */
export async function linkdesk(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', LINKDESK_HOME: tempDir(), LINKDESK_USER: 'Cli Tester', LINKDESK_PASSPHRASE: PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number>((resolve) => child.once('close', (code) => resolve(code ?? -1)));
  return { status, stdout, stderr };
}
