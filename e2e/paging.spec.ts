import path from 'node:path';
import { NewSchool } from '../shared/domain/schools.ts';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { addSchool } from '../electron/app/schools/service.ts';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

const PASSPHRASE = 'harbour lantern orchard 42';
const SCHOOLS = 230;

/** A register bigger than one page of the list (100 schools). */
function aBigRegister(file: string, schools = SCHOOLS): void {
  const db = createTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Tess Manager', teamName: 'Big County Team', localAuthority: 'Bigshire' });
  db.db.transaction(() => {
    for (let i = 0; i < schools; i++) {
      addSchool(db.writeContext, NewSchool.parse({ urn: String(600000 + i), name: `Aston School ${String(i).padStart(3, '0')}`, establishmentType: 'Community school', phase: 'Primary', laCode: '999', laName: 'Bigshire' }));
    }
  })();
  db.close();
}

async function openSchools(page: Page, open: string, file: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
}

test('the schools list reads a page at a time and loads the next as it is scrolled', async ({ page, server }) => {
  test.setTimeout(180_000);
  const file = path.join(server.dataDir, 'big.linkdesk');
  aBigRegister(file);
  await openSchools(page, server.open, file);

  await expect(page.getByRole('status').filter({ hasText: 'schools' })).toHaveText(`${SCHOOLS} schools`);
  const table = page.getByRole('table', { name: 'Schools, sorted as chosen above' });
  // Screen readers are told the whole list's size, not the first page's.
  await expect(table).toHaveAttribute('aria-rowcount', String(SCHOOLS + 1));
  await expect(table.getByRole('link', { name: 'Aston School 000' })).toBeVisible();
  // Every row loaded is in the page (none virtualised away), so a screen reader and Find reach them all.
  await expect(table.getByRole('row')).toHaveCount(101);
  await expect(page.getByRole('button', { name: 'Next rows' })).toHaveCount(0);
  await expectAccessible(page, 'a long schools list');

  const last = table.getByRole('link', { name: `Aston School ${SCHOOLS - 1}` });
  await expect(async () => {
    await page.locator('.virtual-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(last).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // A search narrows the list to a page of its own; the count says how many match ("12" starts
  // the words 120 to 129, not 012).
  await page.getByLabel('Search').fill('aston school 12');
  await expect(page.getByRole('status').filter({ hasText: 'school' })).toHaveText('10 schools');
  await expect(table).toHaveAttribute('aria-rowcount', '11');
});

test('a list longer than 500 rows pages, 100 rows at a time, and says which rows it shows', async ({ page, server }) => {
  test.setTimeout(180_000);
  const file = path.join(server.dataDir, 'bigger.linkdesk');
  aBigRegister(file, 620);
  await openSchools(page, server.open, file);

  const table = page.getByRole('table', { name: 'Schools, sorted as chosen above' });
  const position = page.getByRole('status').filter({ hasText: /^Rows / });
  await expect(position).toHaveText('Rows 1 to 100 of 620');
  await expect(table.getByRole('row')).toHaveCount(101);
  await expect(table).toHaveAttribute('aria-rowcount', '621');
  await expectAccessible(page, 'a paged schools list');
  await snapshot(page, 'schools-paged');

  // The next page is read from the main process as it is asked for; the focus stays on the button.
  const next = page.getByRole('button', { name: 'Next rows' });
  await next.click();
  await expect(position).toHaveText('Rows 101 to 200 of 620');
  await expect(table.getByRole('link', { name: 'Aston School 100' })).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toHaveAttribute('aria-rowindex', '102');
  await expect(next).toBeFocused();
  // "Shown" is the page in view, not every row read so far.
  await expect(page.getByRole('button', { name: 'Select all 100 schools shown' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous rows' }).click();
  await expect(position).toHaveText('Rows 1 to 100 of 620');
  await expect(table.getByRole('link', { name: 'Aston School 000' })).toBeVisible();
});
