// `npm start`: the Electron app when its binary is installed; otherwise browser mode on this
// computer only (the Electron binary cannot be downloaded on offline or locked-down machines).
// The screens and the main process are built again only when a file they were built from has
// changed since (their stamps, build/stamp.js), so a start with nothing changed takes seconds.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronIsFresh } from '../build/build-electron.js';
import { rendererIsFresh } from '../build/renderer-stamp.js';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The build steps need no passphrase: they do not inherit one (LinkDesk itself still does). */
const buildEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^LINKDESK_(NEW_)?PASSPHRASE$/i.test(name)));

function step(args) {
  const result = spawnSync('npm', ['run', '--silent', ...args], { cwd: root, stdio: 'inherit', env: buildEnv });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Looks for the installed binary without `require('electron')`, which would try to download it. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { reason: "Electron's binary was not downloaded when it was installed" };
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { binary } : { reason: `Electron's binary is missing from ${path.dirname(binary)}` };
}

/** Where a failed download is remembered, with this install of the packages (npm ci starts afresh). */
const DOWNLOAD_FAILED = path.join(root, 'node_modules', '.cache', 'linkdesk', 'electron-download-failed');
const RETRY_DOWNLOAD_MS = 24 * 60 * 60 * 1000;

/**
 * Electron 45 has no install script: its binary is downloaded on first use. Try that (it fails
 * quickly offline), so a developer with internet gets the window; after a failure, not again for
 * a day, so an offline start is not held up by it every time.
 */
function downloadElectron() {
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return;
  }
  const failedAt = fs.statSync(DOWNLOAD_FAILED, { throwIfNoEntry: false })?.mtimeMs;
  if (failedAt && Date.now() - failedAt < RETRY_DOWNLOAD_MS) return;
  console.log("Downloading Electron's binary (once)…");
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'inherit', timeout: 300_000 });
  if (result.status === 0) {
    fs.rmSync(DOWNLOAD_FAILED, { force: true });
    return;
  }
  console.log(`Electron's binary could not be downloaded; it is tried again tomorrow (or delete ${path.relative(root, DOWNLOAD_FAILED)}).`);
  fs.mkdirSync(path.dirname(DOWNLOAD_FAILED), { recursive: true });
  fs.writeFileSync(DOWNLOAD_FAILED, '');
}

if (rendererIsFresh()) console.log('The screens are up to date (no source changed since they were built).');
else step(['build:renderer']);
let electron = electronBinary();
if (!electron.binary && electron.reason !== 'the electron package is not installed') {
  downloadElectron();
  electron = electronBinary();
}
if (electron.binary) {
  if (!electronIsFresh()) step(['build:electron']);
  const child = spawn(electron.binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`\nElectron cannot run here (${electron.reason}), so LinkDesk starts in browser mode instead.`);
  console.log('It serves on 127.0.0.1 only; open the address below in your browser.\n');
  const child = spawn(process.execPath, [path.join(root, 'bin', 'linkdesk.js'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
