/**
 * Writing a backup: a consistent copy of the open database (`VACUUM INTO`, same cipher and
 * key) to a temporary, owner-only file in the target folder; flushed to disk; read back and
 * checked; only then given its name. A failure at any step removes the temporary file, and a
 * crash leaves at most a hidden `.partial` file that is never taken for a backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { vacuumInto, type Connection } from './cipher.ts';
import { AppError } from '../../../shared/errors.ts';
import { writeOutputWith } from '../files/output-path.ts';
import { fsyncFile } from './durable.ts';
import { asStorageFailure } from './storage-errors.ts';
import { verifyCopyOfLive } from './verify-copy.ts';

export interface BackupWritten {
  path: string;
  bytes: number;
}

/**
 * Through the one writer of files at a person's path (files/output-path.ts): a `.linkdesk`
 * name, never over an existing file nor the open database, a temporary owner-only file in
 * the same folder removed on any failure, linked into place. The copy is filled, flushed and
 * checked inside, so only a verified backup ever gets its name.
 */
export function writeVerifiedBackup(live: Connection, liveFile: string, target: string, hmacKey: Buffer | null): BackupWritten {
  const folder = path.dirname(path.resolve(target));
  let written: string;
  try {
    written = writeOutputWith({ path: target, kind: 'backup', database: liveFile }, (temporary) => {
      vacuumInto(live, temporary);
      fsyncFile(temporary);
      verifyCopyOfLive(live, temporary, liveFile, hmacKey);
    });
  } catch (error) {
    // The writer's own words end "Nothing was saved."; a backup says what that means here.
    if (error instanceof AppError && (error.code === 'read_only_location' || error.code === 'disk_full')) {
      throw new AppError(error.code, error.message.replace(/Nothing was saved\.$/, 'No backup was made; the database itself is unchanged.'), error.details);
    }
    throw asStorageFailure(error, folder, 'No backup was made; the database itself is unchanged.');
  }
  return { path: written, bytes: fs.statSync(written).size };
}
