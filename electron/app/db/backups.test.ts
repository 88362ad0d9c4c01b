import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, bytesOf, PASSPHRASE, refusalOf, tempDir } from '../testing/builders.ts';
import { backupNameFor, listBackups, pruneBackups, takeAutomaticBackup } from './backups.ts';
import { vacuumInto } from './cipher.ts';
import { openTeamDatabase } from './team-db.ts';
import { verifyCopyOfLive } from './verify-copy.ts';
import { write } from './write.ts';

const at = (iso: string) => new Date(iso);
const ownerOnly = (file: string, mode: number) => process.platform === 'win32' || (fs.statSync(file).mode & 0o777) === mode;

describe('automatic backups', () => {
  it('are named after the database and the local time, and pruning keeps the newest and touches nothing else', () => {
    const db = aTeamDatabase();
    const folder = path.join(path.dirname(db.path), 'Backups');
    expect(backupNameFor(db.path, new Date(2026, 11, 3, 9, 30))).toBe('team 2026-12-03 0930.linkdesk');
    for (let day = 1; day <= 12; day++) takeAutomaticBackup(db, new Date(2026, 11, day, 17, 5));
    // Two in the same minute: the second gets a number, and counts as the newer.
    takeAutomaticBackup(db, new Date(2026, 11, 12, 17, 5));
    const others = ['team notes.linkdesk', 'other 2026-12-01 0900.linkdesk', 'team 2026-12-01 0900.txt', 'team 2026-12-01 0900.linkdesk.partial'];
    for (const name of others) fs.writeFileSync(path.join(folder, name), 'not a backup');
    // Each backup prunes to the team's 10: the three oldest have gone already.
    const kept = listBackups(db.path, folder);
    expect(kept).toHaveLength(10);
    expect(kept.map((b) => b.name).slice(0, 3)).toEqual(['team 2026-12-12 1705 (2).linkdesk', 'team 2026-12-12 1705.linkdesk', 'team 2026-12-11 1705.linkdesk']);
    expect(kept.at(-1)?.name).toBe('team 2026-12-04 1705.linkdesk');
    expect(kept[0]?.takenAt).toBe(new Date(2026, 11, 12, 17, 5).toISOString());
    expect(pruneBackups(db.path, folder, 8).map((p) => path.basename(p))).toEqual(['team 2026-12-05 1705.linkdesk', 'team 2026-12-04 1705.linkdesk']);
    expect(listBackups(db.path, folder)).toHaveLength(8);
    for (const name of others) expect(fs.existsSync(path.join(folder, name))).toBe(true);
    expect(ownerOnly(folder, 0o700)).toBe(true);
    expect(ownerOnly(kept[0]?.path ?? '', 0o600)).toBe(true);
  });

  it('are taken when a changed database closes, not when nothing changed, and each opens and passes its check', async () => {
    let now = at('2026-12-03T09:30:00Z');
    const session = aSession(() => now);
    const dispatch = createDispatcher(session);
    const file = path.join(tempDir(), 'north.linkdesk');
    await dispatch('db.create', { path: file, teamName: 'North Team', localAuthority: 'Northshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await session.dailyBackup;
    const folder = path.join(path.dirname(file), 'Backups');
    expect(listBackups(file, folder)).toHaveLength(1);
    await dispatch('team.updateSettings', { idleLockMinutes: 25 });
    now = at('2026-12-03T10:45:00Z');
    await dispatch('db.lock', {});
    const backups = listBackups(file, folder);
    expect(backups).toHaveLength(2);
    expect(session.lastBackup).toMatchObject({ ok: true, trigger: 'close', path: backups[0]?.path, database: file });
    // Opened and closed the same day without a change: no third backup.
    await dispatch('db.unlock', { path: file, passphrase: PASSPHRASE, userName: 'Tess' });
    expect(session.dailyBackup).toBeNull();
    await dispatch('db.lock', {});
    expect(listBackups(file, folder)).toHaveLength(2);
    const copy = openTeamDatabase({ path: backups[0]?.path ?? '', passphrase: PASSPHRASE, user: 'Checker' });
    expect(copy.team().settings.idleLockMinutes).toBe(25);
    expect((await copy.check()).ok).toBe(true);
    copy.close();
  });

  it('are taken at most daily on opening, when the newest is a day old', async () => {
    let now = at('2026-12-03T09:30:00Z');
    const session = aSession(() => now);
    const dispatch = createDispatcher(session);
    const file = path.join(tempDir(), 'daily.linkdesk');
    await dispatch('db.create', { path: file, teamName: 'Daily Team', localAuthority: 'Dailyshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await session.dailyBackup;
    await dispatch('db.lock', {});
    now = at('2026-12-04T09:00:00Z');
    await dispatch('db.unlock', { path: file, passphrase: PASSPHRASE, userName: 'Tess' });
    expect(session.dailyBackup).toBeNull();
    await dispatch('db.lock', {});
    now = at('2026-12-04T09:31:00Z');
    await dispatch('db.unlock', { path: file, passphrase: PASSPHRASE, userName: 'Tess' });
    await session.dailyBackup;
    expect(session.lastBackup).toMatchObject({ ok: true, trigger: 'daily' });
    expect(listBackups(file, path.join(path.dirname(file), 'Backups'))).toHaveLength(2);
  });

  it('follow the team’s settings: off, another folder, how many to keep; "back up now" always runs', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    const file = path.join(tempDir(), 'set.linkdesk');
    await dispatch('db.create', { path: file, teamName: 'Settings Team', localAuthority: 'Setshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await session.dailyBackup;
    const elsewhere = tempDir();
    expect(await dispatch('team.updateSettings', { backupsEnabled: false, backupFolder: path.join(elsewhere, 'missing') })).toMatchObject({
      ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'backupFolder' }] } },
    });
    expect(await dispatch('team.updateSettings', { backupsEnabled: false, backupFolder: elsewhere, backupsToKeep: 2 })).toMatchObject({ ok: true });
    await dispatch('db.lock', {});
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    await dispatch('db.unlock', { path: file, passphrase: PASSPHRASE, userName: 'Tess' });
    for (let i = 0; i < 3; i++) expect(await dispatch('db.backupNow', {})).toMatchObject({ ok: true, value: { ok: true, trigger: 'now' } });
    const state = await dispatch('db.backups', {});
    expect(state).toMatchObject({ ok: true, value: { enabled: false, folder: elsewhere, folderIsDefault: false, keep: 2, last: { ok: true, trigger: 'now' } } });
    expect(fs.readdirSync(elsewhere)).toHaveLength(2);
  });

  it('report a backup folder that has gone, and the database carries on', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    const file = path.join(tempDir(), 'gone.linkdesk');
    await dispatch('db.create', { path: file, teamName: 'Gone Team', localAuthority: 'Goneshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await session.dailyBackup;
    const folder = tempDir();
    await dispatch('team.updateSettings', { backupFolder: folder });
    fs.rmSync(folder, { recursive: true });
    expect(await dispatch('db.backupNow', {})).toMatchObject({ ok: false, error: { code: 'file_not_found', message: expect.stringMatching(/backup folder .* does not exist/) } });
    expect(await dispatch('db.backups', {})).toMatchObject({ ok: true, value: { last: { ok: false, code: 'file_not_found' }, backups: [] } });
    expect(await dispatch('team.get', {})).toMatchObject({ ok: true });
  });

  it('are checked after writing: a copy damaged on disk is refused', () => {
    const db = aTeamDatabase();
    write(db.writeContext, (audit) => {
      for (let i = 0; i < 200; i++) audit('filler', String(i), 'fill', 'q'.repeat(300));
    });
    const copy = path.join(tempDir(), 'copy.linkdesk');
    vacuumInto(db.db, copy);
    const bytes = bytesOf(copy);
    bytes.fill(0x00, 5 * 4096 + 100, 5 * 4096 + 140);
    fs.writeFileSync(copy, bytes);
    const error = refusalOf(() => verifyCopyOfLive(db.db, copy, db.path, null));
    expect(error.code).toBe('corrupt_database');
    expect(error.message).toContain(copy);
  });
});
