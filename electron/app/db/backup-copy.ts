/**
 * Writing a backup: a consistent copy of the open database (`VACUUM INTO`, same cipher and
 * key) to a temporary, owner-only file in the target folder; flushed to disk; read back and
 * checked; only then given its name. A failure at any step removes the temporary file, and a
 * crash leaves at most a hidden `.partial` file that is never taken for a backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { vacuumInto, type Connection } from './cipher.ts';
import { createPrivateFile, fsyncFile, fsyncFolder, removeQuietly } from './durable.ts';
import { asStorageFailure } from './storage-errors.ts';
import { verifyCopyOfLive } from './verify-copy.ts';

export interface BackupWritten {
  path: string;
  bytes: number;
}

export function backupTemporaryPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
}

/**
 * Moves a finished file into place, never replacing one that appeared meanwhile: a hard link
 * fails if the target exists; drives without hard links (FAT, some shares) fall back to a
 * checked rename.
 */
function placeWithoutOverwriting(temporary: string, target: string): void {
  try {
    fs.linkSync(temporary, target);
    fs.rmSync(temporary, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(target)) {
      throw new AppError('file_exists', `A file appeared at ${target} while backing up. Choose a new name.`, { path: target });
    }
    fs.renameSync(temporary, target);
  }
}

export function assertNewBackupTarget(target: string): void {
  if (fs.existsSync(target)) {
    const what = fs.statSync(target).isDirectory() ? 'a folder' : 'a file';
    throw new AppError('file_exists', `There is already ${what} at ${target}. Choose a new file name for the backup.`, { path: target });
  }
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) {
    throw new AppError('file_not_found', `The folder ${folder} does not exist.`, { path: folder });
  }
}

export function writeVerifiedBackup(live: Connection, liveFile: string, target: string, hmacKey: Buffer | null): BackupWritten {
  assertNewBackupTarget(target);
  const folder = path.dirname(target);
  const temporary = backupTemporaryPath(target);
  removeQuietly(temporary);
  try {
    createPrivateFile(temporary);
    vacuumInto(live, temporary);
    fsyncFile(temporary);
    verifyCopyOfLive(live, temporary, liveFile, hmacKey);
    placeWithoutOverwriting(temporary, target);
    fsyncFolder(folder);
  } catch (error) {
    removeQuietly(temporary);
    throw asStorageFailure(error, folder, 'No backup was made; the database itself is unchanged.');
  }
  return { path: target, bytes: fs.statSync(target).size };
}
