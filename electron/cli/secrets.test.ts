import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CreateRecordInput } from '../../shared/domain/documents.ts';
import { api, METHOD_NAMES } from '../../shared/api.ts';
import { createDemoDatabase } from '../app/demo/demo.ts';
import { selectProducible } from '../app/documents/repo.ts';
import { createMeetingRecord } from '../app/documents/word-records.ts';
import { childEnvironment } from '../app/environment.ts';
import { openTeamDatabase } from '../app/db/team-db.ts';
import { bytesOf, PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { PASSPHRASES_ASKED, passphraseKeyIn } from './api-command.ts';
import { forgetPassphrases, newPassphraseFrom, passphraseFrom, takePassphrasesFromEnvironment } from './prompt.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch, and these tests open their files too.
useRealKeyStretch();

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'linkdesk.js');
/** Each run of the command line stretches the key; the machine may be busy. */
const SLOW = 300_000;
const NEW_PASSPHRASE = 'a brand new and rather long passphrase 42';

async function aDatabaseFile(): Promise<string> {
  const file = path.join(tempDir(), 'secrets.linkdesk');
  const run = await linkdesk(['create', '--db', file, '--team', 'Secret Keepers', '--authority', 'Hushshire']);
  expect(run.stderr).toBe('');
  return file;
}

function expectNoPassphraseIn(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain(NEW_PASSPHRASE);
  }
}

describe('linkdesk api and passphrases', () => {
  it('refuses --input holding a passphrase, anywhere, without repeating it, and leaves the file as it was', async () => {
    const file = await aDatabaseFile();
    const before = bytesOf(file);
    const run = await linkdesk(['api', 'db.unlock', '--input', JSON.stringify({ path: file, passphrase: PASSPHRASE, userName: 'Tess' })]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^linkdesk: --input must not hold a passphrase \(it has "passphrase"\).*LINKDESK_PASSPHRASE/);
    expectNoPassphraseIn(run.stdout, run.stderr);
    const nested = await linkdesk(['api', 'team.get', '--db', file, '--input', JSON.stringify({ notes: [{ Team_PASSPHRASE_backup: 'x' }] })]);
    expect(nested.status).toBe(1);
    expect(nested.stderr).toContain('"notes.0.Team_PASSPHRASE_backup"');
    expect(bytesOf(file).equals(before)).toBe(true);
  }, SLOW);

  it('finds a passphrase key at any depth, and nothing in inputs without one', () => {
    expect(passphraseKeyIn({ path: '/x', currentPassphrase: 'a' })).toBe('currentPassphrase');
    expect(passphraseKeyIn([{ a: { b: [null, { newpassphrase: 1 }] } }])).toBe('0.a.b.1.newpassphrase');
    expect(passphraseKeyIn({ path: '/x', note: 'my passphrase is in a value, not a key' })).toBeNull();
    expect(passphraseKeyIn('passphrase')).toBeNull();
    const deep = JSON.parse(`${'['.repeat(50_000)}{"passphrase":1}${']'.repeat(50_000)}`);
    expect(passphraseKeyIn(deep)).toBe(`${'0.'.repeat(50_000)}passphrase`);
  });

  it('asks for the passphrases of every method that takes one, so none needs them in --input', () => {
    const withPassphrase = METHOD_NAMES.filter((name) => {
      const shape = (api[name].input as { shape?: Record<string, unknown> }).shape ?? {};
      return Object.keys(shape).some((key) => /passphrase/i.test(key));
    });
    expect(withPassphrase.sort()).toEqual(Object.keys(PASSPHRASES_ASKED).sort());
  });

  it('fills the passphrases from the environment for db.create and db.changePassphrase, read once for the whole command', async () => {
    const file = path.join(tempDir(), 'made-by-api.linkdesk');
    const created = await linkdesk(['api', 'db.create', '--json', '--input', JSON.stringify({ path: file, teamName: 'Api Team', localAuthority: 'Apishire', userName: 'Tess' })]);
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toMatchObject({ teamName: 'Api Team', integrityWarnings: [] });
    // --db opens with LINKDESK_PASSPHRASE, then the method needs it again as the current one.
    const changed = await linkdesk(['api', 'db.changePassphrase', '--db', file], { LINKDESK_NEW_PASSPHRASE: NEW_PASSPHRASE });
    expect(changed.stderr).toBe('');
    expect(changed.status).toBe(0);
    expectNoPassphraseIn(created.stdout, changed.stdout);
    expect((await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: NEW_PASSPHRASE })).status).toBe(0);
  }, SLOW);

  it('refuses a passphrase given as an option, without echoing it', async () => {
    const run = await linkdesk(['check', '--db', 'x.linkdesk', `--passphrase=${PASSPHRASE}`]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^linkdesk: linkdesk never takes a passphrase as an argument.*LINKDESK_PASSPHRASE/);
    expectNoPassphraseIn(run.stdout, run.stderr);
  }, SLOW);

  it('never prints the passphrase, on success or failure', async () => {
    const file = await aDatabaseFile();
    for (const args of [['check', '--db', file], ['check', '--db', file, '--json'], ['api', 'team.get', '--db', file, '--json']]) {
      const run = await linkdesk(args);
      expect(run.status).toBe(0);
      expectNoPassphraseIn(run.stdout, run.stderr);
    }
    const missing = await linkdesk(['check', '--db', `${file}.missing`]);
    expect(missing.status).toBe(1);
    expectNoPassphraseIn(missing.stdout, missing.stderr);
    const wrong = await linkdesk(['check', '--db', file], { LINKDESK_PASSPHRASE: NEW_PASSPHRASE });
    expect(wrong.status).toBe(1);
    expectNoPassphraseIn(wrong.stdout, wrong.stderr);
  }, SLOW);
});

