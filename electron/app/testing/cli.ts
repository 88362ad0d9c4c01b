/** Runs the real `linkdesk` command in a child process, with its own machine config folder. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { PASSPHRASE, tempDir } from './builders.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'linkdesk.js');

export function linkdesk(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LINKDESK_HOME: tempDir(), LINKDESK_USER: 'Cli Tester', LINKDESK_PASSPHRASE: PASSPHRASE, ...env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, awaited rather than run synchronously, so the test worker stays responsive while
 * the command stretches its key on a busy machine (a blocked worker misses vitest's heartbeats).
 */
export async function linkdeskAsync(args: string[], env: Record<string, string> = {}) {
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
