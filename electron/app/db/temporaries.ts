/**
 * The temporary files the passphrase change and the restore write beside the database.
 * Neither is ever the only good copy (the database path always holds the old or the new
 * database, see rekey.ts and restore.ts), so whatever a crash left of them is simply
 * removed the next time the database is opened, once its lock is held.
 */
import { removeQuietly } from './durable.ts';
import { journalPathFor } from './key-check.ts';

export function rekeyTemporaryPath(dbPath: string): string {
  return `${dbPath}.new-passphrase.partial`;
}

export function restoreTemporaryPath(dbPath: string): string {
  return `${dbPath}.restore.partial`;
}

export function removeTemporary(file: string): void {
  removeQuietly(file);
  removeQuietly(journalPathFor(file));
}

export function removeLeftoverTemporaries(dbPath: string): void {
  removeTemporary(rekeyTemporaryPath(dbPath));
  removeTemporary(restoreTemporaryPath(dbPath));
}
