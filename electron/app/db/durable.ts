/**
 * File steps that survive a crash or a power cut: new files readable by their owner only,
 * data flushed to the disk before a rename makes it visible, and the rename itself flushed
 * by syncing its folder. The rekey, restore and backup procedures are built from these.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Owner read and write only; ignored on Windows, where the folder's access list rules. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * An empty file made for us alone: fails if the name is taken (so nothing is ever written
 * over), and readable by its owner only. SQLite keeps the mode of a file it is given, and
 * gives its journal the same mode.
 */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Makes a rename or a new name in the folder durable. Windows cannot open a folder to sync
 * it (NTFS journals its metadata itself), and some network file systems refuse: both are
 * fine to skip, the rename has happened either way.
 */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Atomically replaces `target` with `source` (same folder), then makes it durable. */
export function replaceDurably(source: string, target: string): void {
  fs.renameSync(source, target);
  fsyncFolder(path.dirname(target));
}

/** A copy under a new name, never over an existing file, flushed to disk, owner-only. */
export function copyPrivately(source: string, target: string): void {
  createPrivateFile(target);
  try {
    fs.copyFileSync(source, target);
    fs.chmodSync(target, PRIVATE_FILE_MODE);
    fsyncFile(target);
  } catch (error) {
    removeQuietly(target);
    throw error;
  }
}

/** Removes a file if it is there; a failure to tidy up must not hide the error being reported. */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left behind: the names of temporary files are recognised and removed on the next open.
  }
}

/** A free name beside `wanted`: "name.ext", then "name (2).ext", "name (3).ext"... */
export function freeName(wanted: string): string {
  const ext = path.extname(wanted);
  const stem = wanted.slice(0, wanted.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${stem} (${n})${ext}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}
