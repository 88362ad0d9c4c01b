/**
 * electron-builder ships every package in `dependencies` inside the app, so that list must be
 * exactly what the bundled main process and preload still load from node_modules at run time:
 * no build tool (tsx, esbuild, vite), nothing the bundles already contain.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ELECTRON_BUNDLES } from './electron-bundles.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

async function packagesLoadedAtRunTime(): Promise<string[]> {
  const loaded = new Set<string>();
  for (const options of ELECTRON_BUNDLES) {
    const result = await build({ ...options, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
    for (const input of Object.values(result.metafile.inputs)) {
      for (const imported of input.imports) if (imported.external && !BUILTINS.has(imported.path)) loaded.add(imported.path);
    }
  }
  return [...loaded].sort();
}

describe('what the packaged app carries', () => {
  it('lists in dependencies exactly the packages the bundles load at run time, besides Electron itself', async () => {
    const loaded = await packagesLoadedAtRunTime();
    expect(loaded).toContain('electron');
    expect(Object.keys(pkg.dependencies).sort()).toEqual(loaded.filter((name) => name !== 'electron'));
  });

  it('keeps the TypeScript runner and the bundlers out of the app', () => {
    for (const tool of ['tsx', 'esbuild', 'vite', 'electron', 'electron-builder']) {
      expect(pkg.dependencies).not.toHaveProperty(tool);
      expect(pkg.devDependencies).toHaveProperty(tool);
    }
    const builder = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(builder).not.toMatch(/node_modules|tsx/);
  });
});
