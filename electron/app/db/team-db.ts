/**
 * The team database: create, open, lock, change passphrase, back up, check. Each failure
 * has its own AppError, and none of them writes to the file: nothing is written until the
 * key, the application id and the schema version have all been verified.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkPassphraseStrength } from '../../../shared/domain/passphrase.ts';
import type { HistoryFinding } from '../../../shared/domain/history.ts';
import type { Team } from '../../../shared/domain/team.ts';
import { AppError } from '../../../shared/errors.ts';
import { verifyHistory } from '../audit/chain.ts';
import { createTeam, getTeam } from '../team/service.ts';
import { applyWorkingPragmas, changeCount, integrityCheck, openConnection, verifyKey, type Connection } from './cipher.ts';
import { deriveHmacKey, readSalt, verifyPageHmacs } from './cipher-integrity.ts';
import { writeVerifiedBackup, type BackupWritten } from './backup-copy.ts';
import { createPrivateFile, removeQuietly, replaceDurably } from './durable.ts';
import { assertLooksLikeTeamDatabase, assertWritable } from './file-checks.ts';
import { abandonLock, acquireLock, releaseLock, type HeldLock } from './lock-file.ts';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations/index.ts';
import { prepareRekey, type RekeyObserver } from './rekey.ts';
import { asStorageFailure } from './storage-errors.ts';
import { removeLeftoverTemporaries, removeTemporary } from './temporaries.ts';
import { LINKDESK_APPLICATION_ID } from './verify-copy.ts';
import { isDecryptFailure, openWithKey } from './open-with-key.ts';
import { write, type Audit, type WriteContext } from './write.ts';
import { recordSlotOpen } from '../access/opened.ts';
import { copyKeyringBeside, readKeyring, removeKeyringTemporary } from '../access/keyring.ts';
import { unlockDatabase, type SlotHolder, type UnlockedKey } from '../access/unlock.ts';

export { LINKDESK_APPLICATION_ID };

export interface OpenRequest {
  path: string;
  passphrase: string;
  user: string;
  takeOverLock?: boolean;
  now?: () => Date;
}

export interface CreateRequest {
  path: string;
  passphrase: string;
  user: string;
  teamName: string;
  localAuthority: string;
  now?: () => Date;
}

export interface CheckResult {
  ok: boolean;
  integrity: string[];
  cipherIntegrity: string[];
  /** Damage to the audit and escalation logs (audit/chain.ts). */
  history: HistoryFinding[];
  schemaVersion: number;
}

export class TeamDatabase {
  readonly path: string;
  readonly user: string;
  readonly now: () => Date;
  private connection: Connection;
  private readonly lock: HeldLock;
  private closed = false;
  /**
   * Verifies "current passphrase" without a second connection (the exclusive lock forbids
   * one) and without keeping the passphrase itself: an HMAC under a key that never leaves
   * this object.
   */
  private readonly verifierKey = randomBytes(32);
  private passphraseVerifier: Buffer;
  private hmacKey: Promise<Buffer>;
  /** Found when the database opened; it opens anyway, so the team is never locked out of its data. */
  readonly historyOnOpen: HistoryFinding[];
  private hmacKeyReady: Buffer | null = null;
  /** `changeCount` when the last backup was taken (or at open): more means something to back up. */
  private changesAtBackup: number;
  private slot: SlotHolder | null;

  constructor(filePath: string, db: Connection, user: string, lock: HeldLock, now: () => Date, passphrase: string, access: SlotHolder | null = null) {
    this.path = filePath;
    this.slot = access;
    this.connection = db;
    this.user = user;
    this.lock = lock;
    this.now = now;
    this.passphraseVerifier = this.verifierOf(passphrase);
    this.hmacKey = this.deriveHmacKey(passphrase);
    this.historyOnOpen = verifyHistory(db);
    this.changesAtBackup = changeCount(db);
  }

  /** The person whose own passphrase opened it (access/), or null for a single-passphrase database. */
  get access(): SlotHolder | null {
    return this.slot;
  }

  /** Once per-person access is turned on, the one who turned it on holds the first slot. */
  useSlot(holder: SlotHolder): void {
    this.slot = holder;
  }

  get db(): Connection {
    return this.connection;
  }

  /** In the background: the key stretch takes a moment and is only needed by `check` and backups. */
  private deriveHmacKey(passphrase: string): Promise<Buffer> {
    const key = deriveHmacKey(passphrase, readSalt(this.path));
    this.hmacKeyReady = null;
    key.then((ready) => {
      if (this.hmacKey === key) this.hmacKeyReady = ready;
    }, () => undefined);
    return key;
  }

  private useHmacKey(key: Buffer): void {
    this.hmacKey = Promise.resolve(key);
    this.hmacKeyReady = key;
  }

