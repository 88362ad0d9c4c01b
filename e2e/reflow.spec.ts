/**
 * Accessible beyond axe (issue 19), on the demo team: every screen reflows at 320 CSS px and at
 * 200% zoom (a 640x450 viewport holds the same CSS px as 1280x900 at 200%) without the page
 * scrolling sideways (WCAG 1.4.10); the first Tab after a screen loads reaches the skip link;
 * ticked boxes and chosen radios still show in Windows contrast themes (forced colours, 1.4.11).
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

const SCREENS = path.resolve(import.meta.dirname, 'artifacts', 'screens', 'reflow');

async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill('Rea Flow');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** The first link on a screen whose address names a record of this kind (and whose name fits), once the list has loaded. */
async function firstRecord(page: Page, list: string, pattern: RegExp, named = /./): Promise<string> {
  await page.goto(`${new URL(page.url()).origin}/#${list}`);
  const found = () =>
    page
      .locator('main a[href^="#/"]')
      .evaluateAll((links) => links.map((a) => ({ route: a.getAttribute('href')?.slice(1) ?? '', name: a.getAttribute('aria-label') ?? a.textContent ?? '' })))
      .then((links) => links.find((link) => pattern.test(link.route) && named.test(link.name))?.route ?? '');
  await expect.poll(found, { message: `a link matching ${pattern} on ${list}` }).not.toBe('');
  return found();
}

/** Every screen of an open database, the records' screens found through the lists. */
async function allScreens(page: Page): Promise<{ route: string; name: string }[]> {
  const fixed = [
    '/dashboard', '/actions', '/schools', '/schools/import', '/schools/import-hubs', '/schools/new',
    '/people', '/people/new', '/people/import', '/people/import-connections',
    '/allocations', '/allocations/load', '/allocations/gaps', '/allocations/import', '/allocations/planner', '/allocations/map',
    '/visits', '/visits/grid', '/consultations', '/panels', '/panels/attendance',
    '/escalations', '/escalations/new', '/documents', '/reports', '/settings', '/settings/accessibility', '/settings/subject-access',
  ];
  const school = await firstRecord(page, '/schools', /^\/schools\/\d+$/);
  const person = await firstRecord(page, '/people', /^\/people\/(?!new$|import)[^/?]+$/);
  const allocation = await firstRecord(page, '/allocations', /^\/allocations\/\d+$/);
  // A visit with its record written, so the record's screen has its form.
  const visit = await firstRecord(page, '/visits', /^\/visits\/\d+\/[^/]+\/[^/]+$/, /Record written – /);
  const panel = await firstRecord(page, '/panels', /^\/panels\/(?!attendance$)[^/?]+$/);
  const meeting = await firstRecord(page, panel, /^\/panels\/[^/]+\/meetings\/[^/?]+$/);
  const escalation = await firstRecord(page, '/escalations', /^\/escalations\/(?!new$)[^/?]+$/);
  const records = { school, person, allocation, visit, 'visit-record': `${visit}/record`, panel, meeting, escalation };
  return [...fixed.map((route) => ({ route, name: route.slice(1).replace(/\//g, '-') })), ...Object.entries(records).map(([name, route]) => ({ route, name }))];
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

/** Whether the page reflows on this screen: no sideways scroll, and every table too wide for its box in a region (1.4.10). */
async function reflowProblems(page: Page, screen: string): Promise<string[]> {
  const problems: string[] = [];
  const overflow = await sideways(page);
  if (overflow > 0) problems.push(`${screen}: ${overflow} px too wide`);
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
  if (unreachable.length > 0) problems.push(`${screen}: tables without a scrolling region: ${unreachable.join('; ')}`);
  return problems;
}

const NARROW = { width: 320, height: 640 };
const ZOOMED = { width: 640, height: 450 };

test('every screen reflows at 320 px and at 200% zoom, its wide tables scrolling in their own labelled region, and the first Tab reaches the skip link', async ({ page, server, problems }) => {
  void problems; // requested so any console error or CSP violation fails the test
  test.setTimeout(1_800_000);
  server.setClock('2026-11-24T10:00:00Z');
  const wide: string[] = [];
  for (const size of [NARROW, ZOOMED]) {
    await page.setViewportSize(size);
    await page.goto(server.open);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENS, `start-${size.width}.png`) });
    wide.push(...(await reflowProblems(page, `start at ${size.width} px`)));
    await page.getByRole('link', { name: 'Create a team database' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a team database' })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENS, `create-${size.width}.png`) });
    wide.push(...(await reflowProblems(page, `create at ${size.width} px`)));
    if (size === NARROW && !process.env.NO_AXE) await expectAccessible(page, 'create at 320 px');
  }
  await openDemo(page, server.open);
  const routes = await allScreens(page);
  for (const size of [NARROW, ZOOMED]) {
    await page.setViewportSize(size);
    for (const { route, name } of routes) {
      await show(page, route);
      await page.screenshot({ path: path.join(SCREENS, `${name}-${size.width}.png`) });
      const table = page.locator('main .table-scroll').first();
      if ((await table.count()) > 0) {
        await table.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SCREENS, `${name}-${size.width}-table.png`) });
      }
      wide.push(...(await reflowProblems(page, `${route} at ${size.width} px`)));
      if (size === NARROW && !process.env.NO_AXE) await expectAccessible(page, `${route} at 320 px`);
      if (size === ZOOMED) {
        // Each screen opens like a page: the first Tab offers the skip link, before the header and the areas.
        await page.keyboard.press('Tab');
        await expect(page.getByRole('link', { name: 'Skip to main content' }), `the first Tab on ${route}`).toBeFocused();
      }
    }
  }
  await page.getByRole('button', { name: 'Lock' }).click();
  for (const size of [NARROW, ZOOMED]) {
    await page.setViewportSize(size);
    await expect(page.getByRole('heading', { level: 1, name: /^Unlock/ })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENS, `unlock-${size.width}.png`) });
    wide.push(...(await reflowProblems(page, `unlock at ${size.width} px`)));
  }
  expect(wide).toEqual([]);
});

