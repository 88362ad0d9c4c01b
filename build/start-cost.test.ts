/**
 * What a start loads: the modules reached from an entry by static imports (an `import`
 * statement or a `require` runs when its module loads; an `import()` only when it is called).
 * Read from esbuild's own account of the compiled command line and Electron main process.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CLI_BUNDLE, ELECTRON_BUNDLES } from './electron-bundles.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Large, and needed only by the documents, the imports and the demo. */
const HEAVY = ['exceljs', 'docxtemplater', 'pizzip', 'docx', 'csv-parse', 'papaparse'];

async function metafileOf(options: object): Promise<Metafile> {
  const result = await build({ ...options, absWorkingDir: ROOT, outdir: path.join(ROOT, 'dist-cli', 'metafile-only'), outfile: undefined, write: false, metafile: true, logLevel: 'silent' });
  return result.metafile;
}

/** The inputs loaded with `from` before anything it imports later (dynamic imports) runs. */
function loadedAtStart(metafile: Metafile, from: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...from];
  while (todo.length > 0) {
    const input = todo.pop() ?? '';
    if (seen.has(input)) continue;
    seen.add(input);
    for (const imported of metafile.inputs[input]?.imports ?? []) {
      if (imported.kind !== 'dynamic-import' && !imported.external && imported.path in metafile.inputs) todo.push(imported.path);
    }
  }
  return seen;
}

const packageOf = (input: string) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(input)?.[1];
const packagesIn = (inputs: Set<string>) => new Set([...inputs].map(packageOf).filter((name) => name !== undefined));

describe('what a start loads', () => {
  it('--help and a mistyped option load neither the database, the schemas nor the commands', async () => {
    const metafile = await metafileOf(CLI_BUNDLE);
    const loaded = loadedAtStart(metafile, ['electron/cli/main.ts']);
    expect(loaded).not.toContain('electron/cli/commands.ts');
    expect(loaded).not.toContain('shared/api.ts');
    expect([...packagesIn(loaded)]).toEqual([]);
  });

  it('a command, serve included, loads no large library until it is used', async () => {
    const metafile = await metafileOf(CLI_BUNDLE);
    const loaded = loadedAtStart(metafile, ['electron/cli/main.ts', 'electron/cli/commands.ts']);
    // The command line's own code is there (the check is not vacuous) …
    expect(loaded).toContain('electron/app/dispatcher.ts');
    expect(loaded).toContain('electron/http/server.ts');
    expect(packagesIn(loaded)).toContain('zod');
    // … and the large libraries are reachable, but only through a dynamic import.
    const everything = packagesIn(new Set(Object.keys(metafile.inputs)));
    for (const heavy of ['exceljs', 'docxtemplater', 'pizzip']) expect(everything).toContain(heavy);
    for (const heavy of HEAVY) expect(packagesIn(loaded)).not.toContain(heavy);
    expect(loaded).not.toContain('electron/app/demo/demo.ts');
    expect(loaded).not.toContain('electron/app/documents/word-records.ts');
  });

  it("the Electron main process loads no large library at start (they stay in main.cjs, run on first use)", async () => {
    const main = ELECTRON_BUNDLES.find((b) => b.outfile.endsWith('main.cjs'));
    if (!main) throw new Error('no main.cjs bundle');
    const metafile = await metafileOf({ ...main, outdir: undefined, outfile: path.join(ROOT, 'dist-cli', 'metafile-only', 'main.cjs') });
    const loaded = loadedAtStart(metafile, main.entryPoints);
    expect(loaded).toContain('electron/app/dispatcher.ts');
    for (const heavy of HEAVY) expect(packagesIn(loaded)).not.toContain(heavy);
  });
});
