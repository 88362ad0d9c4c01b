/**
 * A clone of the repository has nothing beside it: no code, test or script may reach a file
 * outside it (the fixture folder beside the repository was once read by a relative path).
 * Every relative path written in the sources is resolved from its file's folder and must
 * land inside the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'dist-electron', 'release', 'test-results', 'artifacts', 'fixtures']);
const SOURCE = /\.(ts|tsx|js|cjs|mjs|json|yml|yaml|html|sh)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) || full === path.join(ROOT, '.ci', 'run') ? [full] : [];
  });
}

/** The paths a file names relative to itself: module specifiers, `new URL(..., import.meta.url)`, `path.resolve(dirname, '..', ...)`. */
export function relativePathsIn(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\b[^'"\n]*from\s+['"](\.{1,2}\/[^'"]*)['"]/gm)) found.push(m[1]!);
  for (const m of code.matchAll(/(?:\bimport\s*\(\s*|\brequire\s*\(\s*|new URL\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g)) found.push(m[1]!);
  // The folder of the file itself, however it is spelled, followed by literal segments.
  const here = String.raw`(?:import\.meta\.dirname|__dirname|here|path\.dirname\(fileURLToPath\(import\.meta\.url\)\))`;
  const segments = new RegExp(String.raw`path\.(?:resolve|join)\(\s*${here}\s*((?:,\s*['"][^'"]*['"]\s*)+)\)`, 'g');
  for (const m of code.matchAll(segments)) {
    found.push([...m[1]!.matchAll(/['"]([^'"]*)['"]/g)].map((s) => s[1]!).join('/'));
  }
  return found;
}

/** Absolute paths and names of the folders that sit beside the repository on the team's machines. */
const OUTSIDE = [['/', 'work', '/'], ['shared', '/', 'fixtures'], ['shared', '/', 'seeds'], ["'shared'", ", 'fixtures'"]].map((parts) => parts.join(''));

describe('the repository is self-contained', () => {
  // This file spells the escapes it looks for; the last test checks it catches them.
  const files = sourceFiles(ROOT).filter((file) => file !== import.meta.filename);

  it('finds the sources to check', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(relativePathsIn("const A = path.resolve(import.meta.dirname, '..', '..', 'x');")).toEqual(['../../x']);
  });

  it('never resolves a relative path to a place outside the repository', () => {
    const escapes: string[] = [];
    for (const file of files) {
      const code = fs.readFileSync(file, 'utf8');
      for (const relative of relativePathsIn(code)) {
        const target = path.resolve(path.dirname(file), relative);
        if (path.relative(ROOT, target).startsWith('..')) escapes.push(`${path.relative(ROOT, file)}: ${relative}`);
      }
    }
    expect(escapes).toEqual([]);
  });

  it('names no folder outside the repository', () => {
    const named = files.flatMap((file) => OUTSIDE.filter((p) => fs.readFileSync(file, 'utf8').includes(p)).map((p) => `${path.relative(ROOT, file)}: ${p}`));
    expect(named).toEqual([]);
  });

  it('catches the escapes it is there for', () => {
    const deep = path.join(ROOT, 'electron', 'app', 'testing');
    const [escape] = relativePathsIn("export const F = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'outside', 'fixtures');");
    expect(path.relative(ROOT, path.resolve(deep, escape!)).startsWith('..')).toBe(true);
    const [url] = relativePathsIn("fs.readFileSync(new URL('../../../outside/fixtures/x.json', import.meta.url))");
    expect(path.relative(ROOT, path.resolve(path.join(ROOT, 'shared', 'domain'), url!)).startsWith('..')).toBe(true);
  });
});
