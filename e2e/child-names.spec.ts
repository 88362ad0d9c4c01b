import { expect, expectAccessible, test } from './fixtures.ts';

test('a name typed as initials or in the notes is highlighted, and the Word record waits until it is corrected or confirmed', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  await page.getByRole('link', { name: / – Autumn term visit to Ashby Juniors Primary School$/ }).click();
  await page.getByRole('link', { name: 'Open the visit record' }).click();

  const first = page.locator('.child-row').nth(0);
  await first.getByLabel('Initials').fill('Jack Brown');
  await page.getByLabel('Other issues').fill('Noah Patel’s older brother was excluded last term.');
  const findings = page.locator('.name-findings');
  await expect(findings.locator('mark', { hasText: 'Jack Brown' })).toBeVisible();
  await expect(findings.locator('mark', { hasText: 'Noah Patel' })).toBeVisible();
  await expect(findings.getByRole('link', { name: 'Other issues' })).toHaveAttribute('href', /otherIssues$/);
  await expectAccessible(page, 'visit record with possible names');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Record saved: check these points')).toBeVisible();
  await expect(page.getByText(/^Not yet confirmed, so no Word record can be made/)).toBeVisible();

  const word = page.getByRole('region', { name: 'Word meeting record' });
  await word.getByRole('button', { name: 'Create the Word record' }).click();
  await expect(word.getByRole('alert')).toContainText('The Word record was not made: the visit record may name a child.');
  await expect(word.getByRole('alert')).toContainText('Child 1: initials: “Jack Brown” looks like a name, not initials');

  // Jack Brown is put right; Noah Patel is confirmed (say, the school's name for a programme).
  await first.getByLabel('Initials').fill('JB');
  await page.getByText('Not a child’s name: Noah Patel').click();
  await expect(page.getByText('Each possible name is confirmed as not a child’s name')).toBeVisible();
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Record saved: check these points')).toBeVisible();
  await expect(page.getByText(/^Not yet confirmed/)).toHaveCount(0);
  await word.getByRole('button', { name: 'Create the Word record' }).click();
  await expect(word.getByText('Word record saved')).toBeVisible();
});
