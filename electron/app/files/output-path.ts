/**
 * The one way LinkDesk writes a file at a path a person gave (calendar, SPOC list, meeting
 * records, backups, and any export added later). The rules live here so no command can forget
 * one:
 * - the name must end in the action's extension (a calendar is .ics, a backup .linkdesk);
 * - an existing file is refused unless the person chose to replace it, and a team database
 *   (.linkdesk) is never replaced, whatever they chose;
 * - the open database, its journal and its lock file are never written, however they are named
 *   (real paths compared, so a symlink or `..` does not get round it);
 * - the bytes go to a temporary file in the same folder (created readable by its owner only,
 *   where the platform allows), flushed, then put in place in one step: a link when not
 *   replacing (which fails rather than replaces if a file appeared meanwhile), a rename when
 *   replacing. A failure removes the temporary file; nothing is ever half-written at the name.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';

export type OutputKind = 'calendar' | 'spoc-list' | 'record' | 'backup' | 'refused-rows' | 'report' | 'report-workbook' | 'escalation-log' | 'subject-access';

export const OUTPUT_KINDS: Record<OutputKind, { extension: string; what: string }> = {
  calendar: { extension: '.ics', what: 'A calendar file' },
  'spoc-list': { extension: '.xlsx', what: 'The SPOC list' },
  record: { extension: '.docx', what: 'A Word meeting record' },
  'subject-access': { extension: '.docx', what: 'A subject access bundle' },
  backup: { extension: '.linkdesk', what: 'A backup' },
  'refused-rows': { extension: '.xlsx', what: 'The refused rows' },
  report: { extension: '.docx', what: 'The Word report' },
  'report-workbook': { extension: '.xlsx', what: 'The report’s workbook' },
  'escalation-log': { extension: '.docx', what: 'The escalation log' },
};

/** Files beside a database that belong to it: SQLite's journals and LinkDesk's lock file. */
const DATABASE_COMPANIONS = ['', '-journal', '-wal', '-shm', '.lock'];

export interface OutputTarget {
  /** The full path the person chose. */
  path: string;
  kind: OutputKind;
  /** The person chose to replace a file already there (a team database never is). */
  replace?: boolean | undefined;
  /** The open team database: never written over, nor its journal or lock file. */
  database?: string | null | undefined;
  /** For names LinkDesk chooses itself: add " (2)", " (3)"… instead of refusing a taken name. */
  addSuffix?: boolean | undefined;
}

const MAX_SUFFIX = 999;
const caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';
const samePath = (a: string, b: string) => (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);