  private verifierOf(passphrase: string): Buffer {
    return createHmac('sha256', this.verifierKey).update(passphrase, 'utf8').digest();
  }

  get writeContext(): WriteContext {
    return { db: this.db, actor: this.user, now: this.now };
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  team(): Team {
    return getTeam(this.db);
  }

  /** Resolves once the page HMAC key is derived (backups and `check` use it). */
  pageHmacKey(): Promise<Buffer> {
    return this.hmacKey;
  }

  /** Whether anything was written since the database opened or was last backed up. */
  get changedSinceBackup(): boolean {
    return changeCount(this.db) !== this.changesAtBackup;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    releaseLock(this.path, this.lock);
  }

  /** Closes the connection but keeps the lock file, for a restore about to replace the file. */
  closeKeepingLock(): HeldLock {
    if (this.closed) throw new AppError('no_open_database', 'The database was closed meanwhile. Open it again.');
    this.closed = true;
    this.db.close();
    return this.lock;
  }

  /**
   * Re-encrypts into a new file and swaps it in (see rekey.ts for why this order is
   * crash-safe). `observe` is told as each step finishes; the crash tests stop there.
   */
  changePassphrase(current: string, next: string, observe: RekeyObserver = () => undefined): void {
    // Each person's passphrase only unlocks their slot (access/service.ts changes it there).
    if (this.access) throw new AppError('internal', 'A database with per-person access changes a person’s passphrase in their slot, not the database key.');
    assertPassphraseAcceptable(next, [this.team().settings.teamName, this.team().settings.localAuthority]);
    if (!timingSafeEqual(this.verifierOf(current), this.passphraseVerifier)) {
      throw new AppError('wrong_passphrase', 'The current passphrase is wrong, so the passphrase was not changed.', { field: 'currentPassphrase' });
    }
    this.reencrypt(current, next, { observe });
  }

  /** Whether `key` is the one the database is encrypted with now. */
  isCurrentKey(key: string): boolean {
    return timingSafeEqual(this.verifierOf(key), this.passphraseVerifier);
  }

  /**
   * The safe re-encryption of rekey.ts under `nextKey`. `record` writes the copy's audit
   * rows (so they arrive with the new key); `beforeSwap` runs once the copy is verified and
   * before it replaces the database (per-person access writes its keyring there).
   */
  reencrypt(currentKey: string, nextKey: string, options: { observe?: RekeyObserver; record?: (audit: Audit) => void; beforeSwap?: (temporary: string) => void }): void {
    const observe = options.observe ?? (() => undefined);
    const prepared = prepareRekey({ path: this.path, live: this.db, current: currentKey, next: nextKey, actor: this.user, now: this.now, observe, record: options.record });
    try {
      options.beforeSwap?.(prepared.temporary);
    } catch (error) {
      removeTemporary(prepared.temporary);
      throw asStorageFailure(error, path.dirname(this.path), 'The database was not re-encrypted.');
    }
    this.connection.close();
    observe('closed');
    try {
      replaceDurably(prepared.temporary, this.path);
    } catch (error) {
      // The database is still the old one, untouched: carry on with it.
      removeTemporary(prepared.temporary);
      this.reopenOrClose(currentKey);
      throw asStorageFailure(error, path.dirname(this.path), 'The passphrase has not been changed.');
    }
    observe('replaced');
    this.passphraseVerifier = this.verifierOf(nextKey);
    this.useHmacKey(prepared.hmacKey);
    this.reopenOrClose(nextKey);
    // The change is in the new file's audit log; the next close backs it up.
    this.changesAtBackup = -1;
    observe('reopened');
  }

  /** After the live connection was closed for a swap: reopen, or end the session cleanly. */
  private reopenOrClose(passphrase: string): void {
    try {
      this.connection = openWorkingConnection(this.path, passphrase);
    } catch (error) {
      this.closed = true;
      releaseLock(this.path, this.lock);
      throw new AppError('no_open_database', 'LinkDesk could not reopen the database after changing it. Open it again (with the new passphrase if it was changed).', {
        cause: (error as { code?: unknown }).code ?? 'unknown',
      });
    }
  }

  /** A verified encrypted copy taken while the database stays open (see backup-copy.ts). */
  async backup(destination: string): Promise<BackupWritten> {
    const target = path.resolve(destination);
    const written = this.withKeyring(writeVerifiedBackup(this.db, this.path, target, await this.hmacKey));
    write(this.writeContext, (audit) => audit('database', null, 'backup'));
    this.changesAtBackup = changeCount(this.db);
    return written;
  }

  /**
   * The same, for automatic backups taken as the database closes: synchronous, so nothing
   * runs in between. Within a moment of opening the HMAC key may still be on its way; then
   * integrity_check, which authenticates every page it reads, checks the copy alone.
   */
  backupNow(target: string): BackupWritten {
    const written = this.withKeyring(writeVerifiedBackup(this.db, this.path, target, this.hmacKeyReady));
    this.changesAtBackup = changeCount(this.db);
    return written;
  }

  /**
   * A backup carries the slots it needs: the access file as it is now, beside it. Should a
   * crash come between the two, the database's own access file holds the backup's key too.
   */
  private withKeyring(written: BackupWritten): BackupWritten {
    const keyring = this.access ? readKeyring(this.path) : null;
    if (keyring) copyKeyringBeside(keyring, written.path);
    return written;
  }

  /** SQLite's integrity_check over every b-tree, the HMAC of every page of the file, then the history. */
  async check(): Promise<CheckResult> {
    let integrity: string[];
    try {
      integrity = integrityCheck(this.db);
    } catch (error) {
      if (!isDecryptFailure(error)) throw error;
      integrity = ['SQLite could not read every page: the database is damaged.'];
    }
    const cipherIntegrity = verifyPageHmacs(this.path, await this.hmacKey);
    const history = verifyHistory(this.db);
    const ok = integrity.length === 1 && integrity[0] === 'ok' && cipherIntegrity.length === 0 && history.length === 0;
    return { ok, integrity, cipherIntegrity, history, schemaVersion: schemaVersion(this.db) };
  }
}

function openWorkingConnection(file: string, passphrase: string): Connection {
  const db = openConnection(file, passphrase, { create: false });
  try {
    verifyKey(db);
    applyWorkingPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function assertPassphraseAcceptable(passphrase: string, context: string[]): void {
  const verdict = checkPassphraseStrength(passphrase, context);
  if (!verdict.ok) {
    throw new AppError('weak_passphrase', `The passphrase is too weak: ${verdict.problems.join(' ')}`, { problems: verdict.problems });
  }
}

export function createTeamDatabase(req: CreateRequest): TeamDatabase {
  const now = req.now ?? (() => new Date());
  const target = path.resolve(req.path);
  if (fs.existsSync(target)) {
    throw new AppError('file_exists', `There is already a file at ${target}. Open it instead, or choose a new file name.`, { path: target });
  }
  assertPassphraseAcceptable(req.passphrase, [req.teamName, req.localAuthority]);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new AppError('file_not_found', `Part of ${path.dirname(target)} is a file, not a folder.`, { path: target });
    throw asStorageFailure(error, path.dirname(target), 'No database was created.');
  }
  const lock = acquireLock(target, req.user, false, now());
  let db: Connection | undefined;
  let created = false;
  try {
    createPrivateFile(target);
    created = true;
    db = openConnection(target, req.passphrase, { create: true });
    applyWorkingPragmas(db);
    db.pragma(`application_id=${LINKDESK_APPLICATION_ID}`);
    migrate(db);
    createTeam({ db, actor: req.user, now }, req.teamName, req.localAuthority);
    return new TeamDatabase(target, db, req.user, lock, now, req.passphrase);
  } catch (error) {
    db?.close();
    if (created) {
      removeQuietly(target);
      removeQuietly(`${target}-journal`);
    }
    abandonLock(target, lock);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('file_exists', `A file appeared at ${target} just now. Open it instead, or choose a new file name.`, { path: target });
    }
    throw asStorageFailure(error, path.dirname(target), 'No database was created.');
  }
}

export function openTeamDatabase(req: OpenRequest): TeamDatabase {
  const now = req.now ?? (() => new Date());
  const target = path.resolve(req.path);
  assertLooksLikeTeamDatabase(target);
  assertWritable(target);
  const lock = acquireLock(target, req.user, req.takeOverLock ?? false, now());
  return openLockedTeamDatabase(target, req.passphrase, req.user, lock, now);
}

/**
 * Opens a database whose lock the caller holds (a restore holds it throughout). On any
 * failure the lock goes back to how it was and the file is untouched.
 */
export function openLockedTeamDatabase(target: string, passphrase: string, user: string, lock: HeldLock, now: () => Date, unlocked?: UnlockedKey): TeamDatabase {
  let db: Connection | undefined;
  try {
    removeLeftoverTemporaries(target);
    removeKeyringTemporary(target);
    // A restore has already found the key, perhaps in the backup's own access file.
    const { key, holder } = unlocked ?? unlockDatabase(target, user, passphrase);
    db = openWithKey(target, key);
    applyWorkingPragmas(db);
    if (schemaVersion(db) < LATEST_SCHEMA_VERSION) migrate(db);
    const person = holder?.name ?? user;
    if (holder) recordSlotOpen(target, { db, actor: person, now }, holder);
    return new TeamDatabase(target, db, person, lock, now, key, holder);
  } catch (error) {
    db?.close();
    abandonLock(target, lock);
    throw asStorageFailure(error, path.dirname(target), 'The database was not opened and has not been changed.');
  }
}
