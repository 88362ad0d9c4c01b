import type { Page } from '@playwright/test';
import { DEMO_PASSPHRASE } from '../electron/app/demo/passphrase.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('a manager gives each person their own passphrase, adds a person and removes them with a re-encryption, by keyboard', async ({ page, server }) => {
  // Each step re-encrypts or stretches a passphrase: slow on a busy machine.
  test.setTimeout(240_000);
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const access = page.getByRole('region', { name: 'Who has access' });
  await access.getByLabel('The team passphrase').fill('not the team passphrase');
  await access.getByRole('button', { name: 'Give each person their own passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('not the team’s passphrase');
  await access.getByLabel('The team passphrase').fill(DEMO_PASSPHRASE);
  await access.getByRole('button', { name: 'Give each person their own passphrase' }).press('Enter');
  await expect(access.getByRole('cell', { name: 'Tess Manager (you)' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'settings, who has access');

  await access.getByLabel('Their name').fill('Ann Lee');
  await access.getByLabel('Their passphrase', { exact: true }).fill('kestrel meadow lantern quartz');
  await access.getByLabel('Confirm their passphrase').fill('kestrel meadow lantern quartz');
  await access.getByRole('button', { name: 'Add person' }).press('Enter');
  await expect(access.getByRole('cell', { name: 'Ann Lee', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(access.getByText('Ann Lee has access now')).toBeVisible();

  await access.getByRole('button', { name: 'Remove Ann Lee' }).press('Enter');
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await expect(dialog.getByRole('checkbox', { name: /Re-encrypt the database with a new key/ })).toBeChecked();
  await expectAccessible(page, 'settings, removing a person');
  await dialog.getByRole('button', { name: 'Remove Ann Lee' }).press('Enter');
  await expect(access.getByText('Ann Lee no longer has access.')).toBeVisible({ timeout: 60_000 });
  await expect(access.getByRole('cell', { name: 'Ann Lee', exact: true })).toHaveCount(0);
});
