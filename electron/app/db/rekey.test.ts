import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { runChild } from '../testing/children.ts';
import { aTeamDatabase, aTeamDatabaseFile, bytesOf, PASSPHRASE, refusalOf } from '../testing/builders.ts';
import { write } from './write.ts';
import { lockPathFor } from './lock-file.ts';
import { REKEY_STEPS } from './rekey.ts';
import { rekeyTemporaryPath } from './temporaries.ts';
import { openTeamDatabase } from './team-db.ts';
import { useRealKeyStretch } from '../testing/short-key-stretch.ts';

// Child processes and the sqlcipher tool open these files, and they always use the real stretch.
useRealKeyStretch();

const NEXT = 'a brand new team passphrase';
const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'linkdesk.js');

/** Opens and checks the file; says which passphrase opened it, or the error code of each. */
async function opensWith(file: string): Promise<{ opened: 'old' | 'new' | null; ok: boolean; rekeyed: number; codes: string[] }> {
  const codes: string[] = [];
  for (const [label, passphrase] of [['old', PASSPHRASE], ['new', NEXT]] as const) {
    try {
      const db = openTeamDatabase({ path: file, passphrase, user: 'Checker', takeOverLock: true });
      try {
        const report = await db.check();
        const rekeyed = db.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'change-passphrase'").pluck().get() as number;
        return { opened: label, ok: report.ok, rekeyed, codes };
      } finally {
        db.close();
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      codes.push(error.code);
    }
  }
  return { opened: null, ok: false, rekeyed: 0, codes };
}

describe('changing the passphrase', () => {
  it('re-encrypts into a new owner-only file that only the new passphrase opens, and the session carries on', async () => {
    const db = aTeamDatabase();
    const lockBefore = fs.readFileSync(lockPathFor(db.path), 'utf8');
    db.changePassphrase(PASSPHRASE, NEXT);
    expect(fs.readFileSync(lockPathFor(db.path), 'utf8')).toBe(lockBefore);
    expect(fs.existsSync(rekeyTemporaryPath(db.path))).toBe(false);
    expect(process.platform === 'win32' || (fs.statSync(db.path).mode & 0o777) === 0o600).toBe(true);
    // Still open and writable, and the change is in the audit log of the new file.
    write(db.writeContext, (audit) => audit('test', null, 'after-rekey'));
    expect((await db.check()).ok).toBe(true);
    db.close();
    expect(refusalOf(() => openTeamDatabase({ path: db.path, passphrase: PASSPHRASE, user: 'T' })).code).toBe('wrong_passphrase');
    const reopened = openTeamDatabase({ path: db.path, passphrase: NEXT, user: 'T' });
    const actions = reopened.db.prepare("SELECT action FROM audit_log WHERE action IN ('change-passphrase', 'after-rekey') ORDER BY id").pluck().all();
    reopened.close();
    expect(actions).toEqual(['change-passphrase', 'after-rekey']);
    const sqlcipher = spawnSync('sqlcipher', [db.path], { input: `PRAGMA key='${NEXT}';\nSELECT name FROM team;\n`, encoding: 'utf8' });
    expect(sqlcipher.stdout).toContain('Coastal Dedicated Schools Team');
  });

  it('refuses a wrong current passphrase and a weak new one, leaving the file byte-identical and no temporary file', () => {
    const db = aTeamDatabase();
    db.close();
    const before = bytesOf(db.path);
    const open = openTeamDatabase({ path: db.path, passphrase: PASSPHRASE, user: 'T' });
    expect(refusalOf(() => open.changePassphrase('not the current one', NEXT)).code).toBe('wrong_passphrase');
    expect(refusalOf(() => open.changePassphrase(PASSPHRASE, 'abc')).code).toBe('weak_passphrase');
    open.close();
    expect(bytesOf(db.path).equals(before)).toBe(true);
    expect(fs.existsSync(rekeyTemporaryPath(db.path))).toBe(false);
  });

  it.each(REKEY_STEPS.map((step) => [step]))(
    'a crash just after "%s" leaves a database that opens with the old or the new passphrase, and the next open clears the temporary file',
    async (step) => {
      const file = aTeamDatabaseFile();
      const how = await runChild({ action: 'rekey', path: file, passphrase: PASSPHRASE, next: NEXT, stopAt: step });
      expect(how).toBe('SIGKILL');
      const swapped = REKEY_STEPS.indexOf(step) >= REKEY_STEPS.indexOf('replaced');
      const result = await opensWith(file);
      expect(result).toMatchObject({ opened: swapped ? 'new' : 'old', ok: true, rekeyed: swapped ? 1 : 0 });
      expect(fs.existsSync(rekeyTemporaryPath(file))).toBe(false);
    },
    300_000,
  );

  it('survives `linkdesk rekey` killed at random moments: every time the file opens with the old or the new passphrase and passes its check', async () => {
    const file = aTeamDatabaseFile();
    // A few megabytes, so the copy, re-encryption and checks take a while to cut into.
    const db = openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Filler' });
    write(db.writeContext, (audit) => {
      for (let i = 0; i < 8000; i++) audit('filler', String(i), 'fill', 'x'.repeat(400));
    });
    db.close();
    const outcomes: string[] = [];
    for (let run = 0; run < 4; run++) {
      const before = await opensWith(file);
      const current = before.opened === 'new' ? NEXT : PASSPHRASE;
      const next = before.opened === 'new' ? PASSPHRASE : NEXT;
      const child = spawn(process.execPath, [BIN, 'rekey', '--db', file, '--take-over-lock'], {
        env: { PATH: process.env.PATH ?? '', LINKDESK_HOME: path.dirname(file), LINKDESK_USER: 'Killer', LINKDESK_PASSPHRASE: current, LINKDESK_NEW_PASSPHRASE: next },
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Wait until the rekey has begun (its temporary file appears), then a random moment more.
      let gone = false;
      void exited.then(() => (gone = true));
      while (!gone && !fs.existsSync(rekeyTemporaryPath(file))) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1500)));
      child.kill('SIGKILL');
      await exited;
      const after = await opensWith(file);
      outcomes.push(`${after.opened}`);
      expect(after.opened).not.toBeNull();
      expect(after.ok).toBe(true);
    }
    expect(outcomes).toHaveLength(4);
  }, 600_000);
});
