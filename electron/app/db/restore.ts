/**
 * Restoring a backup, crash-safe: at every instant the database path holds either the
 * database as it was or the restored one, never a mixture and never nothing.
 *
 *  1. Check the backup where it is (opens with its passphrase, LinkDesk's application id,
 *     a schema no newer than this version's, integrity_check, every page's HMAC).
 *  2. Copy it to a temporary, owner-only file beside the database, flush it, and check the
 *     copy again (what gets put in place is what was checked).
 *  3. Keep the current database: a second name for it, `<file> before restore <date>.linkdesk`
 *     (a hard link, or a flushed copy where links are not allowed). It is never deleted.
 *     A journal left beside it by a crash moves with it, so the two still belong together
 *     and the restored file never meets the old file's journal.
 *     Before that, the copy is brought to this version's schema and the restore is written
 *     into its audit log, so the rename below puts the restore and its record in place
 *     together: a crash can never leave a restored database that does not say so.
 *  4. Rename the copy over the database path (atomic), and flush the folder.
 *  5. Open it with the backup's passphrase.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupVerdict } from '../../../shared/api.ts';
import { AppError } from '../../../shared/errors.ts';
import { copyPrivately, fsyncFolder, freeName, removeQuietly, replaceDurably } from './durable.ts';
import { journalPathFor } from './key-check.ts';
import { takenAtOf } from './backups.ts';
import { assertLooksLikeTeamDatabase } from './file-checks.ts';
import { asStorageFailure } from './storage-errors.ts';
import { abandonLock, acquireLock, releaseLock, type HeldLock } from './lock-file.ts';
import { openLockedTeamDatabase, type TeamDatabase } from './team-db.ts';
import { removeTemporary, restoreTemporaryPath } from './temporaries.ts';
import { applyWorkingPragmas, openConnection, type Connection } from './cipher.ts';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations/index.ts';
import { verifyDatabaseFile } from './verify-copy.ts';
import { write } from './write.ts';
import { copyKeyringBeside, keyringPathFor, readKeyring } from '../access/keyring.ts';
import { keepBackupKeysBeside } from '../access/restore-keys.ts';
import { unlockBackup, type UnlockedKey } from '../access/unlock.ts';


const WRONG_BACKUP_PASSPHRASE =
  'This passphrase does not open the backup. A backup keeps the passphrase the team had when it was made: try the earlier one.';

function returnsToOf(dbPath: string, backup: string, newestChangeAt: string | null): string | null {
  return takenAtOf(dbPath, path.basename(backup))?.toISOString() ?? newestChangeAt;
}

/** Step 1 alone: what the settings screen shows before asking "restore to <date>?". */
export function checkBackup(dbPath: string, backup: string, passphrase: string, person: string): BackupVerdict {
  return checkBackupWithKey(dbPath, backup, passphrase, person).verdict;
}

/** The key is the backup's own (access/unlock.ts): its access file's, the database's, or the passphrase. */
function checkBackupWithKey(dbPath: string, backup: string, passphrase: string, person: string): { verdict: BackupVerdict; unlocked: UnlockedKey } {
  const source = path.resolve(backup);
  if (source === path.resolve(dbPath)) {
    throw new AppError('invalid_input', 'That is the database itself, not a backup of it. Choose a backup file.', { issues: [{ path: 'from', message: 'Choose a backup, not the database itself' }] });
  }
  assertLooksLikeTeamDatabase(source);
  const unlocked = unlockBackup(path.resolve(dbPath), source, person, passphrase);
  const verified = verifyDatabaseFile(source, unlocked.key, WRONG_BACKUP_PASSPHRASE);
  return { verdict: { path: source, teamName: verified.teamName, schemaVersion: verified.schemaVersion, returnsTo: returnsToOf(dbPath, source, verified.newestChangeAt) }, unlocked };
}

export interface RestoreRequest {
  /** The database path to restore into; it need not exist any more. */
  path: string;
  from: string;
  passphrase: string;
  user: string;
  now: () => Date;
  takeOverLock?: boolean;
  /**
   * The database at `path` when this LinkDesk has it open: its lock is already held, and it
   * stays open (and usable) until the backup's copy has passed its check.
   */
  open?: TeamDatabase;
  /** Told as each step finishes; the crash tests stop the process there. */
  observe?: (step: RestoreStep) => void;
}

