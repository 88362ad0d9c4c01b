import { expect, expectAccessible, test } from './fixtures.ts';

test('the SPOC list LinkDesk saves imports back as it is: every school "No change", nothing to apply', async ({ page, server }) => {
  test.setTimeout(180_000);
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();

  await page.getByRole('link', { name: 'Documents', exact: true }).click();
  const list = page.getByRole('region', { name: 'SPOC contact list' });
  await list.getByText('Save the list with these schools shown as “To be allocated”', { exact: true }).click();
  await list.getByRole('button', { name: 'Save the SPOC list' }).click();
  await expect(list.getByText('SPOC list of 41 schools saved')).toBeVisible();
  const saved = (await list.locator('.notice code').textContent()) ?? '';
  expect(saved).toMatch(/\.xlsx$/);

  await page.getByRole('link', { name: 'Allocations', exact: true }).click();
  await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
  await page.getByLabel('Spreadsheet').fill(saved);
  await page.getByRole('button', { name: 'Check the file' }).click();
  const rows = page.getByRole('table', { name: 'What each row of the file would do' }).getByRole('row');
  await expect(rows).toHaveCount(42);
  await expect(rows.filter({ hasText: 'No change' })).toHaveCount(41);
  await expect(page.getByRole('button', { name: 'Save the 0 allocations that can apply' })).toBeDisabled();
  await expectAccessible(page, 'import allocations, the published list read back');
});
