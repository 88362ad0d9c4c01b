import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChild } from '../testing/children.ts';
import { aTeamDatabase, aTeamDatabaseFile, bytesOf, PASSPHRASE, refusalOf, tempDir } from '../testing/builders.ts';
import { PAGE_SIZE } from './cipher-integrity.ts';
import { journalCopyOfPageOne, journalPathFor } from './key-check.ts';
import { lockPathFor } from './lock-file.ts';
import { openTeamDatabase } from './team-db.ts';
import { write } from './write.ts';
import { useRealKeyStretch } from '../testing/short-key-stretch.ts';

// Child processes and the sqlcipher tool open these files, and they always use the real stretch.
useRealKeyStretch();

const open = (file: string, passphrase = PASSPHRASE, takeOverLock = false) => openTeamDatabase({ path: file, passphrase, user: 'Tess Manager', takeOverLock });

/** A team database of some size, so that cutting it in half leaves many pages. */
function aLargerDatabaseFile(): string {
  const db = aTeamDatabase();
  write(db.writeContext, (audit) => {
    for (let i = 0; i < 600; i++) audit('filler', String(i), 'fill', 'y'.repeat(300));
  });
  db.close();
  return db.path;
}

function cutTo(file: string, bytes: number): Buffer {
  const cut = bytesOf(file).subarray(0, bytes);
  fs.writeFileSync(file, cut);
  return Buffer.from(cut);
}

describe('a file cut short (half-copied to or from a shared drive)', () => {
  it('is "incomplete", not "wrong passphrase", when cut at a page boundary, and is left as it was', () => {
    const file = aLargerDatabaseFile();
    const pages = fs.statSync(file).size / PAGE_SIZE;
    const cut = cutTo(file, Math.floor(pages / 2) * PAGE_SIZE);
    const error = refusalOf(() => open(file));
    expect(error.code).toBe('incomplete_database');
    expect(error.message).toMatch(/incomplete or damaged.*Restore it from a backup/);
    expect(error.details).toMatchObject({ bytes: cut.length, expectedBytes: pages * PAGE_SIZE });
    expect(bytesOf(file).equals(cut)).toBe(true);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    // A wrong passphrase still says so: nothing about the file can be known without the key.
    expect(refusalOf(() => open(file, 'not the passphrase at all')).code).toBe('wrong_passphrase');
  });

  it('is "incomplete" whatever the passphrase when cut part way through a page, even inside the first', () => {
    const file = aLargerDatabaseFile();
    const cut = cutTo(file, 10 * PAGE_SIZE + 1000);
    expect(refusalOf(() => open(file, 'not the passphrase at all')).code).toBe('incomplete_database');
    expect(bytesOf(file).equals(cut)).toBe(true);
    const tiny = cutTo(file, 3000);
    expect(refusalOf(() => open(file)).code).toBe('incomplete_database');
    expect(bytesOf(file).equals(tiny)).toBe(true);
  });

  it('still calls a text file, or a zip such as an .xlsx, "not a LinkDesk database"', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.linkdesk');
    fs.writeFileSync(text, 'Visit notes, not a database\n'.repeat(400));
    expect(refusalOf(() => open(text)).code).toBe('not_linkdesk_database');
    const zip = path.join(dir, 'workbook.linkdesk');
    fs.writeFileSync(zip, Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))]));
    expect(refusalOf(() => open(zip)).code).toBe('not_linkdesk_database');
  });
});

describe('a wrong passphrase after a crash mid-commit', () => {
  /** Kills a child part way through a large transaction: the file holds half-written pages and a hot journal. */
  async function crashedMidCommit(): Promise<{ file: string }> {
    const file = aTeamDatabaseFile();
    const child = startChild({ action: 'midwrite', path: file, passphrase: PASSPHRASE });
    expect(await child.nextLine()).toBe('ready');
    child.process.kill('SIGKILL');
    await child.exited;
    expect(fs.statSync(journalPathFor(file)).size).toBeGreaterThan(0);
    return { file };
  }

  it('is refused without touching the file or its journal; the right passphrase then rolls the change back', async () => {
    const { file } = await crashedMidCommit();
    const before = { db: bytesOf(file), journal: bytesOf(journalPathFor(file)) };
    const error = refusalOf(() => open(file, 'not the passphrase at all', true));
    expect(error.code).toBe('wrong_passphrase');
    expect(bytesOf(file).equals(before.db)).toBe(true);
    expect(bytesOf(journalPathFor(file)).equals(before.journal)).toBe(true);
    const db = open(file, PASSPHRASE, true);
    expect(db.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'fill'").pluck().get()).toBe(0);
    expect((await db.check()).ok).toBe(true);
    db.close();
    expect(fs.existsSync(journalPathFor(file))).toBe(false);
  }, 120_000);

  it('lets the right passphrase in when the crash tore page 1 itself, by checking the journal’s copy of it', async () => {
    const { file } = await crashedMidCommit();
    expect(journalCopyOfPageOne(file)).not.toBeNull();
    // A write torn by a power cut: the second half of page 1 is neither the old nor the new page.
    const bytes = bytesOf(file);
    randomBytes(2048).copy(bytes, 2048);
    fs.writeFileSync(file, bytes);
    expect(refusalOf(() => open(file, 'not the passphrase at all', true)).code).toBe('wrong_passphrase');
    expect(bytesOf(file).equals(bytes)).toBe(true);
    const db = open(file, PASSPHRASE, true);
    expect((await db.check()).ok).toBe(true);
    db.close();
  }, 120_000);
});

describe('the lock file', () => {
  it('a failed take-over (wrong passphrase) leaves the owner’s lock file exactly as it was', () => {
    const file = aTeamDatabaseFile();
    const owner = JSON.stringify({ user: 'Sam Worker', machine: 'COUNCIL-LT-042', pid: 4242, since: '2026-11-23T09:00:00.000Z' });
    fs.writeFileSync(lockPathFor(file), owner, { mode: 0o644 });
    fs.chmodSync(lockPathFor(file), 0o644);
    const error = refusalOf(() => open(file, 'not the passphrase at all', true));
    expect(error.code).toBe('wrong_passphrase');
    expect(fs.readFileSync(lockPathFor(file), 'utf8')).toBe(owner);
    expect(fs.statSync(lockPathFor(file)).mode & 0o777).toBe(process.platform === 'win32' ? fs.statSync(lockPathFor(file)).mode & 0o777 : 0o644);
    const db = open(file, PASSPHRASE, true);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'))).toMatchObject({ user: 'Tess Manager', machine: os.hostname() });
    db.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });
});

describe('new files are readable by their owner only', () => {
  // Windows has no mode bits (its folders' access lists decide), so there the mode is not asked.
  const modeOf = (file: string): number | 'windows' => (process.platform === 'win32' ? 'windows' : fs.statSync(file).mode & 0o777);
  const ownerOnly = process.platform === 'win32' ? 'windows' : 0o600;

  it('creates the database, its lock file and a backup with mode 0600', async () => {
    const db = aTeamDatabase();
    expect(modeOf(db.path)).toBe(ownerOnly);
    expect(modeOf(lockPathFor(db.path))).toBe(ownerOnly);
    const backup = path.join(tempDir(), 'copy.linkdesk');
    await db.backup(backup);
    expect(modeOf(backup)).toBe(ownerOnly);
    expect(fs.readdirSync(path.dirname(backup))).toEqual(['copy.linkdesk']);
  });
});
