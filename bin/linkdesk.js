#!/usr/bin/env node
// The `linkdesk` command of a checkout, on the project's Node 24. It runs the command line
// compiled by esbuild (dist-cli/, see build/cli.js), rebuilt first when a source changed since;
// the packaged app is bundled the same way and carries no TypeScript runner.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `linkdesk: needs Node 24 (this is Node ${process.versions.node}). Run it as "npx linkdesk" from the project folder, which uses the project's own Node.\n`,
  );
  process.exit(1);
}
// V8 keeps the compiled code of the modules it loads (in the temp folder, keyed by their
// contents), so later starts skip parsing most of them: about a tenth of serve's start.
(await import('node:module')).enableCompileCache?.();
const { pathToFileURL } = await import('node:url');
const { compiledCli } = await import('../build/cli.js');

async function loadCli() {
  let entry;
  try {
    entry = await compiledCli();
  } catch (error) {
    // esbuild's message names the file, line and column of each error in the sources.
    process.stderr.write(`linkdesk: the command line could not be compiled from its sources:\n${error?.message ?? error}\n`);
    process.exit(1);
  }
  return import(pathToFileURL(entry).href);
}

let cli;
try {
  cli = await loadCli();
} catch (error) {
  // A build made between this start's look at the stamp and its loading the entry can, rarely,
  // have removed the folder it named: look again (building if need be) once.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  cli = await loadCli();
}
process.exitCode = await cli.runCli(process.argv.slice(2));
