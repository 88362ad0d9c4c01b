/** `npm run test:electron` must fail on a finding its allow-list does not explain. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '..', 'scripts', 'electronegativity.js');
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Electronegativity run', () => {
  it('fails on an unexplained finding, naming the check and the place', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-en-test-'));
    folders.push(dir);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'careless', main: 'main.js', devDependencies: { electron: '45.4.1' } }));
    fs.writeFileSync(
      path.join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const run = spawnSync(process.execPath, [SCRIPT, '--input', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/FINDING NODE_INTEGRATION_JS_CHECK \(\w+, \w+\) at main\.js:2:/);
    expect(run.stderr).toMatch(/FINDING CONTEXT_ISOLATION_JS_CHECK/);
    expect(run.stdout).toMatch(/\d+ not\./);
  });
});
