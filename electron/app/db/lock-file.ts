/**
 * A lock file beside the database says who has it open, so a second laptop on the same
 * shared drive is told by name instead of corrupting the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../../shared/errors.ts';

export interface LockOwner {
  user: string;
  machine: string;
  pid: number;
  since: string;
}

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

export function readLock(dbPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPathFor(dbPath), 'utf8')) as Partial<LockOwner>;
    return {
      user: String(parsed.user ?? 'someone'),
      machine: String(parsed.machine ?? 'another computer'),
      pid: Number(parsed.pid ?? 0),
      since: String(parsed.since ?? ''),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // An unreadable or half-written lock still means someone may be in the file.
    return { user: 'someone', machine: 'another computer', pid: 0, since: '' };
  }
}

/** A lock is stale when it names this machine and its process is gone. */
export function isStale(owner: LockOwner): boolean {
  if (owner.machine !== os.hostname() || owner.pid <= 0) return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function lockedError(owner: LockOwner): AppError {
  const stale = isStale(owner);
  const since = owner.since ? ` since ${owner.since}` : '';
  return new AppError(
    'locked_elsewhere',
    `This database is open by ${owner.user} on ${owner.machine}${since}. ` +
      (stale
        ? 'That LinkDesk is no longer running, so the lock looks stale: you can take it over.'
        : 'If you are sure it is not open there any more, you can take over the lock; two people writing at once can damage the file.'),
    { user: owner.user, machine: owner.machine, since: owner.since, stale },
  );
}

/** A lock we hold, and the lock of someone else we replaced to get it (a take-over). */
export interface HeldLock {
  owner: LockOwner;
  replaced: { bytes: Buffer; mode: number } | null;
}

function readOnlyFolderError(dbPath: string): AppError {
  return new AppError(
    'read_only_location',
    'LinkDesk cannot write in the folder that holds this database, so it cannot open it safely. Copy the file to a folder you can write to, or ask IT for write access.',
    { path: dbPath },
  );
}

/**
 * Takes the lock atomically (exclusive create). A lock held elsewhere is refused unless the
 * caller says the user chose to take it over after the warning; then the old lock's bytes
 * are kept, so a take-over that goes no further (a wrong passphrase) can put it back.
 */
export function acquireLock(dbPath: string, user: string, takeOver: boolean, now: Date): HeldLock {
  const owner: LockOwner = { user, machine: os.hostname(), pid: process.pid, since: now.toISOString() };
  const lockPath = lockPathFor(dbPath);
  const text = JSON.stringify(owner);
  try {
    fs.writeFileSync(lockPath, text, { flag: 'wx', mode: 0o600 });
    return { owner, replaced: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw readOnlyFolderError(dbPath);
    if (code !== 'EEXIST') throw error;
  }
  const existing = readLock(dbPath);
  if (existing && !takeOver) throw lockedError(existing);
  let replaced: HeldLock['replaced'] = null;
  try {
    replaced = { bytes: fs.readFileSync(lockPath), mode: fs.statSync(lockPath).mode & 0o777 };
  } catch (error) {
    // Gone since we looked: nothing to put back.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    fs.writeFileSync(lockPath, text, { mode: 0o600 });
    fs.chmodSync(lockPath, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw readOnlyFolderError(dbPath);
    throw error;
  }
  return { owner, replaced };
}

function holds(dbPath: string, owner: LockOwner): boolean {
  const current = readLock(dbPath);
  return current !== null && current.machine === owner.machine && current.pid === owner.pid && current.since === owner.since;
}

export function releaseLock(dbPath: string, lock: HeldLock): void {
  // Leave a lock alone if somebody took it over from us.
  if (!holds(dbPath, lock.owner)) return;
  try {
    fs.rmSync(lockPathFor(dbPath), { force: true });
  } catch {
    // A folder that became read-only: the lock stays, and reads as stale once this process has gone.
  }
}

/**
 * The open did not go ahead: the lock goes back to how it was, the previous owner's lock
 * byte for byte when we had taken it over, none when there was none.
 */
export function abandonLock(dbPath: string, lock: HeldLock): void {
  if (!holds(dbPath, lock.owner)) return;
  if (!lock.replaced) {
    fs.rmSync(lockPathFor(dbPath), { force: true });
    return;
  }
  fs.writeFileSync(lockPathFor(dbPath), lock.replaced.bytes);
  fs.chmodSync(lockPathFor(dbPath), lock.replaced.mode);
}
