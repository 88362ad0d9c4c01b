// Bundles the main process and the preload for Electron. The preload of a sandboxed window
// must be a single CommonJS file; the main process is bundled the same way for a fast start,
// and so that the packaged app needs no package from node_modules but the database driver.
import { build } from 'esbuild';
import { ELECTRON_BUNDLES } from './electron-bundles.js';

for (const options of ELECTRON_BUNDLES) await build(options);
