/**
 * Checks made on the raw file before any key is tried, so the common mistakes (wrong file,
 * a folder, a plain SQLite file, an empty file) get their own message.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.ts';

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLCipher pages are 4096 bytes by default; any size that is not a whole number of 512-byte units is damaged. */
const MIN_PAGE = 512;

export function assertLooksLikeTeamDatabase(path: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    throw new AppError('file_not_found', `There is no file at ${path}. Check the folder and the file name.`, { path });
  }
  if (stat.isDirectory()) {
    throw new AppError('file_not_found', `${path} is a folder, not a team database file.`, { path });
  }
  if (stat.size === 0) {
    throw new AppError('not_linkdesk_database', 'This file is empty, so it is not a LinkDesk team database.', { path });
  }
  const header = Buffer.alloc(16);
  const fd = fs.openSync(path, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError(
      'not_linkdesk_database',
      'This is an unencrypted SQLite database, not a LinkDesk team database (those are always encrypted).',
      { path },
    );
  }
  if (stat.size < MIN_PAGE * 2 || stat.size % MIN_PAGE !== 0) {
    throw new AppError(
      'not_linkdesk_database',
      'This file is not a LinkDesk team database, or it is damaged (its size is not a whole number of database pages). If it should be one, restore it from a backup.',
      { path, bytes: stat.size },
    );
  }
}

export function assertWritable(path: string): void {
  try {
    fs.accessSync(path, fs.constants.W_OK);
  } catch {
    throw new AppError(
      'read_only_location',
      'This database file is read-only, so LinkDesk cannot open it safely. Copy it to a folder you can write to, or ask IT for write access.',
      { path },
    );
  }
}

/** True for SQLite errors that mean "cannot decrypt or parse the file". */
export function isNotADatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}
