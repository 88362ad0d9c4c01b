import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toErrorShape } from '../dispatcher.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, asyncRefusalOf, bytesOf, PASSPHRASE, refusalOf, tempDir } from '../testing/builders.ts';
import { fillDisk, readOnlyFolder, smallDisk, smallDisksAvailable } from '../testing/small-disks.ts';
import { startChild } from '../testing/children.ts';
import { restoreBackup } from './restore.ts';
import { rekeyTemporaryPath, restoreTemporaryPath } from './temporaries.ts';
import { createTeamDatabase, openTeamDatabase, type TeamDatabase } from './team-db.ts';
import { write } from './write.ts';
import { useRealKeyStretch } from '../testing/short-key-stretch.ts';

// Child processes and the sqlcipher tool open these files, and they always use the real stretch.
useRealKeyStretch();

const NEXT = 'a brand new team passphrase';

function createIn(folder: string, name = 'team.linkdesk'): TeamDatabase {
  const db = createTeamDatabase({ path: path.join(folder, name), passphrase: PASSPHRASE, user: 'Tess Manager', teamName: 'Full Disk Team', localAuthority: 'Fullshire' });
  return db;
}

const fillRows = (db: TeamDatabase, n: number) =>
  write(db.writeContext, (audit) => {
    for (let i = 0; i < n; i++) audit('filler', String(i), 'fill', 'z'.repeat(400));
  });
const fills = (db: TeamDatabase) => db.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'fill'").pluck().get();

describe('a full disk', () => {
  it('turns a write into "disk full, nothing was saved" and keeps the database as it was', async () => {
    const disk = smallDisk(3 * 1024 * 1024);
    const db = disk ? createIn(disk) : aTeamDatabase();
    fillRows(db, 10);
    const free = disk ? fillDisk(disk) : () => db.db.pragma('max_page_count=1000000');
    // Without a small drive, SQLite's own page limit gives the same SQLITE_FULL.
    if (!disk) db.db.pragma(`max_page_count=${Number(db.db.pragma('page_count', { simple: true }))}`);
    let thrown: unknown;
    try {
      fillRows(db, 2000);
    } catch (error) {
      thrown = error;
    }
    expect(toErrorShape(thrown, 'test.write')).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/is full\. Nothing was saved\. Free some space/) });
    expect(fills(db)).toBe(10);
    free();
    fillRows(db, 5);
    expect(fills(db)).toBe(15);
    expect((await db.check()).ok).toBe(true);
    db.close();
  });

  // These need a real small drive (root on Linux); SQLite's page limit cannot stand in for it.
  it.runIf(smallDisksAvailable)('refuses a backup, a passphrase change and a restore with "disk full", leaving no temporary file and the database opening as before', async () => {
    const disk = smallDisk(3 * 1024 * 1024);
    if (!disk) throw new Error('no small disk');
    const db = createIn(disk);
    fillRows(db, 200);
    const elsewhere = path.join(tempDir(), 'elsewhere.linkdesk');
    await db.backup(elsewhere);
    const free = fillDisk(disk);
    const backup = await asyncRefusalOf(() => db.backup(path.join(disk, 'copy.linkdesk')));
    expect(backup).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/No backup was made/) });
    const rekey = refusalOf(() => db.changePassphrase(PASSPHRASE, NEXT));
    expect(rekey).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/The passphrase has not been changed/) });
    expect(fs.existsSync(rekeyTemporaryPath(db.path))).toBe(false);
    // The session carries on with the old passphrase.
    expect(fills(db)).toBe(200);
    db.close();
    const before = bytesOf(db.path);
    const restore = refusalOf(() => restoreBackup({ path: db.path, from: elsewhere, passphrase: PASSPHRASE, user: 'T', now: () => new Date() }));
    expect(restore).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/Nothing was restored/) });
    expect(bytesOf(db.path).equals(before)).toBe(true);
    expect(fs.readdirSync(disk).sort()).toEqual(['filler.bin', 'team.linkdesk']);
    free();
    openTeamDatabase({ path: db.path, passphrase: PASSPHRASE, user: 'T' }).close();
  });

  it.runIf(smallDisksAvailable)('does not stop the database closing when the automatic backup fails, and remembers why', async () => {
    const disk = smallDisk(3 * 1024 * 1024);
    if (!disk) throw new Error('no small disk');
    const session = aSession();
    const dispatch = createDispatcher(session);
    const file = path.join(disk, 'team.linkdesk');
    await dispatch('db.create', { path: file, teamName: 'Full Disk Team', localAuthority: 'Fullshire', passphrase: PASSPHRASE, userName: 'Tess' });
    expect(await dispatch('team.updateSettings', { idleLockMinutes: 20 })).toMatchObject({ ok: true });
    const free = fillDisk(disk);
    expect(await dispatch('db.lock', {})).toMatchObject({ ok: true });
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    expect(session.lastBackup).toMatchObject({ ok: false, trigger: 'close', code: 'disk_full', database: file });
    free();
  });
});

describe('a folder LinkDesk may not write to', () => {
  it('refuses a backup into it as "read-only", naming the folder', async () => {
    const db = aTeamDatabase();
    const folder = readOnlyFolder();
    const error = await asyncRefusalOf(() => db.backup(path.join(folder, 'copy.linkdesk')));
    expect(error).toMatchObject({ code: 'read_only_location', message: expect.stringContaining(folder) });
    expect(error.message).toMatch(/No backup was made/);
  });

  it('refuses to restore into it, and the file there is unchanged', async () => {
    const source = aTeamDatabase();
    const backup = path.join(tempDir(), 'backup.linkdesk');
    await source.backup(backup);
    source.close();
    const folder = readOnlyFolder({ 'team.linkdesk': bytesOf(source.path) });
    const target = path.join(folder, 'team.linkdesk');
    const error = refusalOf(() => restoreBackup({ path: target, from: backup, passphrase: PASSPHRASE, user: 'T', now: () => new Date() }));
    expect(error.code).toBe('read_only_location');
    expect(bytesOf(target).equals(bytesOf(source.path))).toBe(true);
    expect(fs.existsSync(restoreTemporaryPath(target))).toBe(false);
  });

  it('refuses a passphrase change once the folder has become read-only, and the database still opens with the old one', async () => {
    const dir = tempDir();
    const db = createIn(dir);
    db.close();
    const asRoot = process.getuid?.() === 0;
    // Root ignores permissions, so the database is used by the unprivileged 'nobody' then.
    if (asRoot) {
      fs.chmodSync(dir, 0o777);
      fs.chownSync(db.path, 65534, 65534);
    }
    const child = startChild({ action: 'hold', path: db.path, passphrase: PASSPHRASE }, asRoot ? { uid: 65534, gid: 65534 } : {});
    try {
      expect(await child.nextLine()).toBe('ready');
      fs.chmodSync(dir, 0o555);
      child.process.stdin.write(`rekey ${NEXT}\n`);
      expect(JSON.parse(await child.nextLine())).toMatchObject({ ok: false, code: 'read_only_location', message: expect.stringMatching(/passphrase has not been changed/) });
      child.process.stdin.write(`backup ${path.join(dir, 'copy.linkdesk')}\n`);
      expect(JSON.parse(await child.nextLine())).toMatchObject({ ok: false, code: 'read_only_location' });
    } finally {
      fs.chmodSync(dir, asRoot ? 0o777 : 0o755);
      child.process.stdin.end();
      await child.exited;
    }
    expect(fs.readdirSync(dir)).toEqual(['team.linkdesk']);
    openTeamDatabase({ path: db.path, passphrase: PASSPHRASE, user: 'T' }).close();
  }, 120_000);
});
