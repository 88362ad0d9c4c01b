// A bundle compiled by esbuild into a folder of its own, rebuilt only when a file it was built
// from has changed (build/stamp.js). The command line of a checkout runs from one (bin/linkdesk.js).
//
// Several processes may find the bundle stale at once (vitest's workers each start `linkdesk`), so:
// - each builds in memory and writes into a temporary folder, renamed whole to a name made from
//   the hash of what it holds: two builds of the same sources make the same folder, and the
//   one that loses the rename simply drops its copy;
// - stamp.json, which names the current folder, is replaced by rename, never written in place;
// - a folder no longer current is removed only when no running process started from it (each
//   leaves its process id in the folder while it runs) and it is older than a few minutes, so a
//   long-running `linkdesk serve` can still load the chunks it loads on first use.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeStamp, readStamp, stampedFiles, stampIsFresh, writeFileAtomic } from './stamp.js';

const RUNNING = '.running';
const KEEP_MS = 10 * 60_000;

/** The entry of the current build when it is fresh, else null. Costs a read of stamp.json and a stat per source file. */
export function currentBundle(outDir, root) {
  const stamp = readStamp(path.join(outDir, 'stamp.json'));
  if (!stampIsFresh(root, stamp) || typeof stamp.entry !== 'string' || typeof stamp.build !== 'string') return null;
  const entry = path.join(outDir, stamp.build, stamp.entry);
  return fs.existsSync(entry) ? entry : null;
}

/**
 * Builds the bundle. `options` are esbuild's; the first entry point is the one run, others (a
 * worker thread's file) sit beside it. `extraInputs` are files (relative to root) that change the
 * output without being imported, such as the build options' own file. Returns the entry file of
 * the new build.
 */
export async function buildBundle({ outDir, root, options, extraInputs = [] }) {
  const { build } = await import('esbuild');
  const builtFrom = Date.now();
  const result = await build({ ...options, absWorkingDir: root, outdir: path.join(outDir, 'out'), write: false, metafile: true, logLevel: 'silent' });
  // With code splitting a dynamically imported module's chunk names an entryPoint too, in an
  // order esbuild does not promise: the entry is the output of the first entry point named.
  const [entryOutput] = Object.entries(result.metafile.outputs).filter(([file, output]) => output.entryPoint === options.entryPoints[0] && !file.includes('/chunks/'));
  if (!entryOutput) throw new Error('esbuild made no entry file');
  const outBase = path.join(outDir, 'out');
  const files = result.outputFiles.map((f) => ({ rel: path.relative(outBase, f.path), contents: f.contents }));
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.rel.localeCompare(b.rel))) hash.update(`${f.rel}\0`).update(f.contents);
  const id = `b-${hash.digest('hex').slice(0, 16)}`;
  const final = path.join(outDir, id);
  if (!fs.existsSync(final)) {
    const temporary = path.join(outDir, `tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(temporary, f.rel)), { recursive: true });
      fs.writeFileSync(path.join(temporary, f.rel), f.contents);
    }
    try {
      renameFolder(temporary, final);
    } catch (error) {
      // Another process renamed the same build into place first: the same files, so ours goes.
      fs.rmSync(temporary, { recursive: true, force: true });
      if (!fs.existsSync(final)) throw error;
    }
  }
  const entry = path.relative(outBase, path.resolve(root, entryOutput[0]));
  const inputs = stampedFiles(root, [...Object.keys(result.metafile.inputs), ...extraInputs]);
  try {
    writeFileAtomic(path.join(outDir, 'stamp.json'), JSON.stringify(makeStamp(root, inputs, builtFrom, { build: id, entry })));
  } catch {
    // Windows may refuse the rename while another process reads the stamp: this build still runs,
    // and the next start finds the stamp stale and builds again.
  }
  pruneBuilds(outDir, id);
  return path.join(final, entry);
}

/**
 * Renames a folder; on Windows a scanner may hold a file just written for a moment (EPERM,
 * EACCES, EBUSY), so that is tried again for up to a second. A folder already at the target
 * (another build won) is not waited for.
 */
function renameFolder(from, to) {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      if (attempt >= 10 || fs.existsSync(to) || !['EPERM', 'EACCES', 'EBUSY'].includes(error.code)) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

/** The current build's entry, built first if any source changed since (about a second). */
export async function freshBundle(settings) {
  return currentBundle(settings.outDir, settings.root) ?? (await buildBundle(settings));
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Leaves this process's id in its build's folder until it exits, so the folder is not removed under it. */
export function markRunning(entry) {
  const buildDir = path.dirname(entry);
  try {
    const dir = path.join(buildDir, RUNNING);
    fs.mkdirSync(dir, { recursive: true });
    const mark = path.join(dir, String(process.pid));
    fs.writeFileSync(mark, '');
    process.on('exit', () => fs.rmSync(mark, { force: true }));
  } catch {
    // A read-only checkout: its builds are not pruned by this process either.
  }
}

function pruneBuilds(outDir, current) {
  const now = Date.now();
  for (const name of fs.readdirSync(outDir)) {
    if (name === current || !/^(b|tmp)-/.test(name)) continue;
    const dir = path.join(outDir, name);
    try {
      if (now - fs.statSync(dir).mtimeMs < KEEP_MS) continue;
      const marks = fs.existsSync(path.join(dir, RUNNING)) ? fs.readdirSync(path.join(dir, RUNNING)) : [];
      if (marks.some((pid) => isRunning(Number(pid)))) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile, or in use on Windows: tried again after the next build.
    }
  }
}
