// `npm run build:electron`: bundles the main process and the preload for Electron, and compiles
// the command line (dist-cli/, build/cli.js). The preload of a sandboxed window must be a single
// CommonJS file; the main process is bundled the same way for a fast start, and so that the
// packaged app needs no package from node_modules but the database driver. The large libraries
// it loads on first use (exceljs, docxtemplater, pizzip, the CSV parser) stay in main.cjs, but as
// functions run only when first imported, not at start.
import path from 'node:path';
import { build } from 'esbuild';
import { buildBundle } from './bundle-cache.js';
import { CLI_SETTINGS } from './cli.js';
import { ELECTRON_BUNDLES } from './electron-bundles.js';
import { makeStamp, readStamp, stampedFiles, stampIsFresh, writeFileAtomic } from './stamp.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Outside dist-electron/, which is packaged whole. */
export const ELECTRON_STAMP = path.join(ROOT, 'dist', 'stamps', 'electron.json');

/** Whether dist-electron/ was built from the sources as they are now (`npm start` skips the build then). */
export function electronIsFresh() {
  return stampIsFresh(ROOT, readStamp(ELECTRON_STAMP));
}

export async function buildElectron() {
  const builtFrom = Date.now();
  const inputs = ['build/electron-bundles.js', 'build/build-electron.js', 'package.json'];
  for (const options of ELECTRON_BUNDLES) {
    const result = await build({ ...options, absWorkingDir: ROOT, metafile: true });
    inputs.push(...Object.keys(result.metafile.inputs));
  }
  writeFileAtomic(ELECTRON_STAMP, JSON.stringify(makeStamp(ROOT, stampedFiles(ROOT, inputs), builtFrom)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await buildElectron();
  const entry = await buildBundle(CLI_SETTINGS);
  console.log(`\n  ${path.relative(ROOT, entry)}  (the command line, with its chunks)`);
}
