/**
 * Accessible beyond axe (issue 19), on the demo team: every screen reflows at 320 CSS px and at
 * 200% zoom (a 640x450 viewport holds the same CSS px as 1280x900 at 200%) without the page
 * scrolling sideways (WCAG 1.4.10); the first Tab after a screen loads reaches the skip link;
 * ticked boxes and chosen radios still show in Windows contrast themes (forced colours, 1.4.11).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

const SCREENS = path.resolve(import.meta.dirname, 'artifacts', 'screens', 'reflow');

async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill('Rea Flow');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** The first link on a screen whose address names a record of this kind, once the list has loaded. */
async function firstRecord(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(`${new URL(page.url()).origin}/#${list}`);
  const found = () =>
    page
      .locator('main a[href^="#/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')?.slice(1) ?? ''))
      .then((routes) => routes.find((route) => pattern.test(route)) ?? '');
  await expect.poll(found, { message: `a link matching ${pattern} on ${list}` }).not.toBe('');
  return found();
}

/** Every screen of an open database, the records' screens found through the lists. */
async function allScreens(page: Page): Promise<string[]> {
  const fixed = [
    '/dashboard', '/actions', '/schools', '/schools/import', '/schools/import-hubs', '/schools/new',
    '/people', '/people/new', '/people/import', '/people/import-connections',
    '/allocations', '/allocations/load', '/allocations/gaps', '/allocations/import',
    '/visits', '/visits/grid', '/consultations', '/panels', '/panels/attendance',
    '/escalations', '/escalations/new', '/documents', '/reports', '/settings', '/settings/accessibility',
  ];
  const school = await firstRecord(page, '/schools', /^\/schools\/\d+$/);
  const person = await firstRecord(page, '/people', /^\/people\/(?!new$|import)[^/?]+$/);
  const allocation = await firstRecord(page, '/allocations', /^\/allocations\/\d+$/);
  const visit = await firstRecord(page, '/visits', /^\/visits\/\d+\/[^/]+\/[^/]+$/);
  const panel = await firstRecord(page, '/panels', /^\/panels\/(?!attendance$)[^/?]+$/);
  const meeting = await firstRecord(page, panel, /^\/panels\/[^/]+\/meetings\/[^/?]+$/);
  const escalation = await firstRecord(page, '/escalations', /^\/escalations\/(?!new$)[^/?]+$/);
  return [...fixed, school, person, allocation, visit, `${visit}/record`, panel, meeting, escalation];
}

async function show(page: Page, route: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#${route}`);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

/** How far the page itself scrolls sideways, in CSS px (0 when it reflows). */
async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const fileName = (route: string) => route.replace(/^\//, '').replace(/\//g, '_') || 'start';

test('every screen reflows at 320 px and at 200% zoom, with its wide tables scrolling in their own labelled region', async ({ page, server, problems }) => {
  void problems;
  test.setTimeout(1_800_000);
  server.setClock('2026-11-24T10:00:00Z');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.open);
  expect(await sideways(page)).toBe(0);
  await openDemo(page, server.open);
  const routes = await allScreens(page);
  const wide: string[] = [];
  for (const size of [{ width: 320, height: 640 }, { width: 640, height: 450 }]) {
    await page.setViewportSize(size);
    for (const route of routes) {
      await show(page, route);
      await page.screenshot({ path: path.join(SCREENS, `${size.width}`, `${fileName(route)}.png`), fullPage: true });
      const overflow = await sideways(page);
      if (overflow > 0) wide.push(`${route} at ${size.width} px: ${overflow} px too wide`);
      // A table wider than its box scrolls inside a region a keyboard can reach and a screen reader names.
      const unreachable = await page.evaluate(() =>
        [...document.querySelectorAll('main table')]
          .filter((t) => t.getBoundingClientRect().width > (t.parentElement?.getBoundingClientRect().width ?? 0) + 1)
          .filter((t) => {
            const box = t.closest('[role="region"]');
            return !box || box.getAttribute('tabindex') !== '0' || !(box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'));
          })
          .map((t) => t.querySelector('caption')?.textContent ?? t.outerHTML.slice(0, 80)),
      );
      if (unreachable.length > 0) wide.push(`${route} at ${size.width} px: tables without a scrolling region: ${unreachable.join('; ')}`);
      if (size.width === 320 && !process.env.NO_AXE) await expectAccessible(page, `${route} at 320 px`);
    }
  }
  expect(wide).toEqual([]);
});
