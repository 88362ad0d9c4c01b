#!/usr/bin/env node
// The `linkdesk` command of a development checkout: runs the TypeScript sources through tsx
// (a devDependency; the packaged app is bundled by esbuild and needs no tsx) on the project's Node 24.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `linkdesk: needs Node 24 (this is Node ${process.versions.node}). Run it as "npx linkdesk" from the project folder, which uses the project's own Node.\n`,
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
