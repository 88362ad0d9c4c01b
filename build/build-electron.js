// Bundles the main process and the preload for Electron. The preload of a sandboxed window
// must be a single CommonJS file; the main process is bundled the same way for a fast start.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node24', format: 'cjs', sourcemap: false, logLevel: 'info' };

await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist-electron/main.cjs',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
});
await build({
  ...common,
  entryPoints: ['electron/main/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  external: ['electron'],
});
