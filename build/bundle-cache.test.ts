/**
 * The compiled command line is reused while no source it was built from has changed, rebuilt
 * when one has, and several processes building at once all end with the same whole build.
 * Real files in a temporary folder, built by the real esbuild.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBundle, currentBundle, freshBundle, type BundleSettings } from './bundle-cache.js';
import { CLI_SETTINGS } from './cli.js';

const BUNDLE_CACHE = path.join(import.meta.dirname, 'bundle-cache.js');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A small project: an entry importing a module, which holds the value the bundle exports. */
function project(): BundleSettings & { write: (file: string, text: string) => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-bundle-'));
  dirs.push(root);
  // A clock that has moved on since each write, as it has by the time anyone runs the command:
  // a file written in the instant a build starts is rebuilt once more (tested below).
  const write = (file: string, text: string) => {
    fs.writeFileSync(path.join(root, file), text);
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, file), past, past);
  };
  write('entry.ts', "import { value } from './value.ts';\nexport const answer: string = value;\n");
  write('value.ts', "export const value = 'first';\n");
  return {
    root,
    outDir: path.join(root, 'dist-cli'),
    options: { entryPoints: ['entry.ts'], bundle: true, splitting: true, format: 'esm', platform: 'node', entryNames: '[name]', outExtension: { '.js': '.mjs' } },
    write,
  };
}

async function answerOf(entry: string): Promise<string> {
  return ((await import(`${pathToFileURL(entry).href}?${Math.random()}`)) as { answer: string }).answer;
}

const builds = (outDir: string) => fs.readdirSync(outDir).filter((name) => name.startsWith('b-'));

describe('the compiled command line', () => {
  it('is built when there is none, then reused while no source changed', async () => {
    const p = project();
    expect(currentBundle(p.outDir, p.root)).toBeNull();
    const entry = await freshBundle(p);
    expect(await answerOf(entry)).toBe('first');
    expect(currentBundle(p.outDir, p.root)).toBe(entry);
    expect(await freshBundle(p)).toBe(entry);
    expect(builds(p.outDir)).toHaveLength(1);
  });

  it('runs the first entry point of the real command line, not its worker thread nor a chunk loaded later', async () => {
    // Chunks of dynamic imports name an entry point too, and esbuild orders its outputs as it
    // likes: with the planner's worker as a second entry, a chunk came first and was run.
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-cli-'));
    dirs.push(outDir);
    const entry = await buildBundle({ ...CLI_SETTINGS, outDir });
    expect(path.relative(outDir, entry).split(path.sep).slice(1)).toEqual(['main.mjs']);
  });

  it('is rebuilt after a source it was built from changed, and holds the change', async () => {
    const p = project();
    const before = await freshBundle(p);
    p.write('value.ts', "export const value = 'second';\n");
    expect(currentBundle(p.outDir, p.root)).toBeNull();
    const after = await freshBundle(p);
    expect(after).not.toBe(before);
    expect(await answerOf(after)).toBe('second');
    expect(currentBundle(p.outDir, p.root)).toBe(after);
  });

  it('is rebuilt when a source is deleted, but not for a new file nothing imports', async () => {
    const p = project();
    const entry = await freshBundle(p);
    p.write('unused.ts', 'export const nobody = 1;\n');
    expect(currentBundle(p.outDir, p.root)).toBe(entry);
    fs.rmSync(path.join(p.root, 'value.ts'));
    expect(currentBundle(p.outDir, p.root)).toBeNull();
  });

  it('is rebuilt when the packages were installed again (the lockfile changed)', async () => {
    const p = project();
    p.write('package-lock.json', '{"lockfileVersion": 3}\n');
    const entry = await freshBundle(p);
    expect(currentBundle(p.outDir, p.root)).toBe(entry);
    p.write('package-lock.json', '{"lockfileVersion": 3, "packages": {}}\n');
    expect(currentBundle(p.outDir, p.root)).toBeNull();
  });

  it('counts a source changed in the instant the build started as changed, so the next start builds again', async () => {
    const p = project();
    fs.writeFileSync(path.join(p.root, 'value.ts'), "export const value = 'just now';\n");
    const entry = await buildBundle(p);
    expect(await answerOf(entry)).toBe('just now');
    expect(currentBundle(p.outDir, p.root)).toBeNull();
  });

  it('ends whole and the same when several processes build it at once', async () => {
    const p = project();
    const script = `import(${JSON.stringify(pathToFileURL(BUNDLE_CACHE).href)}).then((m) => m.buildBundle(JSON.parse(process.argv[1]))).then((entry) => console.log(entry))`;
    const settings = JSON.stringify({ root: p.root, outDir: p.outDir, options: p.options });
    const children = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ['-e', script, settings], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      return new Promise<string>((resolve, reject) => child.once('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err)))));
    });
    const entries = await Promise.all(children);
    expect(new Set(entries).size).toBe(1);
    expect(builds(p.outDir)).toHaveLength(1);
    expect(fs.readdirSync(p.outDir).filter((name) => name.startsWith('tmp-'))).toEqual([]);
    expect(currentBundle(p.outDir, p.root)).toBe(entries[0]);
    expect(await answerOf(entries[0] ?? '')).toBe('first');
  });
});