/** The real path of a file, or of its folder plus its name when it does not exist (yet). */
function realPathOf(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function pathIssue(message: string): { issues: { path: string; message: string }[] } {
  return { issues: [{ path: 'path', message }] };
}

/** Refuses the open database and its companions, by real path and, when both exist, by identity. */
function assertNotDatabase(file: string, database: string | null | undefined): void {
  if (!database) return;
  const target = realPathOf(file);
  const targetStat = statOrNull(file);
  for (const suffix of DATABASE_COMPANIONS) {
    const companion = `${database}${suffix}`;
    const companionStat = suffix === '' ? statOrNull(companion) : null;
    const sameFile = targetStat && companionStat && targetStat.dev === companionStat.dev && targetStat.ino === companionStat.ino;
    if (samePath(target, realPathOf(companion)) || sameFile) {
      const what = suffix === '' ? 'the team database that is open' : suffix === '.lock' ? 'the open database’s lock file' : 'the open database’s journal';
      throw new AppError('invalid_input', `${file} is ${what}. LinkDesk never writes over it: choose another name.`, { path: file, ...pathIssue('This is the open team database: choose another name') });
    }
  }
}

/** Checks a target before any work is done, so a refusal costs nothing. Returns its full path. */
export function checkOutputTarget(target: OutputTarget): string {
  const file = path.resolve(target.path);
  const { extension, what } = OUTPUT_KINDS[target.kind];
  if (!file.toLowerCase().endsWith(extension) || path.basename(file).length <= extension.length) {
    throw new AppError('invalid_input', `${what} must be saved with a name ending in ${extension}: ${path.basename(file)} does not.`, { path: file, ...pathIssue(`The file name must end in ${extension}`) });
  }
  assertNotDatabase(file, target.database);
  const folder = path.dirname(file);
  const folderStat = statOrNull(folder);
  if (!folderStat) throw new AppError('file_not_found', `The folder ${folder} does not exist (is the shared drive connected?). Nothing was saved.`, { path: folder, ...pathIssue('The folder does not exist') });
  if (!folderStat.isDirectory()) throw new AppError('file_not_found', `${folder} is a file, not a folder. Nothing was saved.`, { path: folder, ...pathIssue('Not a folder') });
  const existing = fs.lstatSync(file, { throwIfNoEntry: false });
  if (existing && !target.addSuffix) assertReplaceable(file, existing, target.replace === true);
  return file;
}

function assertReplaceable(file: string, existing: fs.Stats, replace: boolean): void {
  if (existing.isDirectory()) {
    throw new AppError('file_exists', `There is a folder at ${file}. Choose another name.`, { path: file, ...pathIssue('There is a folder with this name') });
  }
  if (file.toLowerCase().endsWith('.linkdesk')) {
    throw new AppError('file_exists', `There is already a file at ${file}, a team database, which LinkDesk never replaces. Choose another name.`, { path: file, ...pathIssue('There is already a file with this name, a team database, which is never replaced: choose another name') });
  }
  if (!replace) {
    throw new AppError('file_exists', `There is already a file at ${file}. Choose another name, or tick Replace.`, { path: file, canReplace: true, ...pathIssue('There is already a file with this name: choose another, or tick Replace') });
  }
}

function writeError(error: unknown, folder: string): never {
  if (error instanceof AppError) throw error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new AppError('read_only_location', `LinkDesk cannot write to ${folder}. Check the folder’s permissions, or choose another. Nothing was saved.`, { path: folder, ...pathIssue('LinkDesk may not write here') });
  if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('disk_full', `The drive that holds ${folder} is full. Make room or choose another folder. Nothing was saved.`, { path: folder, ...pathIssue('The drive is full') });
  if (code === 'ENOENT') throw new AppError('file_not_found', `The folder ${folder} is no longer there (is the shared drive connected?). Nothing was saved.`, { path: folder, ...pathIssue('The folder does not exist') });
  if (code === 'ENAMETOOLONG') throw new AppError('invalid_input', `The path ${folder} and its file name are too long. Choose a shorter name. Nothing was saved.`, { path: folder, ...pathIssue('The path is too long') });
  throw error;
}

function withSuffix(file: string, n: number): string {
  const ext = path.extname(file);
  return n === 1 ? file : `${file.slice(0, file.length - ext.length)} (${n})${ext}`;
}

/** Forces the folder's entry to disk where the platform can (not Windows: a folder cannot be opened). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some network file systems refuse fsync on a folder; the file itself is already flushed.
  }
}

/**
 * Puts the finished temporary file at `candidate` only if nothing is there; false when the name
 * is taken. A hard link is atomic and refuses a taken name; drives without hard links (FAT,
 * exFAT, some network storage) reserve the name with an exclusive create, then rename over it.
 */
function placeNew(temporary: string, candidate: string): boolean {
  try {
    fs.linkSync(temporary, candidate);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS' || code === 'ENOENT' || code === 'ENAMETOOLONG') throw error;
  }
  let reserved: number;
  try {
    reserved = fs.openSync(candidate, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  fs.closeSync(reserved);
  try {
    fs.renameSync(temporary, candidate);
  } catch (error) {
    fs.rmSync(candidate, { force: true });
    throw error;
  }
  return true;
}

/**
 * Writes a file through a temporary one that `fill` writes (bytes, or SQLite's VACUUM INTO, which
 * accepts an existing empty file), then puts it in place. Returns the path written, which differs
 * from the target only when `addSuffix` was set and the name was taken.
 */
export function writeOutputWith(target: OutputTarget, fill: (temporary: string) => void): string {
  const file = checkOutputTarget(target);
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.linkdesk-${randomUUID()}.partial`);
  try {
    fs.closeSync(fs.openSync(temporary, 'wx', 0o600));
    fill(temporary);
    // SQLite and the platform may create with wider permissions: the copy is for its owner.
    fs.chmodSync(temporary, 0o600);
    if (target.replace && !target.addSuffix && fs.existsSync(file)) {
      checkOutputTarget(target);
      fs.renameSync(temporary, file);
      syncFolder(folder);
      return file;
    }
    for (let n = 1; n <= (target.addSuffix ? MAX_SUFFIX : 1); n++) {
      const candidate = withSuffix(file, n);
      if (placeNew(temporary, candidate)) {
        syncFolder(folder);
        return candidate;
      }
    }
    if (target.addSuffix) throw new AppError('file_exists', `There are already ${MAX_SUFFIX} copies of ${path.basename(file)} in ${folder}. Nothing was saved.`, { path: file });
    // A file appeared at the name after the check: the same refusal as if it had been there.
    assertReplaceable(file, fs.lstatSync(file), false);
    throw new AppError('file_exists', `There is already a file at ${file}.`, { path: file });
  } catch (error) {
    writeError(error, folder);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Writes bytes or text as a new file (or over one the person chose to replace), flushed to disk first. */
export function writeOutputFile(target: OutputTarget, content: Buffer | string): string {
  return writeOutputWith(target, (temporary) => {
    const fd = fs.openSync(temporary, 'w', 0o600);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
}
