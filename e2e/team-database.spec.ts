import path from 'node:path';
import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

const PASSPHRASE = 'harbour lantern orchard 42';
const NEW_PASSPHRASE = 'copper kettle meadow 7';

test('a new user creates a team database, locks it, unlocks it and changes the passphrase', async ({ page, server, problems }) => {
  await page.goto(server.open);
  await expect(page.getByRole('heading', { level: 1, name: 'LinkDesk' })).toBeVisible();
  await expectAccessible(page, 'start');
  await snapshot(page, 'start');

  await page.getByRole('link', { name: 'Create a team database' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a team database' })).toBeVisible();

  // Submitting an empty form shows the problems, in a summary and on each field.
  await page.getByRole('button', { name: 'Create team database' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Enter the team name');
  await expectAccessible(page, 'create, with errors');

  const file = path.join(server.dataDir, 'north-hub.linkdesk');
  await page.getByLabel('Team name').fill('North Hub Dedicated Schools Team');
  await page.getByLabel('Local authority').fill('Northshire County Council');
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByLabel('Save the database as').fill(file);
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(page.getByText('Use at least 12 characters')).toBeVisible();
  // Every problem at once, in the order of the fields: the passphrase's, then the confirmation's.
  await page.getByLabel('Confirm the passphrase').fill('something else');
  await page.getByRole('button', { name: 'Create team database' }).click();
  const listed = page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('listitem');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).not.toHaveText('The two passphrases are different');
  await expect(listed.nth(1)).toHaveText('The two passphrases are different');
  await snapshot(page, 'create-all-problems');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await expect(page.getByText('This passphrase is strong enough.')).toBeVisible();
  await page.getByLabel('Confirm the passphrase').fill(PASSPHRASE);
  await snapshot(page, 'create');
  await page.getByRole('button', { name: 'Create team database' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('North Hub Dedicated Schools Team');
  await expect(page.getByRole('cell', { name: 'Team database created', exact: true })).toBeVisible();
  await expectAccessible(page, 'dashboard');
  await snapshot(page, 'dashboard');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock North Hub Dedicated Schools Team' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Tess Manager');

  await page.getByLabel('Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('The passphrase is wrong');
  await expect(page.getByLabel('Passphrase')).toHaveValue('');
  await expectAccessible(page, 'unlock, wrong passphrase');
  await snapshot(page, 'unlock-wrong-passphrase');

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectAccessible(page, 'settings');
  await page.getByLabel('Current passphrase').fill('a wrong current one');
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Confirm the new passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('current passphrase is wrong');
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed')).toBeVisible();
  await snapshot(page, 'settings');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock North Hub Dedicated Schools Team' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('The passphrase is wrong');
  await page.getByLabel('Passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the start screen lists a recently opened database', async ({ page, server }) => {
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Dev Reviewer');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('North Hub Dedicated Schools Team');
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('link', { name: 'Back to the start' }).click();
  await expect(page.getByRole('button', { name: 'Open North Hub Dedicated Schools Team' })).toBeVisible();
  await expectAccessible(page, 'start, with a recent database');
});
