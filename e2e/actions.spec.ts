import type { Page } from '@playwright/test';
import { choose, expect, expectAccessible, snapshot, test } from './fixtures.ts';

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });
}

test('mark an action done from the dashboard, and find it done on the Actions screen', async ({ page, server }) => {
  test.setTimeout(180_000);
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  const overdue = page.getByRole('region', { name: /^Overdue/ });
  const done = overdue.getByRole('button', { name: /^Mark done: Action from a visit due, Ashby Juniors Primary School, JB Y4: Offer the family an Early Help assessment/ });
  await expect(done).toBeVisible();
  await expectAccessible(page, 'dashboard with actions');
  // Keyboard: focus the button and press Enter.
  await done.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Marked done: Action from a visit due/ })).toBeVisible();
  await expect(done).toHaveCount(0);
  await snapshot(page, 'dashboard-action-done');

  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  const ashby = page.getByRole('row', { name: /Ashby Juniors Primary School.*JB Y4: Offer the family an Early Help assessment/ });
  await expect(page.getByRole('row', { name: /Ivybridge Primary School.*JB Y4: Offer the family an Early Help assessment/ })).toBeVisible();
  await expect(ashby).toHaveCount(0);
  await expectAccessible(page, 'actions');
  await choose(page, 'Show', 'Done');
  await expect(ashby).toContainText('24 Nov 2026 by Tess Manager');
  await choose(page, 'Show', 'Overdue');
  await expect(page.getByRole('row', { name: /Overdue/ }).first()).toBeVisible();
  await expectAccessible(page, 'actions, overdue');
  await snapshot(page, 'actions-overdue');
});

test('hand over a leaver’s schools and open actions to another worker, with a preview first', async ({ page, server }) => {
  test.setTimeout(180_000);
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: 'Kemi Adeyemi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kemi Adeyemi' })).toBeVisible();
  const theirActions = page.getByRole('region', { name: /^Their open actions/ });
  await expect(theirActions.getByRole('heading', { name: /^Their open actions \([1-9]\d*\)$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Their schools \([1-9]\d*\)$/ })).toBeVisible();
  await expectAccessible(page, 'worker page');

  const handover = page.getByRole('region', { name: 'Hand over to another worker' });
  await handover.getByRole('button', { name: 'Preview the handover' }).click();
  await expect(handover.getByRole('alert')).toContainText('Choose the worker who takes over');
  await choose(handover, 'Hand over to', 'Farid Haddad');
  await handover.getByLabel('From', { exact: true }).fill('19/12/2026');
  await handover.getByLabel('Reason for accepting warnings (optional)').fill('Kemi leaves at Christmas; Farid covers Coastal until the new starter');
  await handover.getByRole('button', { name: 'Preview the handover' }).click();
  const preview = handover.getByRole('region', { name: 'Preview: nothing has changed yet' });
  await expect(preview).toContainText(/open actions? would move from Kemi Adeyemi to Farid Haddad/);
  await expect(preview.getByRole('row', { name: /Moves/ }).first()).toBeVisible();
  await expectAccessible(page, 'worker page, handover preview');
  await snapshot(page, 'handover-preview');

  await preview.getByRole('button', { name: 'Hand over Kemi Adeyemi’s schools and actions' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Hand over to Farid Haddad?' });
  await expectAccessible(page, 'handover confirmation');
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await expect(handover.getByRole('status')).toContainText(/moved from Kemi Adeyemi to Farid Haddad/);
  await expect(theirActions.getByRole('heading', { name: 'Their open actions (0)' })).toBeVisible();

  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: 'Farid Haddad' }).click();
  await expect(page.getByRole('region', { name: /^Their open actions/ })).toContainText('Send the family hub leaflet to the DSL');
  await expect(page.getByRole('region', { name: 'Allocation history' })).toContainText('Handover from Kemi Adeyemi');
  await expectAccessible(page, 'worker page after handover');
});
