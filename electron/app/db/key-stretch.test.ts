/**
 * The short key stretch of the tests (key-stretch.ts) must never be mistaken for the real
 * one: a file made on one stretch does not open on the other. These tests also keep the
 * real 256,000-iteration path exercised end to end (create, open, check, change passphrase).
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { aTeamDatabase, aTeamDatabaseFile, PASSPHRASE, refusalOf } from '../testing/builders.ts';
import { sqlcipherKeyLines, useRealKeyStretch, useShortKeyStretch } from '../testing/short-key-stretch.ts';
import { keyStretchIterations, SQLCIPHER_KDF_ITERATIONS } from './key-stretch.ts';
import { openTeamDatabase } from './team-db.ts';

afterEach(() => useShortKeyStretch());

function sqlcipherTeamName(file: string, keyLines: string): string {
  const run = spawnSync('sqlcipher', [file], { input: `${keyLines}\nSELECT name FROM team;\n`, encoding: 'utf8' });
  return run.stdout;
}

describe('the key stretch', () => {
  it("is SQLCipher 4's 256,000 iterations unless a test shortens it", () => {
    expect(SQLCIPHER_KDF_ITERATIONS).toBe(256_000);
    useRealKeyStretch();
    expect(keyStretchIterations()).toBe(256_000);
    useShortKeyStretch();
    expect(keyStretchIterations()).toBeLessThan(256_000);
  });

  it('makes real files that pass the page check, change passphrase, and open in the sqlcipher tool with the passphrase alone', async () => {
    useRealKeyStretch();
    const db = aTeamDatabase();
    expect((await db.check()).ok).toBe(true);
    db.changePassphrase(PASSPHRASE, 'a brand new team passphrase');
    expect((await db.check()).ok).toBe(true);
    db.close();
    expect(sqlcipherTeamName(db.path, "PRAGMA key='a brand new team passphrase';")).toContain('Coastal Dedicated Schools Team');
  });

  it('never opens a file made on the short stretch as a real one, nor a real one on the short stretch', () => {
    const short = aTeamDatabaseFile();
    useRealKeyStretch();
    const real = aTeamDatabaseFile();
    expect(refusalOf(() => openTeamDatabase({ path: short, passphrase: PASSPHRASE, user: 'Real App' })).code).toBe('wrong_passphrase');
    expect(sqlcipherTeamName(short, `PRAGMA key='${PASSPHRASE}';`)).not.toContain('Coastal');
    useShortKeyStretch();
    expect(refusalOf(() => openTeamDatabase({ path: real, passphrase: PASSPHRASE, user: 'Test' })).code).toBe('wrong_passphrase');
    expect(sqlcipherTeamName(short, sqlcipherKeyLines(PASSPHRASE))).toContain('Coastal Dedicated Schools Team');
  });

  it('checks the pages of a short-stretch file with the same short stretch', async () => {
    const db = aTeamDatabase();
    expect(await db.check()).toMatchObject({ ok: true, cipherIntegrity: [] });
  });
});
