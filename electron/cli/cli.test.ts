import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openTeamDatabase } from '../app/db/team-db.ts';
import { bytesOf, pageNeverReadOnOpen, PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The files here are made by the `linkdesk` child process, which always uses the real stretch.
useRealKeyStretch();

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'linkdesk.js');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Awaited, never spawnSync: a worker blocked for a minute on a busy machine misses vitest's
 * RPC ('Timeout calling "onTaskUpdate"'). No passphrase unless the test gives one.
 */
async function linkdesk(args: string[], env: Record<string, string> = {}, options: { uid?: number; gid?: number } = {}): Promise<Run> {
  const home = tempDir();
  fs.chmodSync(home, 0o777);
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', LINKDESK_HOME: home, LINKDESK_USER: 'Cli Tester', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options,
  });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const status = await new Promise<number>((resolve) => child.once('close', (code) => resolve(code ?? -1)));
  return { status, stdout, stderr };
}

async function created(env = { LINKDESK_PASSPHRASE: PASSPHRASE }): Promise<string> {
  const file = path.join(tempDir(), 'cli.linkdesk');
  const run = await linkdesk(['create', '--db', file, '--team', 'Cli Team', '--authority', 'Clishire'], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return file;
}

function sqlcipher(file: string, passphrase: string, sql: string): { status: number; stdout: string } {
  const result = spawnSync('sqlcipher', [file], { input: `PRAGMA key='${passphrase}';\n${sql}\n`, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout };
}

describe('linkdesk create and check', () => {
  it('creates a database that passes the check', async () => {
    const file = await created();
    const run = await linkdesk(['check', '--db', file, '--json'], { LINKDESK_PASSPHRASE: PASSPHRASE });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, integrity: ['ok'], cipherIntegrity: [] });
  });

  it('exits 1 on a wrong passphrase with one line about the passphrase, leaving the file byte-identical', async () => {
    const file = await created();
    const before = bytesOf(file);
    const run = await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: 'a wrong passphrase' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^linkdesk: The passphrase is wrong/);
    expect(bytesOf(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('exits 1 and names the page when a page of the file is damaged', async () => {
    const file = await created();
    const page = pageNeverReadOnOpen(file);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x00, (page - 1) * 4096 + 100, (page - 1) * 4096 + 104);
    fs.writeFileSync(file, bytes);
    const run = await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: PASSPHRASE });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`Page ${page} failed its authentication check`));
  });

  it('never takes the passphrase as an argument, and says how to give it', async () => {
    const file = path.join(tempDir(), 'x.linkdesk');
    const asArgument = await linkdesk(['create', '--db', file, '--team', 'T', '--passphrase', PASSPHRASE]);
    expect(asArgument.status).toBe(1);
    expect(asArgument.stderr).toMatch(/^linkdesk: linkdesk never takes a passphrase as an argument.*LINKDESK_PASSPHRASE/);
    expect(asArgument.stderr).not.toContain(PASSPHRASE);
    const none = await linkdesk(['create', '--db', file, '--team', 'Team T']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/LINKDESK_PASSPHRASE/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a database in a folder it cannot write to', async () => {
    const file = await created();
    const dir = path.dirname(file);
    const isRoot = process.getuid?.() === 0;
    // Root ignores permissions, so as root the check runs as the unprivileged 'nobody'.
    fs.chmodSync(dir, 0o555);
    fs.chmodSync(file, 0o444);
    try {
      const before = bytesOf(file);
      const run = await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: PASSPHRASE }, isRoot ? { uid: 65534, gid: 65534 } : {});
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/read-only|cannot write/);
      expect(bytesOf(file).equals(before)).toBe(true);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(file, 0o644);
    }
  });
});

describe('linkdesk demo, backup and rekey', () => {
  it('makes a demo file that the sqlcipher 4 tool reads with the passphrase and no other', async () => {
    const file = path.join(tempDir(), 'demo.linkdesk');
    expect((await linkdesk(['demo', '--db', file], { LINKDESK_PASSPHRASE: PASSPHRASE })).status).toBe(0);
    expect(execFileSync('sqlcipher', ['-version'], { encoding: 'utf8' })).toMatch(/SQLCipher 4/);
    const right = sqlcipher(file, PASSPHRASE, 'SELECT name FROM team;');
    expect(right.stdout).toContain('North Hub Dedicated Schools Team');
    const wrong = sqlcipher(file, 'another passphrase', 'SELECT name FROM team;');
    expect(wrong.stdout).not.toContain('North Hub');
    expect(wrong.status).not.toBe(0);
  });

  it('stores no text value in the raw bytes of the file', async () => {
    const file = path.join(tempDir(), 'demo.linkdesk');
    expect((await linkdesk(['demo', '--db', file], { LINKDESK_PASSPHRASE: PASSPHRASE })).status).toBe(0);
    const db = openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Reader' });
    const texts = new Set<string>();
    const tables = db.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      for (const row of db.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const value of Object.values(row)) if (typeof value === 'string' && value.length >= 4) texts.add(value);
      }
    }
    db.close();
    expect(texts.size).toBeGreaterThan(5);
    const raw = bytesOf(file);
    expect([...texts].filter((t) => raw.includes(Buffer.from(t, 'utf8')))).toEqual([]);
  });

  it('backs up to an encrypted copy, and rekeys with LINKDESK_NEW_PASSPHRASE', async () => {
    const file = await created();
    const copy = path.join(tempDir(), 'copy.linkdesk');
    const backup = await linkdesk(['backup', '--db', file, '--out', copy, '--json'], { LINKDESK_PASSPHRASE: PASSPHRASE });
    expect(backup.status).toBe(0);
    expect(JSON.parse(backup.stdout).path).toBe(copy);
    expect(sqlcipher(copy, PASSPHRASE, 'SELECT name FROM team;').stdout).toContain('Cli Team');

    const next = 'a fresh team passphrase';
    expect((await linkdesk(['rekey', '--db', file], { LINKDESK_PASSPHRASE: PASSPHRASE, LINKDESK_NEW_PASSPHRASE: next })).status).toBe(0);
    expect((await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: PASSPHRASE })).status).toBe(1);
    expect((await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: next })).status).toBe(0);
    expect(sqlcipher(file, next, 'SELECT name FROM team;').stdout).toContain('Cli Team');
  }, 240_000);
});

