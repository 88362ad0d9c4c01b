// The esbuild options of the Electron bundles, shared by build-electron.js and the test that
// checks `dependencies` holds exactly what the bundles leave to node_modules at run time; and
// of the command line's bundle (`linkdesk`, `linkdesk serve`), which runs only from a checkout.
import { isBuiltin } from 'node:module';

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
    // The allocation planner's solver thread (electron/app/planner/solve.ts finds it beside main.cjs).
    // HiGHS loads its WebAssembly from its own folder, so it stays in node_modules.
    entryPoints: ['electron/app/planner/solve-worker.ts'],
    outfile: 'dist-electron/solve-worker.cjs',
    external: ['highs'],
  },
  {
    ...common,
    entryPoints: ['electron/main/preload.ts'],
    outfile: 'dist-electron/preload.cjs',
    external: ['electron'],
  },
];

/**
 * The command line, compiled into dist-cli/ by build/cli.js when a source changed. ESM with
 * code splitting, so what a command loads on first use (the commands themselves, exceljs,
 * docxtemplater, the CSV parser, the demo) is a file of its own, read only when it is needed:
 * `linkdesk --help` reads a few kilobytes. The bundled CommonJS packages require Node's own
 * modules, hence the `require` made for them at the top of every file.
 */
/**
 * Node's own modules taken with require, not import: an ESM import of a built-in module makes
 * Node build a facade with every one of its exports, and for node:http that means loading the
 * whole fetch library (undici), about 70 ms of a start spent on nothing the command uses.
 */
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!isBuiltin(args.path)) return undefined;
      // The stand-in module's own require is the real one.
      if (args.namespace === 'node-builtin') return { path: args.path, external: true };
      return { path: args.path, namespace: 'node-builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

export const CLI_BUNDLE = {
  entryPoints: ['electron/cli/main.ts', 'electron/app/planner/solve-worker.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  sourcemap: false,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __linkdeskCreateRequire } from 'node:module';\nconst require = __linkdeskCreateRequire(import.meta.url);" },
  external: ['better-sqlite3-multiple-ciphers', 'highs'],
  plugins: [builtinsThroughRequire],
};
