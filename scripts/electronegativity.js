// `npm run test:electron`: Doyensec's Electronegativity over the compiled main process and
// preload, failing on any finding that the allow-list below does not explain.
//
// It scans the app's own code as esbuild compiles it (build/electron-bundles.js) with the
// libraries left as imports: none of them imports Electron (the linter lets only
// electron/main do that), and scanning them too gave the same findings six times slower.
// `--full` scans the exact bundles that ship. `--input DIR` scans a folder instead (tests).
// Electronegativity reads files by extension, so the .cjs bundles are written as .js, and the
// renderer's index.html goes beside them for the CSP checks.
//
// The tool fetches translations and Electron's release list from the internet; neither is
// needed (English is bundled), so its HTTP client is replaced by one that fails at once, and
// the release check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is not run: it cannot work offline.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ELECTRON_BUNDLES } from '../build/electron-bundles.js';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Why each finding that remains is acceptable. A finding not matched here fails the run. */
const ALLOWED = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    matches: (issue) => /if \(isExternalLinkAllowed\(\w+\)\) void [\w.]+\.openExternal\(\w+\)/.test(issue.sample ?? ''),
    reason:
      'shell.openExternal gets only the links isExternalLinkAllowed accepts (https only; security.test.ts), from the window-open handler, which denies every new window.',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    matches: (issue) => issue.manualReview && onlyConcernIsScriptSelf(issue.sample ?? ''),
    reason:
      "csp-evaluator's only remark is \"script-src 'self' can be a problem if the origin hosts JSONP, AngularJS or user uploads\": app://linkdesk serves dist/renderer and nothing else.",
  },
  {
    id: 'ELECTRON_VERSION_JSON_CHECK',
    matches: (issue) => issue.severity.name === 'INFORMATIONAL',
    reason: "Information only: the Electron version read from package.json (the release check that would use it needs the internet and is not run).",
  },
];

function onlyConcernIsScriptSelf(policy) {
  const csp = require('@doyensec/csp-evaluator');
  const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  const concerns = findings.filter((f) => f.severity < csp.severities.INFO);
  return concerns.length === 1 && concerns[0].directive === 'script-src' && concerns[0].value === "'self'" && concerns[0].severity === csp.severities.MEDIUM_MAYBE;
}

function offlineHttpClient(electronegativityMain) {
  const gotPath = createRequire(path.join(path.dirname(electronegativityMain), 'locales', 'i18n.js')).resolve('got');
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = () => Promise.reject(new Error('LinkDesk runs Electronegativity offline'));
  stub.exports.head = stub.exports;
  require.cache[gotPath] = stub;
}

async function compiledApp(full) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-electronegativity-'));
  for (const options of ELECTRON_BUNDLES) {
    const name = `${path.basename(options.outfile, '.cjs')}.js`;
    await build({ ...options, absWorkingDir: root, outfile: path.join(dir, name), logLevel: 'error', ...(full ? {} : { packages: 'external' }) });
  }
  fs.copyFileSync(path.join(root, 'renderer', 'index.html'), path.join(dir, 'index.html'));
  const electron = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'linkdesk', main: 'main.js', devDependencies: { electron } }));
  return dir;
}

async function main() {
  const args = process.argv.slice(2);
  const inputAt = args.indexOf('--input');
  const given = inputAt >= 0 ? path.resolve(args[inputAt + 1] ?? '') : null;
  const dir = given ?? (await compiledApp(args.includes('--full')));
  try {
    const electronegativityMain = require.resolve('@doyensec/electronegativity');
    offlineHttpClient(electronegativityMain);
    process.env.LANG = 'en-US';
    const quietLog = console.log;
    console.log = () => undefined; // its "could not fetch translations" line
    let result;
    try {
      result = await require(electronegativityMain)({ input: dir, isRelative: true, customScan: [], excludeFromScan: EXCLUDED_CHECKS, parserPlugins: [] }, false);
    } finally {
      console.log = quietLog;
    }
    const failedToRead = result.errors.filter((e) => !e.tolerable);
    const explained = [];
    const unexplained = [];
    for (const issue of result.issues) {
      const rule = ALLOWED.find((a) => a.id === issue.id && a.matches(issue));
      (rule ? explained : unexplained).push({ issue, reason: rule?.reason });
    }
    const where = (issue) => `${issue.file}:${issue.location.line}:${issue.location.column}`;
    console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.globalChecks + result.atomicChecks} checks over ${given ? dir : 'main.js, preload.js and index.html'}; ${explained.length} findings explained, ${unexplained.length} not.`);
    for (const { issue, reason } of explained) console.log(`  allowed ${issue.id} at ${where(issue)}: ${reason}`);
    for (const { issue } of unexplained) console.error(`  FINDING ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) at ${where(issue)}: ${issue.description}${issue.sample ? `\n    ${issue.sample.slice(0, 200)}` : ''}`);
    for (const error of failedToRead) console.error(`  could not read ${error.file}: ${error.message}`);
    if (unexplained.length > 0 || failedToRead.length > 0) {
      console.error('Fix the finding, or add it to ALLOWED in scripts/electronegativity.js with the reason it is safe.');
      process.exitCode = 1;
    }
  } finally {
    if (!given) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