describe('linkdesk backup into the backup folder, and restore', () => {
  it('backs up into the Backups folder beside the database, then restores it, saying the date and where the old file is kept', async () => {
    const file = await created();
    const env = { LINKDESK_PASSPHRASE: PASSPHRASE };
    const backup = await linkdesk(['backup', '--db', file, '--json'], env);
    expect(backup.stderr).toBe('');
    const taken = JSON.parse(backup.stdout) as { path: string; ok: boolean };
    expect(taken.ok).toBe(true);
    expect(path.dirname(taken.path)).toBe(path.join(path.dirname(file), 'Backups'));
    expect(path.basename(taken.path)).toMatch(/^cli \d{4}-\d{2}-\d{2} \d{4}\.linkdesk$/);
    expect(sqlcipher(taken.path, PASSPHRASE, 'SELECT name FROM team;').stdout).toContain('Cli Team');

    const renamed = await linkdesk(['api', 'team.updateSettings', '--db', file, '--input', '{"teamName": "Renamed Cli Team"}'], env);
    expect(renamed.status).toBe(0);
    const restore = await linkdesk(['restore', '--db', file, '--from', taken.path], env);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .*cli\.linkdesk from .*: the team's data is back as it was on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\. The database as it was before is kept at .*cli before restore .*\.linkdesk\.\n$/);
    expect(sqlcipher(file, PASSPHRASE, 'SELECT name FROM team;').stdout).toContain('Cli Team');
    const kept = fs.readdirSync(path.dirname(file)).find((f) => f.startsWith('cli before restore'));
    expect(sqlcipher(path.join(path.dirname(file), kept ?? ''), PASSPHRASE, 'SELECT name FROM team;').stdout).toContain('Renamed Cli Team');
  }, 240_000);

  it('refuses a backup that the passphrase does not open, changing nothing', async () => {
    const file = await created();
    const copy = path.join(tempDir(), 'copy.linkdesk');
    expect((await linkdesk(['backup', '--db', file, '--out', copy], { LINKDESK_PASSPHRASE: PASSPHRASE })).status).toBe(0);
    const before = bytesOf(file);
    const run = await linkdesk(['restore', '--db', file, '--from', copy], { LINKDESK_PASSPHRASE: 'not the passphrase at all' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^linkdesk: This passphrase does not open the backup/);
    expect(bytesOf(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f !== 'Backups').sort()).toEqual(['cli.linkdesk']);
  }, 120_000);

  it('says a half-copied database is incomplete, not that the passphrase is wrong', async () => {
    const file = await created();
    const bytes = bytesOf(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 8192) * 4096));
    const run = await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: PASSPHRASE });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^linkdesk: This database file is incomplete or damaged.*Restore it from a backup/);
  }, 120_000);
});

describe('linkdesk api', () => {
  it('lists every method with its input schema', async () => {
    const run = await linkdesk(['api', '--list', '--json']);
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout) as { method: string; input: { type: string; properties?: object } }[];
    const unlock = list.find((m) => m.method === 'db.unlock');
    expect(unlock?.input.properties).toHaveProperty('passphrase');
    expect(list.map((m) => m.method)).toContain('team.updateSettings');
  });

  it('calls a method on a database, validated by the same schemas', async () => {
    const file = await created();
    const ok = await linkdesk(['api', 'team.get', '--db', file, '--json'], { LINKDESK_PASSPHRASE: PASSPHRASE });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).settings.teamName).toBe('Cli Team');
    const bad = await linkdesk(['api', 'audit.list', '--db', file, '--input', '{"limit": "ten"}'], { LINKDESK_PASSPHRASE: PASSPHRASE });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^linkdesk: limit: /);
  });
});

describe('linkdesk serve', () => {
  it('serves on loopback, prints one JSON line, and refuses API calls without the token', async () => {
    const file = await created();
    const child = spawn(process.execPath, [BIN, 'serve', '--db', file, '--json'], {
      env: { PATH: process.env.PATH ?? '', LINKDESK_HOME: tempDir(), LINKDESK_PASSPHRASE: PASSPHRASE, LINKDESK_USER: 'Server' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const without = await fetch(new URL('/api/team.get', url), { method: 'POST', body: '{}' });
      expect(without.status).toBe(401);
      const withToken = await fetch(new URL('/api/team.get', url), { method: 'POST', body: '{}', headers: { 'x-linkdesk-token': token } });
      expect(((await withToken.json()) as { value: { settings: { teamName: string } } }).value.settings.teamName).toBe('Cli Team');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});
