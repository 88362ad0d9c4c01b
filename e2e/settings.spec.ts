import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Sam Settings');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('team settings are validated and saved, a backup is written and the check passes', async ({ page, server }) => {
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Settings' }).click();

  const minutes = page.getByLabel('Lock after this many minutes without activity');
  await minutes.fill('0');
  await page.getByRole('button', { name: 'Save team settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Use at least 1 minute');
  await expectAccessible(page, 'settings, with an error');
  await minutes.fill('20');
  await page.getByLabel('Team name').fill('North Hub DST');
  await page.getByRole('button', { name: 'Save team settings' }).click();
  await expect(page.getByText('Team settings saved')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('North Hub DST');

  const backup = path.join(server.dataDir, 'demo backup.linkdesk');
  await page.getByLabel('Save the backup as').fill(backup);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup saved')).toBeVisible();
  await expect(page.getByText(backup)).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('alert')).toContainText('There is already a file');

  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByText('No problems found')).toBeVisible();
  await expectAccessible(page, 'settings, after backup and check');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('cell', { name: /settings update – Changed: teamName, idleLockMinutes/ })).toBeVisible();
});

test('the database locks itself after the idle time', async ({ page, server }) => {
  await page.clock.install();
  await openDemo(page, server.open);
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { level: 1, name: /Unlock North Hub/ })).toBeVisible();
  await expect(page.getByText('LinkDesk locked the database')).toBeVisible();
  await expectAccessible(page, 'unlock, after the idle lock');
});

test('every area of the app is reachable from the navigation', async ({ page, server }) => {
  await openDemo(page, server.open);
  for (const area of ['Schools', 'People', 'Allocations', 'Visits', 'Consultations', 'Panels', 'Escalations', 'Documents']) {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: area }).click();
    await expect(page.getByRole('heading', { level: 1, name: area })).toBeFocused();
    await expect(page).toHaveTitle(`${area} – LinkDesk`);
  }
  await expectAccessible(page, 'an area page');
});
