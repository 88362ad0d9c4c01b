/**
 * Opening a team database file with a key, checking before anything is written that the key
 * is right, that it is a LinkDesk database, and that this version can read its schema.
 */
import { AppError } from '../../../shared/errors.ts';
import { getTeam } from '../team/service.ts';
import { applicationId, openConnection, verifyKey, type Connection } from './cipher.ts';
import { corruptError, diagnoseFirstReadCorrupt, hasHotJournal, passphraseOpensRawFile, wrongPassphraseError } from './key-check.ts';
import { LATEST_SCHEMA_VERSION, newerSchemaError, schemaVersion } from './migrations/index.ts';
import { LINKDESK_APPLICATION_ID } from './verify-copy.ts';

export function isDecryptFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/** Opens with the key and checks it is a LinkDesk database this version can read; nothing is written. */
export function openWithKey(target: string, passphrase: string): Connection {
  let db: Connection | undefined;
  try {
    // SQLite would roll a hot journal back before it knows the key is right.
    if (hasHotJournal(target) && !passphraseOpensRawFile(target, passphrase)) throw wrongPassphraseError(target);
    db = openConnection(target, passphrase, { create: false });
    try {
      verifyKey(db);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_NOTADB') throw wrongPassphraseError(target);
      if (code === 'SQLITE_CORRUPT') throw diagnoseFirstReadCorrupt(target, passphrase);
      throw error;
    }
    verifyIdentityAndVersion(db);
    try {
      getTeam(db);
    } catch (error) {
      if (isDecryptFailure(error)) throw corruptError(target);
      throw error;
    }
    return db;
  } catch (error) {
    db?.close();
    throw error;
  }
}

function verifyIdentityAndVersion(db: Connection): void {
  if (applicationId(db) !== LINKDESK_APPLICATION_ID) {
    throw new AppError(
      'not_linkdesk_database',
      'This file is an encrypted database that opens with this passphrase, but it was not made by LinkDesk.',
    );
  }
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) throw newerSchemaError(version);
}
