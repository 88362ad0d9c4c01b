import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/chain.ts';
import { createDispatcher } from '../dispatcher.ts';
import { runChild } from '../testing/children.ts';
import { aSession, aTeamDatabase, aTeamDatabaseFile, bytesOf, pageNeverReadOnOpen, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { applyKey } from './cipher.ts';
import { lockPathFor } from './lock-file.ts';
import { RESTORE_STEPS } from './restore.ts';
import { restoreTemporaryPath } from './temporaries.ts';
import { openTeamDatabase } from './team-db.ts';
import Database from 'better-sqlite3-multiple-ciphers';
import { useRealKeyStretch } from '../testing/short-key-stretch.ts';

// Child processes and the sqlcipher tool open these files, and they always use the real stretch.
useRealKeyStretch();

const marks = (file: string, passphrase = PASSPHRASE): string[] => {
  const db = openTeamDatabase({ path: file, passphrase, user: 'Reader', takeOverLock: true });
  try {
    return db.db.prepare("SELECT summary FROM audit_log WHERE action = 'mark' ORDER BY id").pluck().all() as string[];
  } finally {
    db.close();
  }
};

/** A session with a team database open, one mark written, an automatic backup taken, then a second mark. */
async function openWithBackup(now: () => Date) {
  const session = aSession(now);
  const dispatch = createDispatcher(session);
  const file = path.join(tempDir(), 'team.linkdesk');
  await dispatch('db.create', { path: file, teamName: 'Restore Team', localAuthority: 'Restoreshire', passphrase: PASSPHRASE, userName: 'Tess' });
  await session.dailyBackup;
  const mark = (summary: string) => appendAudit(session.database.db, { at: '2026-12-03T09:00:00Z', actor: 'Tess', entity: 'test', entityId: null, action: 'mark', summary });
  mark('before the backup');
  const outcome = await dispatch('db.backupNow', {});
  if (!outcome.ok) throw new Error(outcome.error.message);
  mark('after the backup');
  return { session, dispatch, file, backup: (outcome.value as { path: string }).path };
}

describe('restoring a backup', () => {
  it('puts the backup in place, keeps the current file aside, says the date it returns to, and leaves it open', async () => {
    const taken = new Date(2026, 11, 3, 9, 30);
    let now = taken;
    const { session, dispatch, file, backup } = await openWithBackup(() => now);
    now = new Date(2026, 11, 5, 14, 0);
    const check = await dispatch('db.checkBackup', { from: backup, passphrase: PASSPHRASE });
    expect(check).toMatchObject({ ok: true, value: { returnsTo: taken.toISOString(), teamName: 'Restore Team', path: backup } });
    const result = await dispatch('db.restore', { from: backup, passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: true, value: { returnsTo: taken.toISOString(), from: backup, session: { path: file, teamName: 'Restore Team' } } });
    const keptAt = (result as { value: { keptAt: string } }).value.keptAt;
    expect(path.basename(keptAt)).toBe('team before restore 2026-12-05 1400.linkdesk');
    expect(session.hasDatabase).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ user: 'Tess' });
    expect(await dispatch('audit.list', { limit: 1 })).toMatchObject({ ok: true, value: [{ action: 'restore', summary: `Restored a backup of ${taken.toISOString()}` }] });
    expect(fs.existsSync(restoreTemporaryPath(file))).toBe(false);
    expect(process.platform === 'win32' || (fs.statSync(file).mode & 0o777) === 0o600).toBe(true);
    await dispatch('db.lock', {});
    expect(marks(file)).toEqual(['before the backup']);
    expect(marks(keptAt)).toEqual(['before the backup', 'after the backup']);
  });

  it('checks the backup first, and a bad one leaves the open database open and unchanged', async () => {
    const { session, dispatch, file, backup } = await openWithBackup(() => new Date());
    const wrong = await dispatch('db.restore', { from: backup, passphrase: 'not the passphrase at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_passphrase', message: expect.stringMatching(/does not open the backup.*earlier one/) } });
    expect(await dispatch('db.restore', { from: file, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // A damaged backup: one page altered on disk.
    const damaged = path.join(tempDir(), 'damaged.linkdesk');
    fs.copyFileSync(backup, damaged);
    const page = pageNeverReadOnOpen(damaged);
    const bytes = bytesOf(damaged);
    bytes.fill(0, (page - 1) * 4096 + 300, (page - 1) * 4096 + 310);
    fs.writeFileSync(damaged, bytes);
    expect(await dispatch('db.restore', { from: damaged, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'corrupt_database' } });
    // One from a newer LinkDesk.
    const newer = path.join(tempDir(), 'newer.linkdesk');
    fs.copyFileSync(backup, newer);
    const raw = new Database(newer);
    applyKey(raw, PASSPHRASE);
    raw.pragma('user_version=99');
    raw.close();
    expect(await dispatch('db.checkBackup', { from: newer, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'newer_schema' } });
    expect(await dispatch('db.restore', { from: newer, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'newer_schema' } });
    expect(session.hasDatabase).toBe(true);
    // No temporary file, no file kept aside: only the database, its lock, its journal while open, and the backups.
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['Backups', 'team.linkdesk', 'team.linkdesk-journal', 'team.linkdesk.lock']);
    await dispatch('db.lock', {});
    expect(marks(file)).toEqual(['before the backup', 'after the backup']);
  });

  it('restores a backup made under an earlier passphrase, which then opens the database', async () => {
    const db = aTeamDatabase();
    const backup = path.join(tempDir(), 'old passphrase.linkdesk');
    await db.backup(backup);
    db.changePassphrase(PASSPHRASE, 'a brand new team passphrase');
    db.close();
    const session = aSession();
    const dispatch = createDispatcher(session);
    const result = await dispatch('db.restore', { path: db.path, from: backup, passphrase: PASSPHRASE, userName: 'Tess' });
    expect(result).toMatchObject({ ok: true, value: { session: { path: db.path } } });
    await dispatch('db.lock', {});
    expect(openTeamDatabase({ path: db.path, passphrase: PASSPHRASE, user: 'T' }).team().settings.teamName).toBe('Coastal Dedicated Schools Team');
  });

  it('restores a database whose file has gone altogether', async () => {
    const db = aTeamDatabase();
    const backup = path.join(tempDir(), 'backup.linkdesk');
    await db.backup(backup);
    db.close();
    fs.rmSync(db.path);
    const dispatch = createDispatcher(aSession());
    expect(await dispatch('db.restore', { path: db.path, from: backup, passphrase: PASSPHRASE, userName: 'Tess' })).toMatchObject({ ok: true, value: { keptAt: null } });
  });

  it.each(RESTORE_STEPS.map((step) => [step]))(
    'a crash just after "%s" leaves the database as it was or as restored, never neither, and the next open clears the temporary file',
    async (step) => {
      const file = aTeamDatabaseFile();
      const db = openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'T' });
      const backup = path.join(tempDir(), 'backup.linkdesk');
      await db.backup(backup);
      appendAudit(db.db, { at: '2026-12-03T09:00:00Z', actor: 'T', entity: 'test', entityId: null, action: 'mark', summary: 'after the backup' });
      db.close();
      expect(await runChild({ action: 'restore', path: file, from: backup, passphrase: PASSPHRASE, stopAt: step })).toBe('SIGKILL');
      const restored = RESTORE_STEPS.indexOf(step) >= RESTORE_STEPS.indexOf('replaced');
      expect(marks(file)).toEqual(restored ? [] : ['after the backup']);
      expect(fs.existsSync(restoreTemporaryPath(file))).toBe(false);
      const kept = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('before restore'));
      expect(kept).toHaveLength(RESTORE_STEPS.indexOf(step) >= RESTORE_STEPS.indexOf('kept') ? 1 : 0);
    },
    300_000,
  );
});
