/**
 * Paths typed by people. `~` means their home folder; anything else must be a full path,
 * since "relative to what" has no good answer in a desktop app (the working folder of an
 * installed app is its install folder). Quotes around a pasted path ("Copy as path") go.
 */
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { withoutQuotes } from '../../shared/domain/text.ts';

export function userPath(typed: string, field = 'path', what: 'file' | 'folder' = 'file'): string {
  const trimmed = withoutQuotes(typed);
  const expanded = trimmed === '~' ? os.homedir() : /^~[\\/]/.test(trimmed) ? path.join(os.homedir(), trimmed.slice(2)) : trimmed;
  if (!path.isAbsolute(expanded)) {
    const name = path.basename(expanded) || what;
    const example = process.platform === 'win32' ? `C:\\Users\\you\\Documents\\${name}` : `${os.homedir()}/Documents/${name}`;
    throw new AppError('invalid_input', `Give the full path of the ${what}, for example ${example}.`, {
      issues: [{ path: field, message: `Give the full path, for example ${example}` }],
    });
  }
  return path.normalize(expanded);
}
