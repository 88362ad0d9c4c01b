// A build's stamp: the size and modification time of every file it was built from, so a start can
// tell in a few milliseconds whether the build is still fresh (no file hashed, no folder walked).
// Used for the command line's bundle (bundle-cache.js), the Electron bundles and the renderer
// (scripts/start.js). Plain JavaScript: bin/linkdesk.js reads it before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files under node_modules are not stamped one by one (a bundle reads about a thousand): npm
 * rewrites its lockfiles at every install, so their size and time stand for all of them.
 */
const INSTALL_MARKERS = ['package-lock.json', path.join('node_modules', '.package-lock.json')];

/**
 * A file changed within this long before the build started may have changed again while it was
 * read, unseen by a clock as coarse as FAT's two seconds: it is stamped as unknown, so the next
 * start builds once more (as git treats a "racily clean" file).
 */
const RACY_MS = 2500;

function statOf(file) {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? [stat.size, stat.mtimeMs] : null;
  } catch {
    return null;
  }
}

/** The files to stamp: the inputs outside node_modules (relative to root, '/'-separated) and the install markers. */
export function stampedFiles(root, inputs) {
  const own = inputs
    .map((input) => (path.isAbsolute(input) ? path.relative(root, input) : input).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').includes('node_modules') && !rel.startsWith('..') && !rel.includes(':'));
  return [...new Set([...own, ...INSTALL_MARKERS.map((m) => m.split(path.sep).join('/'))])].sort();
}

/** Stamps the files as they are now; `builtFrom` is when the build started reading them (Date.now()). */
export function makeStamp(root, files, builtFrom, extra = {}) {
  const entries = files.map((rel) => {
    const stat = statOf(path.join(root, rel));
    if (stat && stat[1] >= builtFrom - RACY_MS) return [rel, stat[0], -1];
    return [rel, ...(stat ?? [-1, -1])];
  });
  return { version: 1, ...extra, files: entries };
}

/** Whether every stamped file still has the size and time it had: a changed, added or removed file says no. */
export function stampIsFresh(root, stamp) {
  if (!stamp || stamp.version !== 1 || !Array.isArray(stamp.files)) return false;
  for (const [rel, size, mtimeMs] of stamp.files) {
    if (mtimeMs === -1 && size !== -1) return false;
    const stat = statOf(path.join(root, rel));
    if (stat === null ? size !== -1 : stat[0] !== size || stat[1] !== mtimeMs) return false;
  }
  return true;
}

export function readStamp(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all: a reader sees the old one or the new one, never half. */
export function writeFileAtomic(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temporary, text);
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
