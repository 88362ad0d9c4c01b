import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, aTeamDatabaseFile, PASSPHRASE, refusalOf } from '../testing/builders.ts';
import { openTeamDatabase, type TeamDatabase } from '../db/team-db.ts';
import { write } from '../db/write.ts';
import { keyringPathFor, readKeyring, saltOf } from './keyring.ts';
import { addPerson, changeOwnPassphrase, listAccess, removePerson, turnOnPerPersonAccess } from './service.ts';

const SAM = 'Sam Patel';
const SAM_PASSPHRASE = 'lighthouse pebble orchard violin';
const OWNER = 'Tess Manager';

function open(file: string, user: string, passphrase: string): TeamDatabase {
  return openTeamDatabase({ path: file, passphrase, user });
}

function actorsOf(db: TeamDatabase, action: string): string[] {
  return db.db.prepare('SELECT actor FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action) as string[];
}

/** A database with per-person access: the owner's slot from the team passphrase, and Sam added. */
function aDatabaseWithSam(): string {
  const db = aTeamDatabase();
  turnOnPerPersonAccess(db, PASSPHRASE);
  addPerson(db, SAM, SAM_PASSPHRASE);
  db.close();
  return db.path;
}

describe('per-person access', () => {
  it('turns on in one step: the team passphrase becomes its owner’s slot and the database gets a new random key', () => {
    const db = aTeamDatabase();
    const saltBefore = saltOf(db.path);
    const state = turnOnPerPersonAccess(db, PASSPHRASE);
    expect(state.perPerson).toBe(true);
    expect(state.people.map((p) => [p.name, p.you])).toEqual([[OWNER, true]]);
    expect(saltOf(db.path)).not.toBe(saltBefore);
    // Still open and writable under the new key.
    write(db.writeContext, (audit) => audit('test', null, 'after-turning-on'));
    db.close();
    const reopened = open(db.path, 'tess manager', PASSPHRASE);
    expect(reopened.user).toBe(OWNER);
    expect(actorsOf(reopened, 'open')).toEqual([OWNER]);
    expect(actorsOf(reopened, 'per-person-access')).toEqual([OWNER]);
    reopened.close();
    // The team passphrase is no longer the database key: under anyone else's name it opens nothing.
    expect(refusalOf(() => open(db.path, 'Someone Else', PASSPHRASE)).code).toBe('wrong_passphrase');
  });

  it('keeps opening a database with one team passphrase and no access file, under any name, as before', () => {
    const file = aTeamDatabaseFile();
    expect(fs.existsSync(keyringPathFor(file))).toBe(false);
    const db = open(file, 'Anyone Typed', PASSPHRASE);
    expect(db.user).toBe('Anyone Typed');
    expect(db.access).toBeNull();
    expect(listAccess(db)).toEqual({ perPerson: false, people: [], keyIsNewest: true });
    expect(refusalOf(() => addPerson(db, SAM, SAM_PASSPHRASE)).code).toBe('invalid_input');
    db.close();
  });

  it('adds a person, who opens it with their own passphrase and is named in the audit log', () => {
    const file = aDatabaseWithSam();
    const db = open(file, SAM, SAM_PASSPHRASE);
    expect(db.user).toBe(SAM);
    write(db.writeContext, (audit) => audit('test', null, 'sams-change'));
    expect(actorsOf(db, 'sams-change')).toEqual([SAM]);
    expect(actorsOf(db, 'open')).toEqual([SAM]);
    expect(db.db.prepare("SELECT actor, summary FROM audit_log WHERE entity = 'access' AND action = 'add' ORDER BY id").all()).toEqual([
      { actor: OWNER, summary: `Gave access to ${OWNER}` },
      { actor: OWNER, summary: `Gave access to ${SAM}` },
    ]);
    const state = listAccess(db);
    expect(state.people.map((p) => [p.name, p.you, p.addedBy, p.lastOpenedAt !== null])).toEqual([
      [OWNER, false, OWNER, false],
      [SAM, true, OWNER, true],
    ]);
    db.close();
    // Sam's passphrase under the owner's name is refused, and the owner's under Sam's.
    expect(refusalOf(() => open(file, OWNER, SAM_PASSPHRASE)).code).toBe('wrong_passphrase');
    expect(refusalOf(() => open(file, SAM, PASSPHRASE)).code).toBe('wrong_passphrase');
  });

  it('refuses a second person of the same name, a weak passphrase, and removing yourself', () => {
    const file = aDatabaseWithSam();
    const db = open(file, OWNER, PASSPHRASE);
    expect(refusalOf(() => addPerson(db, ' sam  patel ', 'another long passphrase here')).code).toBe('invalid_input');
    expect(refusalOf(() => addPerson(db, 'Ann Lee', 'password')).code).toBe('weak_passphrase');
    expect(refusalOf(() => removePerson(db, OWNER, { reencrypt: false })).code).toBe('invalid_input');
    expect(refusalOf(() => removePerson(db, 'Nobody Here', { reencrypt: false })).code).toBe('not_found');
    expect(listAccess(db).people.map((p) => p.name)).toEqual([OWNER, SAM]);
    db.close();
  });

  it('removes a person: their passphrase is refused from then on, and the removal is in the audit log', () => {
    const file = aDatabaseWithSam();
    const db = open(file, OWNER, PASSPHRASE);
    const saltBefore = saltOf(file);
    removePerson(db, SAM, { reencrypt: false });
    expect(saltOf(file)).toBe(saltBefore);
    expect(listAccess(db).people.map((p) => p.name)).toEqual([OWNER]);
    db.close();
    const refusal = refusalOf(() => open(file, SAM, SAM_PASSPHRASE));
    expect(refusal.code).toBe('wrong_passphrase');
    expect(refusal.message).toContain('has no access');
    const again = open(file, OWNER, PASSPHRASE);
    expect(again.db.prepare("SELECT actor, summary FROM audit_log WHERE entity = 'access' AND action = 'remove'").all()).toEqual([
      { actor: OWNER, summary: `Removed the access of ${SAM}` },
    ]);
    again.close();
  });

  it('removes a person with a full re-encryption: a new key sealed to everyone left, the old key’s slots kept for its backups', async () => {
    const file = aDatabaseWithSam();
    const db = open(file, OWNER, PASSPHRASE);
    addPerson(db, 'Ann Lee', 'kestrel meadow lantern quartz');
    const saltBefore = saltOf(file);
    const state = removePerson(db, SAM, { reencrypt: true });
    expect(saltOf(file)).not.toBe(saltBefore);
    expect(state.keyIsNewest).toBe(true);
    expect((await db.check()).ok).toBe(true);
    db.close();
    const keyring = readKeyring(file)!;
    expect(keyring.keys).toHaveLength(2);
    expect(keyring.people.map((p) => p.name)).toEqual([OWNER, 'Ann Lee']);
    expect(keyring.keys.every((g) => g.envelopes.length === 2)).toBe(true);
    expect(refusalOf(() => open(file, SAM, SAM_PASSPHRASE)).code).toBe('wrong_passphrase');
    const ann = open(file, 'Ann Lee', 'kestrel meadow lantern quartz');
    expect(actorsOf(ann, 're-encrypt')).toEqual([OWNER]);
    ann.close();
  });

  it('changes a person’s own passphrase in their slot alone: the database key stays, others are unaffected', () => {
    const file = aDatabaseWithSam();
    const db = open(file, SAM, SAM_PASSPHRASE);
    const salt = saltOf(file);
    expect(refusalOf(() => changeOwnPassphrase(db, 'not my passphrase', 'quiet harbour ember willow')).code).toBe('wrong_passphrase');
    changeOwnPassphrase(db, SAM_PASSPHRASE, 'quiet harbour ember willow');
    db.close();
    expect(saltOf(file)).toBe(salt);
    expect(refusalOf(() => open(file, SAM, SAM_PASSPHRASE)).code).toBe('wrong_passphrase');
    open(file, SAM, 'quiet harbour ember willow').close();
    open(file, OWNER, PASSPHRASE).close();
  });

  it('refuses to re-encrypt a database with per-person access to a single passphrase', () => {
    const file = aDatabaseWithSam();
    const db = open(file, OWNER, PASSPHRASE);
    expect(refusalOf(() => db.changePassphrase(PASSPHRASE, 'a brand new team passphrase')).code).toBe('internal');
    db.close();
    open(file, SAM, SAM_PASSPHRASE).close();
  });
});