export const RESTORE_STEPS = ['copied', 'kept', 'replaced', 'opened'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export interface Restored {
  db: TeamDatabase;
  verdict: BackupVerdict;
  /** Where the database as it was before is kept, or null when there was none. */
  keptAt: string | null;
}

function stamp(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}${pad(at.getMinutes())}`;
}

interface KeptAside {
  path: string;
  journalMoved: boolean;
}

/** A second name for the current database (and its journal, if a crash left one). */
function keepAside(target: string, at: Date): KeptAside | null {
  if (!fs.existsSync(target)) return null;
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  const kept = freeName(`${stem} before restore ${stamp(at)}${ext || '.linkdesk'}`);
  try {
    fs.linkSync(target, kept);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC') throw error;
    copyPrivately(target, kept);
  }
  // The kept file opens on its own with the slots of its time.
  const keyring = readKeyring(target);
  if (keyring) copyKeyringBeside(keyring, kept);
  let journalMoved = false;
  if (fs.existsSync(journalPathFor(target))) {
    fs.renameSync(journalPathFor(target), journalPathFor(kept));
    journalMoved = true;
  }
  fsyncFolder(path.dirname(target));
  return { path: kept, journalMoved };
}

function undoKeepAside(target: string, kept: KeptAside | null): void {
  if (!kept) return;
  if (kept.journalMoved) fs.renameSync(journalPathFor(kept.path), journalPathFor(target));
  removeQuietly(kept.path);
  removeQuietly(keyringPathFor(kept.path));
}

/** Migrates the private copy and records the restore in it, in one place before it is swapped in. */
function recordRestoreInCopy(copy: string, req: RestoreRequest, key: string, summary: string): void {
  let db: Connection | undefined;
  try {
    db = openConnection(copy, key, { create: false });
    applyWorkingPragmas(db);
    if (schemaVersion(db) < LATEST_SCHEMA_VERSION) migrate(db);
    const ctx = { db, actor: req.user, now: req.now };
    write(ctx, (audit) => audit('database', null, 'restore', summary));
  } finally {
    db?.close();
  }
}

function holdLock(req: RestoreRequest, target: string): HeldLock | null {
  if (req.open) return null;
  return acquireLock(target, req.user, req.takeOverLock ?? false, req.now());
}

export function restoreBackup(req: RestoreRequest): Restored {
  const target = path.resolve(req.path);
  const folder = path.dirname(target);
  if (req.open && req.open.path !== target) throw new AppError('invalid_input', 'The database to restore is not the one open.');
  const observe = req.observe ?? (() => undefined);
  const { verdict, unlocked } = checkBackupWithKey(target, req.from, req.passphrase, req.user);
  const summary = verdict.returnsTo ? `Restored a backup of ${verdict.returnsTo}` : 'Restored a backup';
  let lock = holdLock(req, target);
  const temporary = restoreTemporaryPath(target);
  let kept: KeptAside | null = null;
  try {
    removeTemporary(temporary);
    copyPrivately(verdict.path, temporary);
    recordRestoreInCopy(temporary, req, unlocked.key, summary);
    verifyDatabaseFile(temporary, unlocked.key, WRONG_BACKUP_PASSPHRASE);
    // Before the swap: the database's access file then holds the restored file's key too.
    if (unlocked.holder) keepBackupKeysBeside(target, verdict.path);
    observe('copied');
    if (req.open) lock = req.open.closeKeepingLock();
    kept = keepAside(target, req.now());
    observe('kept');
    replaceDurably(temporary, target);
    observe('replaced');
  } catch (error) {
    removeTemporary(temporary);
    try {
      undoKeepAside(target, kept);
    } finally {
      if (lock && !req.open) abandonLock(target, lock);
      else if (lock) releaseLock(target, lock);
    }
    throw asStorageFailure(error, folder, 'Nothing was restored; the database is as it was.');
  }
  if (!lock) throw new AppError('internal', 'The restore lost track of the lock.');
  const db = openLockedTeamDatabase(target, req.passphrase, req.user, lock, req.now, unlocked);
  observe('opened');
  return { db, verdict, keptAt: kept?.path ?? null };
}
