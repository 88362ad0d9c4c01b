import { expect, expectAccessible, test } from './fixtures.ts';

test('set the retention periods, review what is past them, and purge it once confirmed', async ({ page, server }) => {
  // Seven years after the demo's autumn: every record of it is past the default six years.
  server.setClock('2033-12-01T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Retention' });
  const table = section.getByRole('table', { name: /Records past the team’s retention period on 1 Dec 2033/ });
  await expect(table.getByRole('row', { name: /^Visit records 6 years 1 Dec 2027 [1-9]/ })).toBeVisible();
  await expectAccessible(page, 'settings, retention');

  await section.getByLabel('Audit log (years)').fill('0');
  await section.getByRole('button', { name: 'Save the retention periods' }).click();
  await expect(section.getByRole('alert').first()).toContainText('Keep records at least 1 year');
  await section.getByLabel('Audit log (years)').fill('10');
  await section.getByRole('button', { name: 'Save the retention periods' }).click();
  await expect(section.getByText('Retention periods saved')).toBeVisible();
  await expect(table.getByRole('row', { name: /^Audit log 10 years 1 Dec 2023 0/ })).toBeVisible();

  await section.getByRole('button', { name: 'Purge what is past its period' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Purge records past their retention period?' });
  await expect(dialog).toContainText('removed for good');
  await dialog.getByRole('button', { name: 'Purge' }).click();
  await expect(section.getByText('Purge made')).toBeVisible();
  await expect(table.getByRole('row', { name: /^Visit records 6 years 1 Dec 2027 0/ })).toBeVisible();
  await expect(section.getByText('Nothing is past its period to purge.')).toBeVisible();
  await expectAccessible(page, 'settings, retention after a purge');
});
