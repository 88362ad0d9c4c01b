// The esbuild options of the Electron bundles, shared by build-electron.js and the test that
// checks `dependencies` holds exactly what the bundles leave to node_modules at run time.
const common = { bundle: true, platform: 'node', target: 'node24', format: 'cjs', sourcemap: false, logLevel: 'info' };

export const ELECTRON_BUNDLES = [
  {
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist-electron/main.cjs',
    // The native driver cannot be bundled; it is the app's one run-time dependency.
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
  },
  {
    ...common,
    entryPoints: ['electron/main/preload.ts'],
    outfile: 'dist-electron/preload.cjs',
    external: ['electron'],
  },
];
