// Runs before `npm test` (as `pretest`), on whatever Node is on the PATH: installs the npm
// dependencies when they are missing, and, when run as root on Debian, the system tools the
// tests use: Chromium for the e2e tests, the SQLCipher 4 command-line tool, and LibreOffice
// with poppler's pdftotext to check that the Word and Excel documents LinkDesk makes open and print.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// npm and apt-get have no use for a passphrase someone left in the environment.
const toolEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^LINKDESK_(NEW_)?PASSPHRASE$/i.test(name)));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...toolEnv, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function output(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return '';
  }
}

if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'node')) || !fs.existsSync(path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'))) {
  console.log('Installing the npm dependencies…');
  run('npm', ['install']);
}

const missing = [];
if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!/SQLCipher 4/.test(output('sqlcipher', ['-version']))) missing.push('sqlcipher');
if (!fs.existsSync('/usr/bin/soffice')) missing.push('libreoffice');
if (!fs.existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
if (missing.length === 0) process.exit(0);

const codename = /VERSION_CODENAME=(\w+)/.exec(fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '')?.[1];
if (!isRoot || !codename || !fs.existsSync('/usr/bin/apt-get')) {
  console.error(`The tests need ${missing.join(' and ')} (Debian packages; sqlcipher 4 from ${codename ?? 'bookworm'}-backports). Install them, or run npm test as root on Debian to have them installed.`);
  process.exit(1);
}

// Debian 12's own sqlcipher is SQLCipher 3, which cannot read SQLCipher 4 files; backports has 4.6.
if (missing.includes('sqlcipher') && codename === 'bookworm') {
  const sources = '/etc/apt/sources.list.d/linkdesk-backports.sources';
  const already = output('grep', ['-rl', 'bookworm-backports', '/etc/apt/sources.list.d/', '/etc/apt/sources.list']).trim();
  if (!already) {
    fs.writeFileSync(
      sources,
      'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n',
    );
  }
}
console.log(`Installing ${missing.join(', ')} with apt-get…`);
run('apt-get', ['update', '-qq']);
if (missing.includes('chromium')) run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation']);
// Carlito has Calibri's metrics: without it LibreOffice measures a workbook's columns in a wider
// font and shrinks the SPOC list to fit the page (Debian recommends it; --no-install-recommends skips it).
if (missing.includes('libreoffice')) run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'fonts-crosextra-carlito']);
if (missing.includes('poppler-utils')) run('apt-get', ['install', '-y', '-qq', 'poppler-utils']);
if (missing.includes('sqlcipher')) {
  run('apt-get', ['install', '-y', '-qq', ...(codename === 'bookworm' ? ['-t', 'bookworm-backports'] : []), 'sqlcipher']);
}
