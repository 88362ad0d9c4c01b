/**
 * The team database: create, open, lock, change passphrase, back up, check. Each failure
 * has its own AppError, and none of them writes to the file: nothing is written until the
 * key, the application id and the schema version have all been verified.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkPassphraseStrength } from '../../../shared/domain/passphrase.ts';
import type { Team } from '../../../shared/domain/team.ts';
import { AppError } from '../../../shared/errors.ts';
import { writeOutputWith } from '../files/output-path.ts';
import { createTeam, getTeam } from '../team/service.ts';
import { applyWorkingPragmas, openConnection, sqlLiteral, verifyKey, type Connection } from './cipher.ts';
import { deriveHmacKey, readSalt, verifyPageHmacs } from './cipher-integrity.ts';
import { assertLooksLikeTeamDatabase, assertWritable, isNotADatabaseError } from './file-checks.ts';
import { acquireLock, releaseLock, type LockOwner } from './lock-file.ts';
import { LATEST_SCHEMA_VERSION, migrate, newerSchemaError, schemaVersion } from './migrations/index.ts';
import { write, type WriteContext } from './write.ts';

/** 'LKDS': marks a SQLite file as a LinkDesk team database. */
export const LINKDESK_APPLICATION_ID = 0x4c4b4453;

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
  schemaVersion: number;
}

export class TeamDatabase {
  readonly path: string;
  readonly db: Connection;
  readonly user: string;
  readonly now: () => Date;
  private readonly lock: LockOwner;
  private closed = false;
  /**
   * Verifies "current passphrase" without a second connection (the exclusive lock forbids
   * one) and without keeping the passphrase itself: an HMAC under a key that never leaves
   * this object.
   */
  private readonly verifierKey = randomBytes(32);
  private passphraseVerifier: Buffer;
  private hmacKey: Promise<Buffer>;

  constructor(filePath: string, db: Connection, user: string, lock: LockOwner, now: () => Date, passphrase: string) {
    this.path = filePath;
    this.db = db;
    this.user = user;
    this.lock = lock;
    this.now = now;
    this.passphraseVerifier = this.verifierOf(passphrase);
    this.hmacKey = this.deriveHmacKey(passphrase);
  }

  /** In the background: the key stretch takes a moment and is only needed by `check`. */
  private deriveHmacKey(passphrase: string): Promise<Buffer> {
    const key = deriveHmacKey(passphrase, readSalt(this.path));
    key.catch(() => undefined);
    return key;
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    releaseLock(this.path, this.lock);
  }

  changePassphrase(current: string, next: string): void {
    assertPassphraseAcceptable(next, [this.team().settings.teamName, this.team().settings.localAuthority]);
    if (!timingSafeEqual(this.verifierOf(current), this.passphraseVerifier)) {
      throw new AppError('wrong_passphrase', 'The current passphrase is wrong, so the passphrase was not changed.', { field: 'currentPassphrase' });
    }
    this.db.pragma(`rekey=${sqlLiteral(next)}`);
    this.passphraseVerifier = this.verifierOf(next);
    this.hmacKey = this.deriveHmacKey(next);
    write(this.writeContext, (audit) => audit('database', null, 'change-passphrase'));
  }

  /**
   * A consistent copy taken while the database stays open. `VACUUM INTO` writes the copy with
   * this database's cipher and key into the one writer's temporary file, which then takes the
   * new name: never over an existing file, never over this database.
   */
  backup(destination: string): { path: string; bytes: number } {
    const target = writeOutputWith({ path: destination, kind: 'backup', database: this.path }, (temporary) => {
      try {
        this.db.exec(`VACUUM INTO ${sqlLiteral(temporary)}`);
      } catch (error) {
        const folder = path.dirname(temporary);
        const code = (error as NodeJS.ErrnoException & { code?: string }).code;
        if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
          throw new AppError('read_only_location', `LinkDesk cannot write to ${folder}. Choose another folder for the backup.`, { path: folder });
        }
        if (code === 'SQLITE_FULL') throw new AppError('disk_full', `The drive that holds ${folder} is full. Make room or choose another folder. Nothing was saved.`, { path: folder });
        throw error;
      }
    });
    write(this.writeContext, (audit) => audit('database', null, 'backup'));
    return { path: target, bytes: fs.statSync(target).size };
  }

  /** SQLite's integrity_check over every b-tree, then the HMAC of every page of the file. */
  async check(): Promise<CheckResult> {
    let integrity: string[];
    try {
      integrity = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      if (!isNotADatabaseError(error)) throw error;
      integrity = ['SQLite could not read every page: the database is damaged.'];
    }
    const cipherIntegrity = verifyPageHmacs(this.path, await this.hmacKey);
    const ok = integrity.length === 1 && integrity[0] === 'ok' && cipherIntegrity.length === 0;
    return { ok, integrity, cipherIntegrity, schemaVersion: schemaVersion(this.db) };
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
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new AppError('read_only_location', `LinkDesk cannot create ${path.dirname(target)}: it may not write there.`, { path: target });
    throw error;
  }
  const lock = acquireLock(target, req.user, false, now());
  let db: Connection | undefined;
  try {
    db = openConnection(target, req.passphrase, { create: true });
    applyWorkingPragmas(db);
    db.pragma(`application_id=${LINKDESK_APPLICATION_ID}`);
    migrate(db);
    createTeam({ db, actor: req.user, now }, req.teamName, req.localAuthority);
    return new TeamDatabase(target, db, req.user, lock, now, req.passphrase);
  } catch (error) {
    db?.close();
    fs.rmSync(target, { force: true });
    releaseLock(target, lock);
    throw error;
  }
}

export function openTeamDatabase(req: OpenRequest): TeamDatabase {
  const now = req.now ?? (() => new Date());
  const target = path.resolve(req.path);
  assertLooksLikeTeamDatabase(target);
  assertWritable(target);
  const lock = acquireLock(target, req.user, req.takeOverLock ?? false, now());
  let db: Connection | undefined;
  try {
    db = openConnection(target, req.passphrase, { create: false });
    try {
      verifyKey(db);
    } catch (error) {
      if (isNotADatabaseError(error)) {
        throw new AppError('wrong_passphrase', 'The passphrase is wrong. Check Caps Lock and try again.', { path: target });
      }
      throw error;
    }
    verifyIdentityAndVersion(db);
    try {
      getTeam(db);
    } catch (error) {
      if (isNotADatabaseError(error)) throw corruptError(target);
      throw error;
    }
    applyWorkingPragmas(db);
    if (schemaVersion(db) < LATEST_SCHEMA_VERSION) migrate(db);
    return new TeamDatabase(target, db, req.user, lock, now, req.passphrase);
  } catch (error) {
    db?.close();
    releaseLock(target, lock);
    throw error;
  }
}

function verifyIdentityAndVersion(db: Connection): void {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  if (applicationId !== LINKDESK_APPLICATION_ID) {
    throw new AppError(
      'not_linkdesk_database',
      'This file is an encrypted database that opens with this passphrase, but it was not made by LinkDesk.',
    );
  }
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) throw newerSchemaError(version);
}

function corruptError(filePath: string): AppError {
  return new AppError(
    'corrupt_database',
    'The passphrase is right but the database is damaged. Restore it from your latest backup; the damaged file has not been changed.',
    { path: filePath },
  );
}
