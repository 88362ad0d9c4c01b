/** Runs the real `linkdesk` command in a child process, with its own machine config folder. */
import { spawnSync } from 'node:child_process';
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
