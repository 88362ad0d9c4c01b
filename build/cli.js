// The command line of a checkout (bin/linkdesk.js) runs electron/cli compiled by esbuild into
// dist-cli/, not TypeScript transpiled at every start: the compiled files are reused while no
// source they were built from has changed, and rebuilt first (about a second) when one has.
import path from 'node:path';
import { freshBundle, markRunning } from './bundle-cache.js';
import { CLI_BUNDLE } from './electron-bundles.js';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** What builds the command line: its options, and the files that change the output without being imported. */
export const CLI_SETTINGS = {
  root: ROOT,
  outDir: path.join(ROOT, 'dist-cli'),
  options: CLI_BUNDLE,
  extraInputs: ['build/electron-bundles.js', 'build/bundle-cache.js', 'build/stamp.js', 'package.json'],
};

/** The compiled command line's entry file, built first if it is stale; kept while this process runs. */
export async function compiledCli() {
  const entry = await freshBundle(CLI_SETTINGS);
  markRunning(entry);
  return entry;
}
