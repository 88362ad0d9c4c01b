/**
 * A full disk and a folder or file LinkDesk may not write to each get their own message,
 * wherever they happen (a save, a backup, a passphrase change, a restore), instead of
 * "something went wrong". Both SQLite's codes and the operating system's are recognised.
 */
import { AppError } from '../../../shared/errors.ts';

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const READ_ONLY_CODES = new Set(['EACCES', 'EROFS', 'EPERM', 'SQLITE_READONLY', 'SQLITE_IOERR_WRITE_READONLY']);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isDiskFull(error: unknown): boolean {
  return FULL_CODES.has(codeOf(error));
}

export function isReadOnly(error: unknown): boolean {
  const code = codeOf(error);
  return READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY');
}

export function diskFullError(where: string, outcome: string): AppError {
  return new AppError(
    'disk_full',
    `The drive that holds ${where} is full. ${outcome} Free some space there (or ask IT), then try again.`,
    { where },
  );
}

export function readOnlyError(where: string, outcome: string): AppError {
  return new AppError(
    'read_only_location',
    `LinkDesk may not write to ${where}: it is read-only for you. ${outcome} Choose a folder you can write to, or ask IT for write access.`,
    { where },
  );
}

/**
 * The AppError for a storage failure, or null for anything else. `where` names the file or
 * folder; `outcome` says what was (not) changed, e.g. "Nothing was saved.".
 */
export function storageFailure(error: unknown, where: string, outcome: string): AppError | null {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) return diskFullError(where, outcome);
  if (isReadOnly(error)) return readOnlyError(where, outcome);
  return null;
}

/** Rethrows a storage failure as its AppError; anything else unchanged. */
export function asStorageFailure(error: unknown, where: string, outcome: string): unknown {
  return storageFailure(error, where, outcome) ?? error;
}
