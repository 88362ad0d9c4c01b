/** The boundaries of DESIGN.md are enforced by the linter: a wrong import fails CI. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedSyntax(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keeps the renderer away from electron/ and Node', async () => {
    expect(await restrictedImports('renderer/src/x.ts', "import { handlers } from '../../electron/app/api.ts';\nexport const x = handlers;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import fs from 'fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/x.ts', "import { api } from '../../shared/api.ts';\nexport const x = api;\n")).toHaveLength(0);
  });

  it('keeps shared/ free of electron/, renderer/ and Node', async () => {
    expect(await restrictedImports('shared/x.ts', "import { App } from '../renderer/src/App.tsx';\nexport const x = App;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import path from 'node:path';\nexport const x = path;\n")).toHaveLength(1);
  });

  it("lets only electron/main import 'electron'", async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await restrictedImports('electron/app/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/http/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/cli/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/main/x.ts', code)).toHaveLength(0);
  });

  it('lets only electron/app/testing/ switch the key stretch (no production path can shorten it)', async () => {
    const named = "import { setKeyStretchForTests } from '../db/key-stretch.ts';\nsetKeyStretchForTests('short');\n";
    const star = "import * as stretch from '../db/key-stretch.ts';\nstretch.setKeyStretchForTests('short');\n";
    const later = "export async function f() {\n  (await import('./key-stretch.ts')).setKeyStretchForTests('short');\n}\n";
    expect(await restrictedSyntax('electron/app/session.ts', named)).toHaveLength(1);
    expect(await restrictedSyntax('electron/main/x.ts', star)).toHaveLength(1);
    expect(await restrictedSyntax('electron/app/db/x.ts', later)).toHaveLength(1);
    expect(await restrictedSyntax('electron/cli/x.ts', "export { setKeyStretchForTests } from '../app/db/key-stretch.ts';\n")).toHaveLength(1);
    expect(await restrictedSyntax('electron/app/testing/x.ts', named)).toHaveLength(0);
    expect(await restrictedSyntax('electron/app/db/x.ts', "import { keyStretchIterations } from './key-stretch.ts';\nexport const n = keyStretchIterations();\n")).toHaveLength(0);
  });
});
