/**
 * The Reports screen on the demo team: the term's figures beside the previous term's, a filter
 * by hub that asks for them again, the Word report and the workbook downloaded (browser mode),
 * usable from the keyboard and at 320 px wide.
 */
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import type { Page } from '@playwright/test';
import { choose, expect, expectAccessible, expectScreenOpened, focusIsVisible, test } from './fixtures.ts';

const SCREENS = path.resolve(import.meta.dirname, 'artifacts', 'screens');

/** Saves a download into the test's folder and opens it as the zip a .docx or .xlsx is, returning its parts. */
async function downloaded(page: Page, press: () => Promise<void>, folder: string): Promise<{ name: string; parts: string[] }> {
  const download = page.waitForEvent('download');
  await press();
  const file = await download;
  const saved = path.join(folder, file.suggestedFilename());
  await file.saveAs(saved);
  expect(fs.statSync(saved).size).toBeGreaterThan(0);
  return { name: file.suggestedFilename(), parts: Object.keys(new PizZip(fs.readFileSync(saved)).files) };
}

test('see the term’s figures beside the last term’s, filter by hub, and save the report as Word and Excel', async ({ page, server, problems }) => {
  void problems; // requested so any console error or CSP violation fails the test
  // Generous: the report is a long page, and axe reads all of it four times on a busy machine.
  test.setTimeout(900_000);
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Reports' }).click();
  await expectScreenOpened(page, 'Reports');

  // The demo opens on 24 Nov 2026: the autumn term, compared with the summer term before it.
  const status = page.getByRole('region', { name: 'Which figures' }).getByRole('status');
  await expect(status).toHaveText(/^Showing Autumn term 2026-27 \(1 Sep 2026 to .*\), compared with Summer term 2025-26 \(.*\)\.$/);
  const glance = page.getByRole('region', { name: 'At a glance' });
  const visitsHeld = glance.getByRole('listitem').filter({ hasText: 'Visits held' });
  await expect(visitsHeld.locator('.headline-value')).toHaveText(/^\d+ of \d+ planned$/);
  const allHubs = (await visitsHeld.locator('.headline-value').textContent()) ?? '';
  const planned = (text: string) => Number(/of (\d+) planned/.exec(text)?.[1]);
  expect(planned(allHubs)).toBeGreaterThan(0);
  await expect(visitsHeld.locator('.headline-previous')).toHaveText(/^Summer term 2025-26: \d+ of \d+ planned$/);
  // Every chart is an image with its figures said in words, and the same figures in a table.
  const chart = page.locator('svg[role="img"]').first();
  await expect(chart).toHaveAttribute('aria-label', /^Bar chart of .+\. .+: .+ \d.*The table below gives every figure\.$/);
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByText(/\d{4}-\d{2}-\d{2}/)).toHaveCount(0);
  await expectAccessible(page, 'reports');

  // One hub: asked for again, and fewer visits planned than across the three hubs.
  const filters = page.getByRole('group', { name: 'Filters' });
  await choose(filters, 'Hub', 'North');
  await expect(status).toHaveText(/^Showing Autumn term 2026-27 \(.*\), Hub: North, compared with Summer term 2025-26 \(.*\)\.$/);
  await expect(visitsHeld.locator('.headline-value')).not.toHaveText(allHubs);
  const north = (await visitsHeld.locator('.headline-value').textContent()) ?? '';
  expect(planned(north)).toBeLessThan(planned(allHubs));
  await expectAccessible(page, 'reports for one hub');

  // From the keyboard, with the focus seen.
  await page.getByRole('heading', { level: 1, name: 'Reports' }).focus();
  await page.keyboard.press('Tab');
  await expect(filters.getByRole('button', { name: /School year$/ })).toBeFocused();
  expect(await focusIsVisible(page)).toBe(true);

  const save = page.getByRole('region', { name: 'Save the report' });
  const word = await downloaded(page, () => save.getByRole('button', { name: 'Save as Word' }).click(), server.dataDir);
  expect(word.name).toMatch(/\.docx$/);
  expect(word.parts).toContain('word/document.xml');
  await expect(save.getByText('Word report downloaded')).toBeVisible();

  await save.getByText('For sharing outside the team (counts of 1-4 shown as fewer than 5)', { exact: true }).click();
  const excel = await downloaded(page, () => save.getByRole('button', { name: 'Save as Excel' }).click(), server.dataDir);
  expect(excel.name).toMatch(/\.xlsx$/);
  expect(excel.parts).toContain('xl/workbook.xml');
  await expect(save.getByText('Excel workbook downloaded')).toBeVisible();

  const log = page.getByRole('region', { name: 'Escalation log' });
  const escalations = await downloaded(page, () => log.getByRole('button', { name: 'Save the escalation log' }).click(), server.dataDir);
  expect(escalations.parts).toContain('word/document.xml');
  await expectAccessible(page, 'reports after saving');
  // The top of the page, and a chart with its table, for people to look at (the whole page is very long).
  await page.getByRole('heading', { level: 1, name: 'Reports' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS, 'reports.png') });
  await page.getByRole('heading', { level: 3, name: 'Visits by hub' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: path.join(SCREENS, 'reports-chart.png') });

  // 320 px wide: the page does not scroll sideways; a wide table scrolls in its own box.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole('heading', { level: 3, name: 'Visits by hub' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: path.join(SCREENS, 'reports-320.png') });
  await expectAccessible(page, 'reports at 320 px');
});
