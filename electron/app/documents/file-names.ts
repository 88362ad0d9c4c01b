/**
 * Where a document goes and how it is written. Names must be safe on Windows (the team folder
 * is often a shared drive): no reserved characters or names, no trailing dot or space, and the
 * whole path within Windows' 260 characters. A file is never overwritten: a suffix is added.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
export const MAX_PATH = 259;

/** One path segment that Windows, macOS and Linux all accept. */
export function safeName(name: string): string {
  let safe = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (!safe) safe = 'Unnamed';
  if (RESERVED.test(safe)) safe = `${safe}_`;
  return safe;
}

/** The school's folder: `<School name> (<URN>)`, the name shortened when the path would be too long. */
export function schoolFolderName(schoolName: string, urn: string, room: number): string {
  const suffix = ` (${urn})`;
  const name = safeName(schoolName);
  const budget = Math.max(8, room - suffix.length);
  return `${name.length > budget ? name.slice(0, budget).trim() : name}${suffix}`;
}

export function meetingRecordFolder(teamFolder: string, schoolName: string, urn: string): string {
  // Leave room for "/Meeting records/2026-11-24 Early Help Consultation (99).docx" (61 characters) and separators.
  const room = MAX_PATH - teamFolder.length - 1 - 64;
  return path.join(teamFolder, schoolFolderName(schoolName, urn, Math.min(120, room)), 'Meeting records');
}

function withSuffix(target: string, n: number): string {
  const ext = path.extname(target);
  return n === 1 ? target : `${target.slice(0, -ext.length)} (${n})${ext}`;
}

function writeError(error: unknown, folder: string): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new AppError('read_only_location', `LinkDesk cannot write to ${folder}. Check the folder's permissions, or choose another.`, { path: folder });
  if (code === 'ENOENT') throw new AppError('file_not_found', `The folder ${folder} does not exist (is the shared drive connected?).`, { path: folder });
  throw error;
}

/** Puts the temporary file in place under a name not yet taken; false when the name is taken. */
function placeNew(temporary: string, candidate: string, folder: string): boolean {
  try {
    fs.linkSync(temporary, candidate);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // Some shared drives (FAT, exFAT, some network storage) have no hard links: an exclusive copy instead.
  }
  try {
    fs.copyFileSync(temporary, candidate, fs.constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    fs.rmSync(candidate, { force: true });
    writeError(error, folder);
  }
}

/**
 * Writes bytes to a new file beside `target` (target, then "name (2)", "name (3)"…) and returns
 * its path. The bytes go to a temporary file first and are linked into place, which fails
 * rather than replaces when the name is taken, so nothing is half-written or overwritten.
 */
export function writeNewFile(target: string, bytes: Buffer, options: { addSuffix: boolean } = { addSuffix: true }): string {
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.linkdesk-${randomUUID()}.partial`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
  } catch (error) {
    writeError(error, folder);
  }
  try {
    for (let n = 1; n < 1000; n++) {
      const candidate = withSuffix(target, n);
      if (placeNew(temporary, candidate, folder)) return candidate;
      if (!options.addSuffix) throw new AppError('file_exists', `${candidate} already exists. LinkDesk never overwrites a file: choose another name.`, { path: candidate });
    }
    throw new AppError('file_exists', `There are already 999 copies of ${path.basename(target)} in ${folder}.`);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
