import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { aTeamDatabase, aTeamDatabaseFile, asyncRefusalOf, bytesOf, pageNeverReadOnOpen, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { applyKey, openConnection } from './cipher.ts';
import { lockPathFor } from './lock-file.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { SCHOOL_CATEGORIES } from '../../../shared/domain/schools.ts';
import { createTeamDatabase, LINKDESK_APPLICATION_ID, openTeamDatabase } from './team-db.ts';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

function open(file: string, passphrase = PASSPHRASE) {
  return openTeamDatabase({ path: file, passphrase, user: 'Tess Manager' });
}

describe('creating a team database', () => {
  it('writes an encrypted file in which no stored text appears', () => {
    const db = aTeamDatabase({ teamName: 'Plaintext Canary Team', localAuthority: 'Canaryshire Council' });
    db.close();
    const raw = bytesOf(db.path);
    expect(raw.includes('Plaintext Canary Team')).toBe(false);
    expect(raw.includes('Canaryshire')).toBe(false);
    expect(raw.includes('Tess Manager')).toBe(false);
    expect(raw.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('records the team, its settings and an audit row for the creation', () => {
    const db = aTeamDatabase();
    expect(db.team().settings).toEqual({
      teamName: 'Coastal Dedicated Schools Team', localAuthority: 'Seashire County Council', idleLockMinutes: 10, defaultCapacity: 12, fairnessPercent: 25, teamFolder: '',
      backupsEnabled: true, backupFolder: '', backupsToKeep: 10, categoriesInScope: [...SCHOOL_CATEGORIES], visitAgreeByWeek: 2, insetDaysAreWorkingDays: true,
      countyAgreementCategories: ['alternative_provision'], schoolNurseCategories: ['primary', 'secondary', 'all_through', 'special', 'alternative_provision', 'independent'],
      retentionYears: { visit_records: 6, consultations: 6, contacts: 6, escalations: 6, documents: 6, audit: 6 }, declarationMonth: 9,
    });
    const audit = db.db.prepare('SELECT actor, entity, action FROM audit_log').all();
    expect(audit).toEqual([{ actor: 'Tess Manager', entity: 'team', action: 'create' }]);
  });

  it('uses the pragmas of the design', () => {
    const db = aTeamDatabase();
    expect(db.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.db.pragma('application_id', { simple: true })).toBe(LINKDESK_APPLICATION_ID);
  });

  it('refuses a weak passphrase and leaves no file behind', () => {
    const file = path.join(tempDir(), 'weak.linkdesk');
    const error = errorOf(() => createTeamDatabase({ path: file, passphrase: 'short', user: 'T', teamName: 'Team A', localAuthority: 'LA' }));
    expect(error.code).toBe('weak_passphrase');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('refuses to overwrite an existing file', () => {
    const file = aTeamDatabaseFile();
    const before = bytesOf(file);
    const error = errorOf(() => createTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'T', teamName: 'Team A', localAuthority: 'LA' }));
    expect(error.code).toBe('file_exists');
    expect(bytesOf(file).equals(before)).toBe(true);
  });
});

describe('opening a team database', () => {
  it('opens with the right passphrase and takes the lock', () => {
    const file = aTeamDatabaseFile();
    const db = open(file);
    expect(db.team().settings.teamName).toBe('Coastal Dedicated Schools Team');
    const lock = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'));
    expect(lock).toMatchObject({ user: 'Tess Manager', machine: os.hostname(), pid: process.pid });
    db.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('refuses a wrong passphrase with its own message and leaves the file byte-identical', () => {
    const file = aTeamDatabaseFile();
    const before = bytesOf(file);
    const error = errorOf(() => open(file, 'not the passphrase at all'));
    expect(error.code).toBe('wrong_passphrase');
    expect(error.message).toMatch(/passphrase is wrong/);
    expect(bytesOf(file).equals(before)).toBe(true);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('refuses an unencrypted SQLite file as not a LinkDesk database', () => {
    const file = path.join(tempDir(), 'plain.db');
    const plain = new Database(file);
    plain.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    plain.close();
    const before = bytesOf(file);
    expect(errorOf(() => open(file)).code).toBe('not_linkdesk_database');
    expect(bytesOf(file).equals(before)).toBe(true);
  });

  it('refuses a file of another kind, and an empty file', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.linkdesk');
    fs.writeFileSync(text, 'Visit notes, not a database\n');
    expect(errorOf(() => open(text))).toMatchObject({ code: 'not_linkdesk_database' });
    const empty = path.join(dir, 'empty.linkdesk');
    fs.writeFileSync(empty, '');
    expect(errorOf(() => open(empty)).message).toMatch(/empty/);
    expect(errorOf(() => open(path.join(dir, 'missing.linkdesk'))).code).toBe('file_not_found');
  });

  it('refuses an encrypted database that LinkDesk did not make, untouched', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = openConnection(file, PASSPHRASE, { create: true });
    other.exec('CREATE TABLE t(x)');
    other.close();
    const before = bytesOf(file);
    expect(errorOf(() => open(file)).code).toBe('not_linkdesk_database');
    expect(bytesOf(file).equals(before)).toBe(true);
  });

  it('refuses a file from a newer schema and never touches it', () => {
    const file = aTeamDatabaseFile();
    const raw = new Database(file);
    applyKey(raw, PASSPHRASE);
    raw.pragma('user_version=99');
    raw.close();
    const before = bytesOf(file);
    const error = errorOf(() => open(file));
    expect(error.code).toBe('newer_schema');
    expect(error.details).toMatchObject({ found: 99 });
    expect(bytesOf(file).equals(before)).toBe(true);
  });

  it('reports a damaged file as corrupt when the passphrase is right, untouched', () => {
    const file = aTeamDatabaseFile();
    const bytes = bytesOf(file);
    // Damage every page after the first: the key still verifies on page 1.
    for (let offset = 4096; offset < bytes.length; offset += 4096) bytes.fill(0x5a, offset + 100, offset + 400);
    fs.writeFileSync(file, bytes);
    const error = errorOf(() => open(file));
    expect(error.code).toBe('corrupt_database');
    expect(bytesOf(file).equals(bytes)).toBe(true);
  });

  it('refuses a database open elsewhere, naming who and since when, then lets the user take over', () => {
    const file = aTeamDatabaseFile();
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ user: 'Sam Worker', machine: 'COUNCIL-LT-042', pid: 4242, since: '2026-11-23T09:00:00.000Z' }));
    const before = bytesOf(file);
    const error = errorOf(() => open(file));
    expect(error.code).toBe('locked_elsewhere');
    expect(error.message).toContain('Sam Worker on COUNCIL-LT-042');
    expect(error.details).toMatchObject({ stale: false });
    expect(bytesOf(file).equals(before)).toBe(true);
    const db = openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Tess Manager', takeOverLock: true });
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).user).toBe('Tess Manager');
    db.close();
  });

  it('calls a lock stale when it names this machine and a process that has gone', () => {
    const file = aTeamDatabaseFile();
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ user: 'Tess Manager', machine: os.hostname(), pid: 2 ** 22 + 7, since: '2026-11-20T09:00:00.000Z' }));
    expect(errorOf(() => open(file)).details).toMatchObject({ stale: true });
  });
});