test('on a narrow window the areas fold behind a Menu button, and each screen starts at the skip link', async ({ page, server, problems }) => {
  void problems;
  await page.setViewportSize(NARROW);
  await openDemo(page, server.open);
  // Arriving: focus at the top, where the page is named; the first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  const areas = page.getByRole('navigation', { name: 'Areas' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(areas).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Tab');
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(areas).toBeVisible();
  expect(await sideways(page)).toBe(0);
  await page.screenshot({ path: path.join(SCREENS, 'menu-open-320.png') });
  await expectAccessible(page, 'dashboard with its menu open at 320 px');
  // Escape in the areas folds them away and gives the focus back to the button.
  await page.keyboard.press('Tab'); // Lock
  await page.keyboard.press('Tab');
  await expect(areas.getByRole('link', { name: 'Dashboard' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(areas).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(areas).toBeVisible();
  // Choosing an area closes the menu; the new screen is named at the top and its first Tab is the skip link.
  await page.keyboard.press('Tab'); // Lock
  await page.keyboard.press('Tab'); // Dashboard
  await page.keyboard.press('Tab'); // Actions
  await page.keyboard.press('Tab');
  await expect(areas.getByRole('link', { name: 'Schools' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible();
  await expect(areas).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Schools, North Hub Dedicated Schools Team');
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  // The skip link takes focus past the header to the screen itself.
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // A link inside a screen opens the next one the same way.
  await page.getByRole('link', { name: 'Ashby Academy' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ashby Academy' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  // At full width the areas are beside the page again and there is no Menu button.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(areas).toBeVisible();
  await expect(menu).toBeHidden();
});

/** The pixels of an element, in forced colours, as a screenshot. */
async function drawn(locator: Locator): Promise<Buffer> {
  return locator.screenshot({ animations: 'disabled' });
}

test('in a Windows contrast theme (forced colours) a ticked box and a chosen radio look different from empty ones', async ({ page, server, problems }) => {
  void problems;
  await openDemo(page, server.open);
  await page.emulateMedia({ forcedColors: 'active' });
  await show(page, '/people/new');
  const roles = page.getByRole('radiogroup', { name: 'Role' });
  const chosen = roles.locator('.radio[data-selected] .radio-circle').first();
  const other = roles.locator('.radio:not([data-selected]) .radio-circle').first();
  await expect(chosen).toBeVisible();
  const background = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(chosen)).not.toBe(await background(other));
  expect((await drawn(chosen)).equals(await drawn(other))).toBe(false);
  await page.screenshot({ path: path.join(SCREENS, 'forced-colours-radio.png') });
  await expectAccessible(page, 'add a person in forced colours');

  await show(page, '/settings');
  const scope = page.getByRole('group', { name: 'Kinds of school in scope' }).first();
  const first = scope.getByRole('checkbox').first();
  const box = scope.locator('.checkbox').first().locator('.checkbox-box');
  const before = await drawn(box);
  const ticked = await first.isChecked();
  await scope.locator('.checkbox').first().click();
  await expect(first).toBeChecked({ checked: !ticked });
  const after = await drawn(box);
  expect(after.equals(before)).toBe(false);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS, 'forced-colours-checkbox.png') });
});

test('at 200% zoom, a control that takes focus in a long table is not hidden under its sticky heading row', async ({ page, server, problems }) => {
  void problems;
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  await page.setViewportSize(ZOOMED);
  await show(page, '/visits/grid');
  const grid = page.getByRole('region', { name: /visit dates by school$/ });
  const dates = grid.getByRole('textbox');
  await dates.nth(4).focus();
  // Scroll the box so that row's school link sits just under the heading row: in the box, so the
  // browser would not scroll to it, but covered. Shift+Tab moves focus back to it.
  await grid.evaluate((box) => {
    const link = document.activeElement?.closest('tr')?.querySelector('a');
    if (link) box.scrollTop += link.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  });
  await page.keyboard.press('Shift+Tab');
  expect(await grid.evaluate((box) => document.activeElement instanceof HTMLAnchorElement && box.contains(document.activeElement))).toBe(true);
  const clearance = await page.evaluate(() => {
    const focused = document.activeElement;
    const heading = focused?.closest('table')?.querySelector('thead th');
    if (!focused || !heading) return null;
    return focused.getBoundingClientRect().top - heading.getBoundingClientRect().bottom;
  });
  expect(clearance).not.toBeNull();
  expect(clearance ?? -1).toBeGreaterThanOrEqual(0);
});
