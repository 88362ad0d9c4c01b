/**
 * Proves that a copy of a team database is whole before anything depends on it: the new
 * file of a passphrase change, a backup just written, a backup about to be restored.
 * "Whole" means: the passphrase opens it, it is a LinkDesk database of a schema this
 * version knows, SQLite's integrity_check passes, and every page's HMAC is right.
 */
import { AppError } from '../../../shared/errors.ts';
import { newestAuditAt } from '../audit/repo.ts';
import { getTeam } from '../team/service.ts';
import { applicationId, attachCopy, detach, integrityCheck, openConnection, userVersion, verifyKey, type Connection } from './cipher.ts';
import { deriveKeysSync, readSalt, verifyPageHmacs } from './cipher-integrity.ts';
import { corruptError, diagnoseFirstReadCorrupt, hasHotJournal } from './key-check.ts';
import { LATEST_SCHEMA_VERSION, newerSchemaError } from './migrations/index.ts';

/** 'LKDS': marks a SQLite file as a LinkDesk team database. */
export const LINKDESK_APPLICATION_ID = 0x4c4b4453;

export interface VerifiedCopy {
  schemaVersion: number;
  teamName: string;
  /** When the newest audit row was written (ISO), or null for a database with none. */
  newestChangeAt: string | null;
  /** The copy's page HMAC key, so the caller need not stretch the passphrase again. */
  hmacKey: Buffer;
}

function damagedCopy(file: string, problems: string[]): AppError {
  return new AppError(
    'corrupt_database',
    `The copy at ${file} failed its check (${problems.slice(0, 2).join(' ')}), so it was not used. Nothing was changed.`,
    { path: file, problems: problems.slice(0, 10) },
  );
}

function isDecryptFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Opens `file` read-only with `passphrase` and checks it through. `wrongPassphrase` is the
 * message for a passphrase that does not open it (it differs between "the new copy" and
 * "a backup made under an earlier passphrase").
 */
export function verifyDatabaseFile(file: string, passphrase: string, wrongPassphrase: string): VerifiedCopy {
  if (hasHotJournal(file)) {
    throw new AppError(
      'corrupt_database',
      `The copy at ${file} has an unfinished change beside it (${file}-journal): open it in LinkDesk once, or use another copy. Nothing was changed.`,
      { path: file },
    );
  }
  let db: Connection | undefined;
  let result: Omit<VerifiedCopy, 'hmacKey'>;
  try {
    db = openConnection(file, passphrase, { create: false, readonly: true });
    try {
      verifyKey(db);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new AppError('wrong_passphrase', wrongPassphrase, { path: file, field: 'passphrase' });
      if ((error as { code?: unknown }).code === 'SQLITE_CORRUPT') throw diagnoseFirstReadCorrupt(file, passphrase);
      throw error;
    }
    if (applicationId(db) !== LINKDESK_APPLICATION_ID) {
      throw new AppError('not_linkdesk_database', `${file} opens with this passphrase but it is not a LinkDesk team database.`, { path: file });
    }
    const schemaVersion = userVersion(db);
    if (schemaVersion > LATEST_SCHEMA_VERSION) throw newerSchemaError(schemaVersion);
    let integrity: string[];
    try {
      integrity = integrityCheck(db);
    } catch (error) {
      if (!isDecryptFailure(error)) throw error;
      integrity = ['SQLite could not read every page.'];
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw damagedCopy(file, integrity);
    try {
      result = { schemaVersion, teamName: getTeam(db).settings.teamName, newestChangeAt: schemaVersion >= 2 ? newestAuditAt(db) : null };
    } catch (error) {
      if (isDecryptFailure(error)) throw corruptError(file);
      throw error;
    }
  } finally {
    db?.close();
  }
  const { hmacKey } = deriveKeysSync(passphrase, readSalt(file));
  const pages = verifyPageHmacs(file, hmacKey);
  if (pages.length > 0) throw damagedCopy(file, pages);
  return { ...result, hmacKey };
}

const CHECK_SCHEMA = 'linkdesk_copy_check';

/**
 * Checks a copy made by `vacuumInto` from the live connection, which reads it with its own
 * key (no passphrase needed). `hmacKey` is the live file's, valid for the copy since it has
 * the same salt; null only in the first moments after opening, while it is still being
 * derived, when integrity_check (which authenticates every page it reads) stands alone.
 */
export function verifyCopyOfLive(live: Connection, file: string, liveFile: string, hmacKey: Buffer | null): void {
  attachCopy(live, file, CHECK_SCHEMA);
  let problems: string[];
  try {
    const id = applicationId(live, CHECK_SCHEMA);
    const version = userVersion(live, CHECK_SCHEMA);
    if (id !== LINKDESK_APPLICATION_ID || version !== userVersion(live)) {
      problems = ['It does not read back as this team database.'];
    } else {
      try {
        problems = integrityCheck(live, CHECK_SCHEMA);
      } catch (error) {
        if (!isDecryptFailure(error)) throw error;
        problems = ['SQLite could not read every page.'];
      }
      if (problems.length === 1 && problems[0] === 'ok') problems = [];
    }
  } finally {
    detach(live, CHECK_SCHEMA);
  }
  if (problems.length === 0 && hmacKey) {
    problems = readSalt(file).equals(readSalt(liveFile)) ? verifyPageHmacs(file, hmacKey) : ['Its salt differs from the database it was copied from.'];
  }
  if (problems.length > 0) throw damagedCopy(file, problems);
}