describe('passphrase, backup and check', () => {
  it('changes the passphrase so only the new one opens the file', () => {
    const db = aTeamDatabase();
    const next = 'a brand new team passphrase';
    expect(errorOf(() => db.changePassphrase('wrong current phrase', next)).code).toBe('wrong_passphrase');
    db.changePassphrase(PASSPHRASE, next);
    db.close();
    expect(errorOf(() => open(db.path)).code).toBe('wrong_passphrase');
    const reopened = open(db.path, next);
    expect(reopened.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'change-passphrase'").pluck().get()).toBe(1);
    reopened.close();
  });

  it('refuses a weak new passphrase and keeps the old one', () => {
    const db = aTeamDatabase();
    expect(errorOf(() => db.changePassphrase(PASSPHRASE, 'abc')).code).toBe('weak_passphrase');
    db.close();
    open(db.path).close();
  });

  it('backs up to a new encrypted file that opens with the same passphrase', async () => {
    const db = aTeamDatabase({ teamName: 'Backup Canary Team' });
    const target = path.join(tempDir(), 'backup.linkdesk');
    const result = await db.backup(target);
    expect(result.bytes).toBeGreaterThan(0);
    expect(bytesOf(target).includes('Backup Canary Team')).toBe(false);
    const copy = open(target);
    expect(copy.team().settings.teamName).toBe('Backup Canary Team');
    expect((await copy.check()).ok).toBe(true);
    copy.close();
    expect((await asyncRefusalOf(() => db.backup(target))).code).toBe('file_exists');
  });

  it('runs integrity_check and checks the HMAC of every page', async () => {
    const report = await aTeamDatabase().check();
    expect(report).toEqual({ ok: true, integrity: ['ok'], cipherIntegrity: [], history: [], schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('finds a damaged page that opening the database never reads', async () => {
    const file = aTeamDatabaseFile();
    const page = pageNeverReadOnOpen(file);
    const bytes = bytesOf(file);
    bytes.fill(0x00, (page - 1) * 4096 + 200, (page - 1) * 4096 + 204);
    fs.writeFileSync(file, bytes);
    const db = open(file);
    const report = await db.check();
    db.close();
    expect(report.ok).toBe(false);
    expect(report.cipherIntegrity).toEqual([`Page ${page} failed its authentication check: it has been altered or damaged.`]);
  });

  it('checks pages with the new key after a passphrase change', async () => {
    const db = aTeamDatabase();
    db.changePassphrase(PASSPHRASE, 'a completely new passphrase');
    expect((await db.check()).ok).toBe(true);
  });
});
