import { expect, expectAccessible, test } from './fixtures.ts';

test('search finds what people type: "st peters", "cafe", "saint marys", in the register, the board, the people list and the school picker', async ({ page, server }) => {
  test.setTimeout(180_000);
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();

  // The register, searched in SQL: the curly apostrophe, the accent and "Saint" are folded away.
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  const search = page.getByLabel('Search');
  const count = page.getByRole('status').filter({ hasText: /school/ });
  await search.fill('st peters');
  await expect(page.getByRole('link', { name: 'St Peter’s CE Primary School' })).toBeVisible();
  await expect(count).toHaveText('1 school');
  await search.fill('cafe');
  await expect(page.getByRole('link', { name: 'Le Petit Café Montessori School' })).toBeVisible();
  await expect(count).toHaveText('1 school');
  await search.fill("St. Mary's");
  await expect(page.getByRole('link', { name: 'Saint Mary’s CE Primary School' })).toBeVisible();
  await expect(count).toHaveText('1 school');
  await search.fill('ecole');
  await expect(page.getByRole('link', { name: 'École Française de Northshire' })).toBeVisible();
  await expectAccessible(page, 'schools, searched');

  // The allocation board filters the rows it holds, with the same folding.
  await page.getByRole('link', { name: 'Allocations', exact: true }).click();
  await page.getByLabel('Find a school or worker').fill('ST PETER’S');
  const board = page.getByRole('table', { name: /Schools and their link workers/ });
  await expect(board.getByRole('link', { name: 'Allocate St Peter’s CE Primary School' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'open school' })).toContainText('1 open school matches;');
  await expectAccessible(page, 'allocation board, searched');

  // The people list, likewise.
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByLabel('Find a person').fill('KHAN');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 person matches');
  await expect(page.getByRole('link', { name: 'Amira Khan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ben Oduya' })).toHaveCount(0);
  await expectAccessible(page, 'people, searched');

  // A school picker asks the register's search.
  await page.getByRole('link', { name: 'Consultations', exact: true }).click();
  const form = page.getByRole('region', { name: 'Record a consultation' });
  await form.getByRole('combobox', { name: 'School' }).fill('saint peters');
  await expect(page.getByRole('option', { name: /St Peter’s CE Primary School/ })).toBeVisible();
});
