/**
 * Who has access to a team database, each with their own passphrase (docs/architecture.md,
 * "Per-person access"). Everyone with access holds the database key while it is open, so
 * anyone with access may add or remove others; the audit log names who did.
 *
 * Every change is made in the keyring first, by its atomic rename, and then recorded in the
 * audit log (opened.ts catches the log up after a crash in between). A re-encryption writes
 * the keyring, with the new key's slots, before the re-encrypted copy is renamed over the
 * database (rekey.ts): a crash leaves either the old key with its slots or the new key with
 * its slots, and the old generation is kept, as every backup made under it needs it.
 */
import { randomUUID } from 'node:crypto';
import type { AccessPerson, AccessState } from '../../../shared/domain/access.ts';
import { AppError } from '../../../shared/errors.ts';
import { assertPassphraseAcceptable, type TeamDatabase } from '../db/team-db.ts';
import type { RekeyStep } from '../db/rekey.ts';
import { write, type Audit } from '../db/write.ts';
import { emptyKeyring, generationFor, personNamed, readKeyring, saltOf, sameName, writeKeyring, type AccessEvent, type KeyGeneration, type Keyring, type KeyringPerson } from './keyring.ts';
import { accessEventSummary } from './opened.ts';
import { auditedAccessEvents, lastOpenedByActor } from './repo.ts';
import { lockPrivateKey, newDatabaseKey, newPersonKeys, sealTo, unlockPrivateKey } from './slot-crypto.ts';
import { envelopeContext, keyOfGeneration, unlockPerson, type SlotHolder } from './unlock.ts';

/** The moments the crash trials stop at: the rekey's own, and the keyring written, then the audit row. */
export type AccessStep = RekeyStep | 'keyring-written' | 'recorded';
export type AccessObserver = (step: AccessStep) => void;

function holderOf(db: TeamDatabase): SlotHolder {
  if (!db.access) {
    throw new AppError('invalid_input', 'This database still has one passphrase for the whole team. Turn on per-person access first (Settings, Who has access).');
  }
  return db.access;
}

function keyringOf(db: TeamDatabase): Keyring {
  const keyring = readKeyring(db.path);
  if (!keyring) throw new AppError('file_not_found', `The access file beside ${db.path} has gone since the database opened. Put it back from the backup folder before changing access.`);
  return keyring;
}

/** The database key now, as the person who opened it holds it. */
function currentKey(db: TeamDatabase, keyring: Keyring, holder: SlotHolder): { salt: string; key: string } {
  const salt = saltOf(db.path);
  const generation = generationFor(keyring, salt);
  const key = generation ? keyOfGeneration(generation, holder) : null;
  if (!key || !db.isCurrentKey(key)) throw new AppError('corrupt_database', 'The access file does not hold the key this database is open with. Lock and open the database again.');
  return { salt, key };
}

function newEvent(db: TeamDatabase, action: AccessEvent['action'], person: KeyringPerson): AccessEvent {
  return { id: randomUUID(), at: db.now().toISOString(), by: db.user, action, personId: person.id, name: person.name };
}

function recordEvent(audit: Audit, event: AccessEvent): void {
  audit('access', event.id, event.action, accessEventSummary(event));
}

export function listAccess(db: TeamDatabase): AccessState {
  if (!db.access) return { perPerson: false, people: [], keyIsNewest: true };
  const keyring = keyringOf(db);
  const opened = [...lastOpenedByActor(db.db)];
  const people: AccessPerson[] = keyring.people.map((p) => ({
    id: p.id,
    name: p.name,
    addedAt: p.addedAt,
    addedBy: p.addedBy,
    lastOpenedAt: opened.filter(([actor]) => sameName(actor, p.name)).map(([, at]) => at).sort().at(-1) ?? null,
    you: p.id === db.access?.personId,
  }));
  const newest = keyring.keys.reduce<KeyGeneration | undefined>((a, b) => (!a || b.createdAt >= a.createdAt ? b : a), undefined);
  return { perPerson: true, people, keyIsNewest: newest?.salt === saltOf(db.path) };
}

