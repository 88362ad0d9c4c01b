/**
 * The key slots of one database file: `<database>.access`, beside it (docs/architecture.md,
 * "Per-person access", says why beside and not inside). Plain JSON holding only what is safe
 * to show: names of the people with access, their public keys, their private keys sealed by
 * their own passphrases, and the database key sealed to each of them.
 *
 * The database key has generations: a full re-encryption makes a new one. SQLCipher gives
 * every key its own salt in the first 16 bytes of the file (a `VACUUM INTO` copy keeps it),
 * so the salt says which generation a file, or a backup of it, needs. Generations are never
 * dropped: a backup made before a re-encryption still opens with the slots of its time.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { readSalt } from '../db/cipher-integrity.ts';
import { createPrivateFile, fsyncFile, removeQuietly, replaceDurably } from '../db/durable.ts';

/** Adds and removals kept for the audit log to catch up with after a crash (service.ts); the oldest go first. */
const MAX_EVENTS = 1000;
const B64 = z.string().max(4096).regex(/^[A-Za-z0-9+/=]*$/);
const Sealed = z.object({ iv: B64, tag: B64, data: B64 }).strict();
const Person = z.object({
  id: z.string().uuid(),
  name: z.string().min(1).max(100),
  addedAt: z.string().max(40),
  addedBy: z.string().max(100),
  publicKey: B64,
  locked: z.object({ kdf: z.object({ logN: z.number().int().min(1).max(20), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: B64 }).strict(), sealed: Sealed }).strict(),
}).strict();
const Envelope = z.object({ personId: z.string().uuid(), ephemeral: B64, sealed: Sealed }).strict();
const Generation = z.object({ salt: z.string().regex(/^[0-9a-f]{32}$/), createdAt: z.string().max(40), envelopes: z.array(Envelope).max(500) }).strict();
const AccessEvent = z.object({
  id: z.string().uuid(),
  at: z.string().max(40),
  by: z.string().max(100),
  action: z.enum(['add', 'remove']),
  personId: z.string().uuid(),
  name: z.string().max(100),
}).strict();
const KeyringFile = z.object({
  format: z.literal('linkdesk-access'),
  version: z.literal(1),
  people: z.array(Person).max(500),
  keys: z.array(Generation).max(500),
  events: z.array(AccessEvent).max(MAX_EVENTS),
}).strict();

export type Keyring = z.infer<typeof KeyringFile>;
export type KeyringPerson = Keyring['people'][number];
export type KeyGeneration = Keyring['keys'][number];
export type AccessEvent = z.infer<typeof AccessEvent>;

/** A keyring is a few KiB per person; anything far bigger is not one. */
const MAX_KEYRING_BYTES = 4 * 1024 * 1024;

export function keyringPathFor(dbPath: string): string {
  return `${dbPath}.access`;
}

function keyringTemporaryPath(dbPath: string): string {
  return `${keyringPathFor(dbPath)}.partial`;
}

export function emptyKeyring(): Keyring {
  return { format: 'linkdesk-access', version: 1, people: [], keys: [], events: [] };
}

/** The keyring beside `dbPath`, or null when there is none (a single-passphrase database). */
export function readKeyring(dbPath: string): Keyring | null {
  return readKeyringFile(keyringPathFor(dbPath));
}

export function readKeyringFile(file: string): Keyring | null {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_KEYRING_BYTES) throw damaged(file, 'it is far too big to be one');
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(file, 'it is not readable JSON');
  }
  const parsed = KeyringFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw damaged(file, `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not a keyring'}`);
  }
  return parsed.data;
}

function damaged(file: string, why: string): AppError {
  return new AppError('corrupt_database', `The access file ${file} is damaged (${why}). Restore it from a backup folder: every backup has its own beside it.`, { path: file });
}

/** Written whole to a temporary file, flushed, then renamed over the old one: a crash leaves the old or the new, never a mixture. */
export function writeKeyring(dbPath: string, keyring: Keyring): void {
  writeKeyringFile(keyringPathFor(dbPath), keyringTemporaryPath(dbPath), keyring);
}

export function writeKeyringFile(file: string, temporary: string, keyring: Keyring): void {
  const checked = KeyringFile.parse({ ...keyring, events: keyring.events.slice(-MAX_EVENTS) });
  removeQuietly(temporary);
  try {
    createPrivateFile(temporary);
    fs.writeFileSync(temporary, `${JSON.stringify(checked, null, 1)}\n`);
    fsyncFile(temporary);
    replaceDurably(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

export function removeKeyringTemporary(dbPath: string): void {
  removeQuietly(keyringTemporaryPath(dbPath));
}

/** The salt that names a file's key generation (hex). */
export function saltOf(file: string): string {
  return readSalt(file).toString('hex');
}

export function generationFor(keyring: Keyring, salt: string): KeyGeneration | undefined {
  return keyring.keys.find((g) => g.salt === salt);
}

/** Names match however they are capitalised or spaced: people type their own name at the door. */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return fold(a) === fold(b);
}

export function personNamed(keyring: Keyring, name: string): KeyringPerson | undefined {
  return keyring.people.find((p) => sameName(p.name, name));
}

/** A copy of the keyring beside a backup or a kept file, so it opens on its own. */
export function copyKeyringBeside(keyring: Keyring, file: string): void {
  writeKeyringFile(keyringPathFor(file), `${keyringPathFor(file)}.partial`, keyring);
}
