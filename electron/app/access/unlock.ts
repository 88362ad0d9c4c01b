/**
 * Which key opens a database file for a person and their passphrase. A file with no
 * keyring beside it, or one whose key generation the keyring does not hold (a backup from
 * before per-person access), is a single-passphrase file: the passphrase is its key.
 */
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import { wrongPassphraseError } from '../db/key-check.ts';
import { generationFor, personNamed, readKeyring, readKeyringFile, saltOf, type KeyGeneration, type Keyring, type KeyringPerson } from './keyring.ts';
import { openEnvelope, unlockPrivateKey } from './slot-crypto.ts';

export interface SlotHolder {
  personId: string;
  name: string;
  privateKey: KeyObject;
}

export interface UnlockedKey {
  /** What SQLCipher's key pragma is given: the passphrase itself, or the random key in hex. */
  key: string;
  /** Null for a single-passphrase file. */
  holder: SlotHolder | null;
}

export function envelopeContext(salt: string, personId: string): string {
  return `linkdesk database key ${salt} ${personId}`;
}

export function noAccessError(name: string): AppError {
  return new AppError(
    'wrong_passphrase',
    `“${name}” has no access to this database. Check how your name is spelled, or ask someone with access to add you (Settings, Who has access).`,
    { field: 'userName' },
  );
}

/** The person's private key, or the reason they cannot have it. */
export function unlockPerson(keyring: Keyring, name: string, passphrase: string, file: string): { person: KeyringPerson; holder: SlotHolder } {
  const person = personNamed(keyring, name);
  if (!person) throw noAccessError(name);
  const privateKey = unlockPrivateKey(person.locked, passphrase, person.id);
  if (!privateKey) throw wrongPassphraseError(file);
  return { person, holder: { personId: person.id, name: person.name, privateKey } };
}

/** The database key of one generation, as this person holds it; null when they hold none for it. */
export function keyOfGeneration(generation: KeyGeneration, holder: SlotHolder): string | null {
  const envelope = generation.envelopes.find((e) => e.personId === holder.personId);
  if (!envelope) return null;
  const key = openEnvelope(holder.privateKey, envelope, envelopeContext(generation.salt, holder.personId));
  if (!key) throw new AppError('corrupt_database', 'This person’s copy of the database key in the access file is damaged. Someone else with access can remove and add them again.');
  return key.toString('hex');
}

/**
 * The key for `file` from `keyrings`, or the passphrase itself when none holds its
 * generation. Each keyring that holds it is tried in turn: a backup's own keyring has the
 * passphrases of its time, the database's has people added or passphrases changed since.
 */
export function unlockFile(file: string, name: string, passphrase: string, keyrings: (Keyring | null)[]): UnlockedKey {
  const salt = saltOf(file);
  let refusal: unknown = null;
  for (const keyring of keyrings) {
    const generation = keyring ? generationFor(keyring, salt) : undefined;
    if (!keyring || !generation) continue;
    try {
      const { holder } = unlockPerson(keyring, name, passphrase, file);
      const key = keyOfGeneration(generation, holder);
      if (key === null) throw noAccessError(name);
      return { key, holder };
    } catch (error) {
      refusal ??= error;
    }
  }
  if (refusal) throw refusal;
  return { key: passphrase, holder: null };
}

/** Opening the database itself: its own keyring only. */
export function unlockDatabase(dbPath: string, name: string, passphrase: string): UnlockedKey {
  return unlockFile(dbPath, name, passphrase, [readKeyring(dbPath)]);
}

/** A backup: the keyring written beside it, then the database's own (which holds every generation). */
export function unlockBackup(dbPath: string, backup: string, name: string, passphrase: string): UnlockedKey {
  return unlockFile(backup, name, passphrase, [readKeyringFile(`${backup}.access`), readKeyring(dbPath)]);
}