describe('passphrases in the environment', () => {
  it('are read once, removed from the environment so no program inherits them, and kept only until forgotten', async () => {
    process.env.LINKDESK_PASSPHRASE = PASSPHRASE;
    process.env.LINKDESK_NEW_PASSPHRASE = NEW_PASSPHRASE;
    try {
      takePassphrasesFromEnvironment();
      expect(process.env.LINKDESK_PASSPHRASE).toBeUndefined();
      expect(process.env.LINKDESK_NEW_PASSPHRASE).toBeUndefined();
      expectNoPassphraseIn(spawnSync('env', { encoding: 'utf8' }).stdout);
      // Read twice in one command (rekey, `api db.changePassphrase` with --db): still there.
      expect(await passphraseFrom('LINKDESK_PASSPHRASE', 'Passphrase: ')).toBe(PASSPHRASE);
      expect(await passphraseFrom('LINKDESK_PASSPHRASE', 'Current passphrase: ')).toBe(PASSPHRASE);
      expect(await newPassphraseFrom('LINKDESK_NEW_PASSPHRASE')).toBe(NEW_PASSPHRASE);
      forgetPassphrases();
      // No terminal in the test, so the prompt refuses: the value is gone.
      await expect(passphraseFrom('LINKDESK_PASSPHRASE', 'Passphrase: ')).rejects.toThrow(/No passphrase: set LINKDESK_PASSPHRASE/);
    } finally {
      forgetPassphrases();
      delete process.env.LINKDESK_PASSPHRASE;
      delete process.env.LINKDESK_NEW_PASSPHRASE;
    }
  });
});

describe('programs LinkDesk starts', () => {
  it('get only an allow-listed environment: no LINKDESK_ variable, whatever its case', () => {
    const clean = childEnvironment({ PATH: '/bin', HOME: '/home/t', LC_TIME: 'en_GB.UTF-8', SystemRoot: 'C:\\Windows', LINKDESK_PASSPHRASE: 'x', linkdesk_new_passphrase: 'y', LINKDESK_HOME: '/h', AWS_SECRET_ACCESS_KEY: 'z', NODE_OPTIONS: '--inspect' });
    expect(clean).toEqual({ PATH: '/bin', HOME: '/home/t', LC_TIME: 'en_GB.UTF-8', SystemRoot: 'C:\\Windows' });
  });

  it.runIf(process.platform === 'linux')('the opener of a Word record, started by `linkdesk serve`, sees no passphrase, and none is on the command line', async () => {
    // A meeting record LinkDesk made and recorded, in a demo database.
    const folder = tempDir();
    const file = path.join(folder, 'demo.linkdesk');
    const demo = createDemoDatabase(file, PASSPHRASE, 'Tess Manager');
    const producible = selectProducible(demo.db).find((p) => p.kind === 'visit');
    if (!producible) throw new Error('the demo has a visit record');
    const doc = createMeetingRecord(demo.writeContext, CreateRecordInput.parse({ kind: 'visit', id: producible.id }));
    demo.close();

    // A stand-in for xdg-open, first on the PATH: it writes down what it was given.
    const bin = tempDir();
    const dump = path.join(tempDir(), 'opener');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${dump}.args'\nenv > '${dump}.partial'\nmv '${dump}.partial' '${dump}.env'\n`, { mode: 0o755 });

    const child = spawn(process.execPath, [BIN, 'serve', '--db', file, '--json'], {
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: folder, LANG: 'en_GB.UTF-8', UNRELATED_TOKEN: 'not for the opener',
        LINKDESK_HOME: tempDir(), LINKDESK_USER: 'Server', LINKDESK_PASSPHRASE: PASSPHRASE, LINKDESK_NEW_PASSPHRASE: NEW_PASSPHRASE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
      output += line;
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      const opened = await fetch(new URL('/api/documents.open', url), { method: 'POST', body: JSON.stringify({ id: doc.id }), headers: { 'x-linkdesk-token': token } });
      expect(await opened.json()).toEqual({ ok: true, value: { opened: true } });
      while (!fs.existsSync(`${dump}.env`)) await new Promise((resolve) => setTimeout(resolve, 50));

      const env = fs.readFileSync(`${dump}.env`, 'utf8');
      expect(fs.readFileSync(`${dump}.args`, 'utf8')).toBe(`${doc.path}\n`);
      expect(env).toContain(`PATH=${bin}:`);
      expect(env).toContain('LANG=en_GB.UTF-8');
      expect(env).not.toContain('LINKDESK_');
      expect(env).not.toContain('UNRELATED_TOKEN');
      expectNoPassphraseIn(env);
      expectNoPassphraseIn(fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8'));
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expectNoPassphraseIn(output);
    // It served, so the passphrase did open the database.
    openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'After' }).close();
  }, SLOW);
});
