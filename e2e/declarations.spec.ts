import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

test('annual declarations: the dashboard lists who is due, "nothing to declare" is recorded on the worker’s page, and they leave the list', async ({ page, server }) => {
  test.setTimeout(180_000);
  // 24 Nov 2026: the team's September re-declaration has come; the demo's two team managers have not made theirs.
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });

  const due = page.getByRole('region', { name: /^Declarations due/ });
  await expect(due.getByRole('heading', { name: 'Declarations due (2)' })).toBeVisible();
  await expect(due.getByRole('listitem').filter({ hasText: 'Grace Bello' })).toContainText('never declared · re-declares in September');
  await expect(due.getByRole('listitem').filter({ hasText: 'Tess Manager' })).toContainText('last declared 8 Sep 2025');
  await expectAccessible(page, 'dashboard with declarations due');

  await due.getByRole('link', { name: 'Grace Bello' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Bello' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Annual declaration of connections' });
  await expect(section).toContainText('A declaration is due: none has been recorded.');
  await expect(section).toContainText('September (the team’s month)');
  await section.getByRole('radio', { name: 'Nothing to declare' }).check();
  // The app's clock says 24 Nov; the browser's own day is today, so the day is typed as a manager would.
  await section.getByRole('textbox', { name: 'Declared on' }).fill('24/11/2026');
  await section.getByRole('button', { name: 'Record declaration' }).click();
  await expect(section.getByRole('status')).toContainText('Declaration recorded: nothing to declare, 24 Nov 2026');
  await expect(section.getByRole('row', { name: /24 Nov 2026 Nothing to declare Tess Manager/ })).toBeVisible();
  await expect(section).not.toContainText('A declaration is due');
  await expectAccessible(page, 'worker page, declaration recorded');

  // Her own month, chosen from the list with the keyboard's listbox.
  await section.getByRole('button', { name: /Month/ }).click();
  await page.getByRole('option', { name: 'January' }).click();
  await section.getByRole('button', { name: 'Save month' }).click();
  await expect(section.getByRole('status')).toContainText('Re-declares in January');
  await expect(section.getByRole('definition').filter({ hasText: /^January$/ })).toBeVisible();
  await snapshot(page, 'declarations-person');

  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(due.getByRole('heading', { name: 'Declarations due (1)' })).toBeVisible();
  await expect(due.getByRole('link', { name: 'Grace Bello' })).toHaveCount(0);
  await expect(due.getByRole('link', { name: 'Tess Manager' })).toBeVisible();
  await snapshot(page, 'declarations-dashboard');

  // The team's month is a setting: from November, Tess's declaration of 8 Sep 2025 is due either way.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const rules = page.getByRole('region', { name: 'Rules that differ between councils' });
  await rules.getByRole('button', { name: /Month of the yearly re-declaration/ }).click();
  await page.getByRole('option', { name: 'November' }).click();
  await rules.getByRole('button', { name: 'Save the rules' }).click();
  await expect(rules.getByRole('status')).toContainText('Rules saved');
  await expectAccessible(page, 'settings, the month of the declarations');
  await rules.screenshot({ path: 'e2e/artifacts/screens/declarations-settings.png' });
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(due.getByRole('listitem').filter({ hasText: 'Tess Manager' })).toContainText('re-declares in November');
});
