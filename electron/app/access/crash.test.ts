import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { aTeamDatabase, PASSPHRASE } from '../testing/builders.ts';
import { runChild } from '../testing/children.ts';
import { useRealKeyStretch } from '../testing/short-key-stretch.ts';
import { openTeamDatabase } from '../db/team-db.ts';
import { REKEY_STEPS } from '../db/rekey.ts';
import { addPerson, turnOnPerPersonAccess } from './service.ts';

// The crash child opens these files, and child processes always use the real stretch.
useRealKeyStretch();

const OWNER = 'Tess Manager';
const SAM = 'Sam Patel';
const SAM_PASSPHRASE = 'lighthouse pebble orchard violin';
const SLOW = 600_000;

function aPerPersonDatabase(withSam: boolean): string {
  const db = aTeamDatabase();
  turnOnPerPersonAccess(db, PASSPHRASE);
  if (withSam) addPerson(db, SAM, SAM_PASSPHRASE);
  db.close();
  return db.path;
}

/** What a person finds after the crash: the owner opens it and it checks sound; whether Sam gets in; the audit rows of the change. */
async function afterTheCrash(file: string, action: 'add' | 'remove'): Promise<{ ok: boolean; samOpens: boolean; rows: number; reencrypted: number }> {
  const owner = openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: OWNER, takeOverLock: true });
  let ok: boolean;
  try {
    ok = (await owner.check()).ok;
  } finally {
    owner.close();
  }
  let samOpens = false;
  try {
    openTeamDatabase({ path: file, passphrase: SAM_PASSPHRASE, user: SAM }).close();
    samOpens = true;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'wrong_passphrase') throw error;
  }
  const again = openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: OWNER });
  try {
    const rows = again.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'access' AND action = ? AND summary LIKE ?").pluck().get(action, `%${SAM}`) as number;
    const reencrypted = again.db.prepare("SELECT count(*) FROM audit_log WHERE action = 're-encrypt'").pluck().get() as number;
    return { ok, samOpens, rows, reencrypted };
  } finally {
    again.close();
  }
}

describe('a crash while changing who has access', () => {
  it.each([['keyring-written'], ['recorded']])('adding a person killed just after "%s": they have access, and the audit log says so', async (step) => {
    const file = aPerPersonDatabase(false);
    const how = await runChild({ action: 'access-add', path: file, passphrase: PASSPHRASE, user: OWNER, person: SAM, personPassphrase: SAM_PASSPHRASE, stopAt: step });
    expect(how).toBe('SIGKILL');
    expect(await afterTheCrash(file, 'add')).toEqual({ ok: true, samOpens: true, rows: 1, reencrypted: 0 });
  }, SLOW);

  it.each([['keyring-written'], ['recorded']])('removing a person killed just after "%s": they are refused, and the audit log says so', async (step) => {
    const file = aPerPersonDatabase(true);
    const how = await runChild({ action: 'access-remove', path: file, passphrase: PASSPHRASE, user: OWNER, person: SAM, stopAt: step });
    expect(how).toBe('SIGKILL');
    expect(await afterTheCrash(file, 'remove')).toEqual({ ok: true, samOpens: false, rows: 1, reencrypted: 0 });
  }, SLOW);

  const steps = [...REKEY_STEPS.slice(0, REKEY_STEPS.indexOf('verified') + 1), 'keyring-written', ...REKEY_STEPS.slice(REKEY_STEPS.indexOf('closed')), 'recorded'];
  it.each(steps.map((s) => [s]))(
    'removing a person with a re-encryption killed just after "%s": all of it (new key, refused, recorded) or none of it',
    async (step) => {
      const file = aPerPersonDatabase(true);
      const how = await runChild({ action: 'access-remove-reencrypt', path: file, passphrase: PASSPHRASE, user: OWNER, person: SAM, stopAt: step });
      expect(how).toBe('SIGKILL');
      const swapped = steps.indexOf(step) >= steps.indexOf('replaced');
      const found = await afterTheCrash(file, 'remove');
      expect(found).toEqual(swapped ? { ok: true, samOpens: false, rows: 1, reencrypted: 1 } : { ok: true, samOpens: true, rows: 0, reencrypted: 0 });
    },
    SLOW,
  );
});