function teamWords(db: TeamDatabase, name: string): string[] {
  const { teamName, localAuthority } = db.team().settings;
  return [teamName, localAuthority, name];
}

/**
 * One step from the single team passphrase: a new random key, the database re-encrypted
 * under it, and the passphrase the team had kept as the slot of the person doing it.
 */
export function turnOnPerPersonAccess(db: TeamDatabase, passphrase: string, observe: AccessObserver = () => undefined): AccessState {
  if (db.access) throw new AppError('invalid_input', 'This database already has per-person access.');
  if (!db.isCurrentKey(passphrase)) throw new AppError('wrong_passphrase', 'That is not the team’s passphrase, so nothing was changed.', { field: 'passphrase' });
  // A keyring left by an attempt that never swapped the database in keeps its generations (and their backups).
  const keyring = readKeyring(db.path) ?? emptyKeyring();
  let owner = personNamed(keyring, db.user);
  if (owner) {
    // An attempt that never swapped the database in left its event unrecorded: it did not happen.
    const audited = auditedAccessEvents(db.db);
    const ownerId = owner.id;
    keyring.events = keyring.events.filter((e) => audited.has(e.id) || e.personId !== ownerId);
  }
  let ownerKeys: SlotHolder;
  if (owner) {
    ownerKeys = unlockPerson(keyring, db.user, passphrase, db.path).holder;
  } else {
    const id = randomUUID();
    const keys = newPersonKeys(passphrase, id);
    owner = { id, name: db.user.trim(), addedAt: db.now().toISOString(), addedBy: db.user, publicKey: keys.publicKey, locked: keys.locked };
    keyring.people.push(owner);
    ownerKeys = { personId: id, name: owner.name, privateKey: keys.privateKey };
  }
  const event = newEvent(db, 'add', owner);
  const key = newDatabaseKey();
  const ownerPublicKey = owner.publicKey;
  db.reencrypt(passphrase, key, {
    observe,
    record: (audit) => {
      audit('database', null, 'per-person-access', 'The team passphrase became the first person’s own; the database has a new random key');
      recordEvent(audit, event);
    },
    beforeSwap: (temporary) => {
      const salt = saltOf(temporary);
      keyring.keys.push({ salt, createdAt: db.now().toISOString(), envelopes: [{ personId: ownerKeys.personId, ...sealTo(ownerPublicKey, Buffer.from(key, 'hex'), envelopeContext(salt, ownerKeys.personId)) }] });
      keyring.events.push(event);
      writeKeyring(db.path, keyring);
      observe('keyring-written');
    },
  });
  db.useSlot(ownerKeys);
  return listAccess(db);
}

export function addPerson(db: TeamDatabase, name: string, passphrase: string, observe: AccessObserver = () => undefined): AccessState {
  const holder = holderOf(db);
  const keyring = keyringOf(db);
  if (personNamed(keyring, name)) throw new AppError('invalid_input', `${name.trim()} already has access.`, { issues: [{ path: 'name', message: 'Already has access' }] });
  assertPassphraseAcceptable(passphrase, teamWords(db, name));
  currentKey(db, keyring, holder);
  const id = randomUUID();
  const keys = newPersonKeys(passphrase, id);
  const person: KeyringPerson = { id, name: name.trim().replace(/\s+/g, ' '), addedAt: db.now().toISOString(), addedBy: db.user, publicKey: keys.publicKey, locked: keys.locked };
  keyring.people.push(person);
  // Every key the adder holds, so the new person can also restore the backups the adder can.
  for (const generation of keyring.keys) {
    const key = keyOfGeneration(generation, holder);
    if (key) generation.envelopes.push({ personId: id, ...sealTo(keys.publicKey, Buffer.from(key, 'hex'), envelopeContext(generation.salt, id)) });
  }
  const event = newEvent(db, 'add', person);
  keyring.events.push(event);
  writeKeyring(db.path, keyring);
  observe('keyring-written');
  write(db.writeContext, (audit) => recordEvent(audit, event));
  observe('recorded');
  return listAccess(db);
}

export interface RemoveOptions {
  /** A new random key and every remaining slot re-sealed, for someone who may have kept a copy of the key. */
  reencrypt: boolean;
  observe?: AccessObserver;
}

