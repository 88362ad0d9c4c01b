import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, PASSPHRASE, refusalOf, tempDir } from '../testing/builders.ts';
import { openTeamDatabase, type TeamDatabase } from '../db/team-db.ts';
import { restoreBackup } from '../db/restore.ts';
import { pruneBackups } from '../db/backups.ts';
import { keyringPathFor, readKeyring, readKeyringFile, saltOf } from './keyring.ts';
import { addPerson, removePerson, turnOnPerPersonAccess } from './service.ts';

const OWNER = 'Tess Manager';
const SAM = 'Sam Patel';
const SAM_PASSPHRASE = 'lighthouse pebble orchard violin';
const ANN = 'Ann Lee';
const ANN_PASSPHRASE = 'kestrel meadow lantern quartz';

function open(file: string, user: string, passphrase: string): TeamDatabase {
  return openTeamDatabase({ path: file, passphrase, user });
}

function restore(into: string, from: string, user: string, passphrase: string, open?: TeamDatabase): TeamDatabase {
  return restoreBackup({ path: into, from, passphrase, user, now: () => new Date('2026-12-03T10:00:00Z'), ...(open ? { open } : {}) }).db;
}

/** Owner and Sam have access; a backup is taken; then Sam is removed with a re-encryption and Ann added. */
async function afterAReencryption(): Promise<{ file: string; backup: string; backupSalt: string }> {
  const db = aTeamDatabase();
  turnOnPerPersonAccess(db, PASSPHRASE);
  addPerson(db, SAM, SAM_PASSPHRASE);
  const backup = (await db.backup(path.join(tempDir(), 'before.linkdesk'))).path;
  const backupSalt = saltOf(backup);
  removePerson(db, SAM, { reencrypt: true });
  addPerson(db, ANN, ANN_PASSPHRASE);
  db.close();
  return { file: db.path, backup, backupSalt };
}

describe('backups with per-person access', () => {
  it('carries the slots of its time beside it', async () => {
    const { backup, backupSalt } = await afterAReencryption();
    const beside = readKeyringFile(keyringPathFor(backup));
    expect(beside?.people.map((p) => p.name)).toEqual([OWNER, SAM]);
    expect(beside?.keys.map((g) => g.salt)).toEqual([backupSalt]);
  });

  it('restores a backup made before a re-encryption with every slot: the old key is kept, and people added since can open it', async () => {
    const { file, backup, backupSalt } = await afterAReencryption();
    const db = open(file, OWNER, PASSPHRASE);
    const restored = restore(file, backup, OWNER, PASSPHRASE, db);
    expect(saltOf(file)).toBe(backupSalt);
    expect(restored.user).toBe(OWNER);
    expect((await restored.check()).ok).toBe(true);
    restored.close();
    // Ann was added after the backup, by someone who held its key: her slot opens it.
    open(file, ANN, ANN_PASSPHRASE).close();
    // Sam was removed: the database's own access file no longer lets him in.
    expect(refusalOf(() => open(file, SAM, SAM_PASSPHRASE)).code).toBe('wrong_passphrase');
    // The file kept aside opens on its own, with the access file copied beside it.
    const kept = fs.readdirSync(path.dirname(file)).find((n) => n.includes('before restore') && n.endsWith('.linkdesk'));
    expect(kept).toBeDefined();
    open(path.join(path.dirname(file), kept!), ANN, ANN_PASSPHRASE).close();
  });

  it('restores a backup on its own, where the database and its access file are lost, with the slots beside the backup', async () => {
    const { backup } = await afterAReencryption();
    const elsewhere = path.join(tempDir(), 'recovered.linkdesk');
    restore(elsewhere, backup, SAM, SAM_PASSPHRASE).close();
    // The backup's slots came with it: everyone who had access then opens it.
    expect(readKeyring(elsewhere)?.people.map((p) => p.name)).toEqual([OWNER, SAM]);
    open(elsewhere, OWNER, PASSPHRASE).close();
  });

  it('restores a backup from before per-person access with the team passphrase of its time', async () => {
    const db = aTeamDatabase();
    const backup = (await db.backup(path.join(tempDir(), 'single.linkdesk'))).path;
    expect(fs.existsSync(keyringPathFor(backup))).toBe(false);
    turnOnPerPersonAccess(db, PASSPHRASE);
    const restored = restore(db.path, backup, OWNER, PASSPHRASE, db);
    expect(restored.access).toBeNull();
    restored.close();
    open(db.path, 'Anyone', PASSPHRASE).close();
  });

  it('prunes a backup’s access file with the backup', async () => {
    const db = aTeamDatabase();
    turnOnPerPersonAccess(db, PASSPHRASE);
    const folder = tempDir();
    const name = `${path.basename(db.path, '.linkdesk')} 2026-12-01 0900.linkdesk`;
    const backup = (await db.backup(path.join(folder, name))).path;
    expect(fs.existsSync(keyringPathFor(backup))).toBe(true);
    expect(pruneBackups(db.path, folder, 0)).toEqual([backup]);
    expect(fs.existsSync(keyringPathFor(backup))).toBe(false);
    db.close();
  });
});
