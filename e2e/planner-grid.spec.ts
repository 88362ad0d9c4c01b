import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { choose, expect, expectAccessible, snapshot, test } from './fixtures.ts';

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('filter the planner by worker and search, then agree a term’s visits for ten schools in the grid', async ({ page, server }) => {
  test.setTimeout(300_000);
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  const count = page.getByRole('status').filter({ hasText: /schools?( of \d+)?; \d+ termly visits/ });
  await expect(count).toContainText('41 schools;');
  const planner = page.getByRole('table', { name: 'Termly visits by school' });
  await expect(planner.getByRole('columnheader', { name: 'SPOC' })).toBeVisible();
  // Full height: far more than the eight rows it used to show.
  expect(await planner.getByRole('row').count()).toBeGreaterThan(12);
  await expectAccessible(page, 'year planner');
  await snapshot(page, 'planner');

  await choose(page, 'Link worker', 'Amira Khan');
  await expect(count).toContainText(/of 41;/);
  const held = await planner.getByRole('row').count();
  expect(held).toBeGreaterThan(1);
  for (const row of await planner.getByRole('row').all()) {
    if ((await row.getByRole('columnheader').count()) > 0) continue;
    await expect(row).toContainText('Amira Khan');
  }
  await page.getByLabel('Find a school').fill('ashby');
  await expect(count).toContainText(/^2 schools of 41;/);
  await expect(planner.getByRole('row')).toHaveCount(3);
  for (const row of (await planner.getByRole('row').all()).slice(1)) {
    await expect(row).toContainText('Ashby');
    await expect(row).toContainText('Amira Khan');
  }
  await expectAccessible(page, 'year planner, filtered');
  await page.getByLabel('Find a school').fill('');
  await choose(page, 'Link worker', 'All workers');
  await expect(count).toContainText('41 schools;');

  // The grid: the spring term's dates for ten schools still to agree, checked as the visit form checks them.
  await page.getByRole('link', { name: 'Enter a term’s dates for many schools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter a term’s visit dates' })).toBeVisible();
  await choose(page, 'Term', 'Spring term');
  const grid = page.getByRole('table', { name: 'Spring term 2026-27 visit dates by school' });
  const dates = grid.getByRole('textbox', { name: /^Spring term visit date for / });
  expect(await dates.count()).toBeGreaterThanOrEqual(10);
  const days = ['12', '13', '14', '15', '18', '19', '20', '21', '22', '25'];
  const schools: string[] = [];
  for (const [i, day] of days.entries()) {
    const input = dates.nth(i);
    schools.push(((await input.getAttribute('aria-label')) ?? '').replace('Spring term visit date for ', ''));
    await input.fill(`${day}/01/2027`);
  }
  await expect(page.getByText('10 dates to save')).toBeVisible();
  await expect(grid.getByText('No warnings')).toHaveCount(10, { timeout: 60_000 });

  // One agreed visit moved without a reason: the whole save is refused, naming the school and the field.
  await choose(page, 'Status', 'Agreed');
  const moved = dates.first();
  const movedSchool = ((await moved.getAttribute('aria-label')) ?? '').replace('Spring term visit date for ', '');
  await moved.fill('10/03/2027');
  await expect(grid.getByRole('textbox', { name: `Why the visit to ${movedSchool} moved` })).toBeVisible();
  await expect(grid.getByText('Say why the visit moved from its agreed date.')).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'visit grid, with a refusal');
  await page.getByRole('button', { name: 'Save 11 dates' }).click();
  await expect(page.getByRole('alert')).toContainText(`${movedSchool} (why it moved): Say why the visit moved from its agreed date.`);
  await expect(page.getByText('Nothing was saved: 1 row was refused')).toBeVisible();
  await snapshot(page, 'planner-grid-refused');
  await page.getByRole('button', { name: 'Save the 10 good rows only' }).click();
  await expect(page.getByText('10 visits saved; 1 refused, not saved')).toBeVisible();
  await expect(page.getByText('1 date to save')).toBeVisible();
  await expectAccessible(page, 'visit grid, saved');

  // The planner shows them agreed.
  await page.getByRole('link', { name: 'Year planner' }).click();
  for (const school of schools.slice(0, 3)) {
    await page.getByLabel('Find a school').fill(school);
    await expect(page.getByRole('link', { name: new RegExp(`Agreed – Spring term visit to ${school}$`) })).toBeVisible();
  }
  await page.getByLabel('Find a school').fill(movedSchool);
  await expect(page.getByRole('link', { name: new RegExp(`Agreed – Spring term visit to ${movedSchool}$`) })).toContainText(/Feb 2027/);
});

test('refused allocation rows stay on screen after saving and can be saved as a spreadsheet', async ({ page, server }) => {
  test.setTimeout(180_000);
  server.setClock('2026-11-24T10:00:00Z');
  const file = path.join(server.dataDir, 'allocations.csv');
  fs.writeFileSync(
    file,
    [
      'School name,Named link worker (SPOC),Secondary link worker,Reason',
      'Hollins Nursery School,Harry Lowe,Cerys Pritchard,New nursery joins the Central hub',
      'Ashby Juniors Primary School,Amira Khan,Ben Oduya,',
      'Nowhere Primary School,Harry Lowe,Cerys Pritchard,',
    ].join('\n'),
  );
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Allocations', exact: true }).click();
  await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
  await page.getByLabel('Spreadsheet').fill(file);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('button', { name: 'Save the 1 allocation that can apply' })).toBeEnabled();
  await expectAccessible(page, 'import allocations, preview');
  await page.getByRole('button', { name: 'Save the 1 allocation that can apply' }).click();

  await expect(page.getByText('1 allocation saved')).toBeVisible();
  const refused = page.getByRole('table', { name: 'The rows of the file that were refused, and why' });
  await expect(refused.getByRole('row')).toHaveCount(3);
  await expect(refused).toContainText('own child attends Ashby Juniors Primary School');
  await expect(refused).toContainText('No open school is called "Nowhere Primary School".');
  await expectAccessible(page, 'import allocations, saved with refused rows');

  const section = page.getByRole('region', { name: '2 refused rows, not saved' });
  const out = path.join(server.dataDir, 'refused.xlsx');
  fs.writeFileSync(out, 'an earlier file');
  await section.getByLabel('Save as').fill(out);
  await section.getByRole('button', { name: 'Save the refused rows' }).click();
  await expect(section.getByRole('alert')).toContainText('There is already a file with this name: choose another, or tick Replace');
  expect(fs.readFileSync(out, 'utf8')).toBe('an earlier file');
  await section.getByText('Replace a file already at this path').click();
  await section.getByRole('button', { name: 'Save the refused rows' }).click();
  await expect(section.getByText('Refused rows saved')).toBeVisible();
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  await expect(refused.getByRole('row')).toHaveCount(3);
  await expectAccessible(page, 'import allocations, refused rows saved');
  await snapshot(page, 'allocations-refused-rows');
});
