/**
 * Each test gets its own LinkDesk in browser mode (`linkdesk serve`) with an empty machine
 * config in a temp folder, and a page that fails the test on any CSP violation or page error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export interface LinkDeskServer {
  url: string;
  open: string;
  token: string;
  home: string;
  /** A folder for this test's team databases. */
  dataDir: string;
  /** Sets the app's clock (LINKDESK_CLOCK_FILE) to an instant, for deadlines measured in hours. */
  setClock: (instant: string) => void;
}

const ROOT = path.resolve(import.meta.dirname, '..');

async function startServer(home: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ server: Omit<LinkDeskServer, 'home' | 'dataDir' | 'setClock'>; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'linkdesk.js'), 'serve', '--json', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, LINKDESK_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`linkdesk serve exited ${code}: ${stderr}`)));
  });
  return { server: JSON.parse(line) as Omit<LinkDeskServer, 'home' | 'dataDir' | 'setClock'>, child };
}

export const test = base.extend<{ server: LinkDeskServer; problems: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-e2e-'));
    const dataDir = path.join(home, 'data');
    fs.mkdirSync(dataDir);
    const clockFile = path.join(home, 'clock');
    const { server, child } = await startServer(home, [], { LINKDESK_CLOCK_FILE: clockFile });
    await use({ ...server, home, dataDir, setClock: (instant) => fs.writeFileSync(clockFile, instant) });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(home, { recursive: true, force: true });
  },
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await use(problems);
    expect(problems, 'the page logged errors or CSP violations').toEqual([]);
  },
});

export { expect };

/**
 * WCAG 2.2 AA with axe-core; serious and critical violations fail the test. Label in name
 * (2.5.3: a link's or button's accessible name contains what it shows) is an experimental rule
 * in axe, so it is turned on by name: every screen a journey visits is checked for it.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report, `accessibility of the ${screen} screen`).toEqual([]);
}

/** Saves a screenshot beside the test results, for people to look at. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, 'e2e', 'artifacts', 'screens', `${name}.png`), fullPage: true });
}

/** Presses Tab until the element with this accessible name has focus, as a keyboard user would. */
export async function tabTo(page: Page, name: RegExp): Promise<void> {
  // From the top of a screen (where focus is when it opens): the skip link, the header and the areas come first.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
      return `${el.getAttribute('aria-label') ?? ''} ${labelled ?? ''} ${el.textContent ?? ''}`.trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/**
 * A screen of the app's frame has opened: focus is at its top, on the line that names it (what a
 * screen reader reads), so the first Tab reaches "Skip to main content" (issue 19).
 */
export async function expectScreenOpened(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
  const top = page.locator('.app > p.visually-hidden');
  await expect(top).toBeFocused();
  await expect(top).toHaveText(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
}

export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  });
}

/**
 * Chooses an option of one of the app's drop-downs (a button named "<value> <label>"), found by
 * its label within `scope`. The label is matched literally at the end of the name, so labels
 * with "(optional)" or "(SPOC)" need no escaping by the caller.
 */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'goto' in scope ? scope : scope.page();
  await scope.getByRole('button', { name: new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
