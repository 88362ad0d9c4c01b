/** Opens a produced document in the program the computer uses for it (Word, Excel). */
import { spawn } from 'node:child_process';
import { AppError } from '../../../shared/errors.ts';
import { childEnvironment } from '../environment.ts';

export type OpenFile = (path: string) => Promise<void>;

/**
 * Browser mode and the command line: the system's own opener, never a shell, with an
 * allow-listed environment (it and the program it starts must not inherit a passphrase).
 */
export const openWithSystem: OpenFile = (path) =>
  new Promise((resolve, reject) => {
    const [command, args] =
      process.platform === 'win32' ? ['explorer.exe', [path]] : process.platform === 'darwin' ? ['open', [path]] : ['xdg-open', [path]];
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env: childEnvironment() });
    child.once('error', () => reject(new AppError('internal', `This computer has no program to open ${path}. The file is saved there.`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