export function removePerson(db: TeamDatabase, name: string, options: RemoveOptions): AccessState {
  const observe = options.observe ?? (() => undefined);
  const holder = holderOf(db);
  const keyring = keyringOf(db);
  const person = personNamed(keyring, name);
  if (!person) throw new AppError('not_found', `${name.trim()} has no access to remove.`, { issues: [{ path: 'name', message: 'Nobody of that name has access' }] });
  if (person.id === holder.personId) throw new AppError('invalid_input', 'You cannot remove your own access: ask someone else with access to do it.');
  const { key } = currentKey(db, keyring, holder);
  const event = newEvent(db, 'remove', person);
  const withoutThem = (k: Keyring): void => {
    k.people = k.people.filter((p) => p.id !== person.id);
    for (const generation of k.keys) generation.envelopes = generation.envelopes.filter((e) => e.personId !== person.id);
  };
  keyring.events.push(event);
  if (!options.reencrypt) {
    withoutThem(keyring);
    writeKeyring(db.path, keyring);
    observe('keyring-written');
    write(db.writeContext, (audit) => recordEvent(audit, event));
    observe('recorded');
    return listAccess(db);
  }
  // Two steps, so a crash leaves all or nothing: the new key (not sealed to them) and the
  // event are written before the swap, with them still in; once the database is under the new
  // key, they are taken out. A crash between is finished, or undone, on the next open (opened.ts).
  reencryptFor(db, keyring, key, observe, (audit) => recordEvent(audit, event), new Set([person.id]));
  withoutThem(keyring);
  writeKeyring(db.path, keyring);
  observe('recorded');
  return listAccess(db);
}

/**
 * A new random key, the database re-encrypted under it (rekey.ts), sealed to everyone in the
 * keyring. The new generation is written before the copy replaces the database.
 */
function reencryptFor(db: TeamDatabase, keyring: Keyring, key: string, observe: AccessObserver, record: (audit: Audit) => void, leavingOut = new Set<string>()): void {
  const nextKey = newDatabaseKey();
  db.reencrypt(key, nextKey, {
    observe,
    record: (audit) => {
      record(audit);
      audit('database', null, 're-encrypt', 'A new random key, sealed to everyone who still has access');
    },
    beforeSwap: (temporary) => {
      const salt = saltOf(temporary);
      const envelopes = keyring.people.filter((p) => !leavingOut.has(p.id)).map((p) => ({ personId: p.id, ...sealTo(p.publicKey, Buffer.from(nextKey, 'hex'), envelopeContext(salt, p.id)) }));
      keyring.keys.push({ salt, createdAt: db.now().toISOString(), envelopes });
      writeKeyring(db.path, keyring);
      observe('keyring-written');
    },
  });
}

/** A full re-encryption on its own: after removing someone without one, or after an older backup was restored. */
export function reencryptDatabase(db: TeamDatabase, observe: AccessObserver = () => undefined): AccessState {
  const holder = holderOf(db);
  const keyring = keyringOf(db);
  const { key } = currentKey(db, keyring, holder);
  reencryptFor(db, keyring, key, observe, () => undefined);
  return listAccess(db);
}

/** A person's new passphrase re-seals their own private key; the database key is unchanged. */
export function changeOwnPassphrase(db: TeamDatabase, current: string, next: string): void {
  const holder = holderOf(db);
  const keyring = keyringOf(db);
  const person = keyring.people.find((p) => p.id === holder.personId);
  if (!person) throw new AppError('wrong_passphrase', 'Your access has been removed since you opened the database.');
  if (!unlockPrivateKey(person.locked, current, person.id)) {
    throw new AppError('wrong_passphrase', 'The current passphrase is wrong, so the passphrase was not changed.', { field: 'currentPassphrase' });
  }
  assertPassphraseAcceptable(next, teamWords(db, person.name));
  person.locked = lockPrivateKey(holder.privateKey, next, person.id);
  writeKeyring(db.path, keyring);
  write(db.writeContext, (audit) => audit('access', null, 'change-passphrase', 'Changed their own passphrase'));
}
