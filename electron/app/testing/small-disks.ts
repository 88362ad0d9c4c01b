/**
 * Real full disks and read-only folders for the storage-failure tests. As root on Linux a
 * tiny tmpfs is a real small drive, and a read-only bind mount a real read-only folder (root
 * ignores permission bits, so chmod alone would not stop it). Elsewhere `smallDisk` returns
 * null and the tests force SQLITE_FULL with `max_page_count` instead; `readOnlyFolder` uses
 * chmod, which binds any other user.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { onCleanup, tempDir } from './builders.ts';

const canMount = process.platform === 'linux' && process.getuid?.() === 0;

/** Whether `smallDisk` can make a real small drive here (root on Linux). */
export const smallDisksAvailable = canMount;

function mount(args: string[]): boolean {
  return spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
}

function unmountLater(dir: string): void {
  onCleanup(() => {
    spawnSync('umount', ['-l', dir], { stdio: 'ignore' });
  });
}

/** A folder on a drive of `bytes` bytes, or null where no small drive can be made. */
export function smallDisk(bytes: number): string | null {
  if (!canMount) return null;
  const dir = tempDir();
  if (!mount(['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', dir])) return null;
  unmountLater(dir);
  return dir;
}

const MAX_FILLABLE_BYTES = 256 * 1024 * 1024;

/** Fills the drive holding `dir` until it is full; returns a function that frees it again. */
export function fillDisk(dir: string): () => void {
  // Never fill a real drive: if the small drive was unmounted meanwhile (a test killed by its
  // timeout, a clean-up run early), the folder is on the machine's own disk. That once wrote
  // an 83 GB file on a shared machine.
  const { blocks, bsize } = fs.statfsSync(dir);
  if (blocks * bsize > MAX_FILLABLE_BYTES) throw new Error(`${dir} is not on a small test drive (${blocks * bsize} bytes): refusing to fill it`);
  const filler = `${dir}/filler.bin`;
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 0x5a);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // Byte by byte into the last partial block, so not even a small write fits.
  const one = Buffer.alloc(1, 0x5a);
  try {
    for (;;) fs.writeSync(fd, one);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return () => fs.rmSync(filler, { force: true });
}

/** A folder (holding `files`, copied in first) in which nothing can be created or changed. */
export function readOnlyFolder(files: Record<string, Buffer> = {}): string {
  const dir = tempDir();
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(`${dir}/${name}`, bytes);
  if (canMount && mount(['--bind', dir, dir])) {
    unmountLater(dir);
    if (mount(['-o', 'remount,bind,ro', dir])) return dir;
  }
  fs.chmodSync(dir, 0o555);
  onCleanup(() => fs.chmodSync(dir, 0o755));
  return dir;
}
