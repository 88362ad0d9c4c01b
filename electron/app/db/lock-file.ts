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

/**
 * Takes the lock atomically (exclusive create). A lock held elsewhere is refused unless the
 * caller says the user chose to take it over after the warning.
 */
export function acquireLock(dbPath: string, user: string, takeOver: boolean, now: Date): LockOwner {
  const owner: LockOwner = { user, machine: os.hostname(), pid: process.pid, since: now.toISOString() };
  const lockPath = lockPathFor(dbPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
      return owner;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
        throw new AppError(
          'read_only_location',
          'LinkDesk cannot write in the folder that holds this database, so it cannot open it safely. Copy the file to a folder you can write to, or ask IT for write access.',
          { path: dbPath },
        );
      }
      if (code !== 'EEXIST') throw error;
      const existing = readLock(dbPath);
      if (existing && !takeOver) throw lockedError(existing);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('locked_elsewhere', 'Another LinkDesk took the lock at the same moment. Try again.');
}

export function releaseLock(dbPath: string, owner: LockOwner): void {
  const current = readLock(dbPath);
  // Leave a lock alone if somebody took it over from us.
  if (current && current.machine === owner.machine && current.pid === owner.pid && current.since === owner.since) {
    fs.rmSync(lockPathFor(dbPath), { force: true });
  }
}
