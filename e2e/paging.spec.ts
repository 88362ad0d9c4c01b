import path from 'node:path';
import { NewSchool } from '../shared/domain/schools.ts';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { addSchool } from '../electron/app/schools/service.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const PASSPHRASE = 'harbour lantern orchard 42';
const SCHOOLS = 230;

/** A register bigger than one page of the list (100 schools). */
function aBigRegister(file: string): void {
  const db = createTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Tess Manager', teamName: 'Big County Team', localAuthority: 'Bigshire' });
  db.db.transaction(() => {
    for (let i = 0; i < SCHOOLS; i++) {
      addSchool(db.writeContext, NewSchool.parse({ urn: String(600000 + i), name: `Aston School ${String(i).padStart(3, '0')}`, establishmentType: 'Community school', phase: 'Primary', laCode: '999', laName: 'Bigshire' }));
    }
  })();
  db.close();
}

test('the schools list reads a page at a time and loads the next as it is scrolled', async ({ page, server }) => {
  test.setTimeout(180_000);
  const file = path.join(server.dataDir, 'big.linkdesk');
  aBigRegister(file);
  await page.goto(server.open);
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: 'Schools', exact: true }).click();

  await expect(page.getByRole('status').filter({ hasText: 'schools' })).toHaveText(`${SCHOOLS} schools`);
  const table = page.getByRole('table', { name: 'Schools, sorted as chosen above' });
  // Screen readers are told the whole list's size, not the first page's.
  await expect(table).toHaveAttribute('aria-rowcount', String(SCHOOLS + 1));
  await expect(table.getByRole('link', { name: 'Aston School 000' })).toBeVisible();
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
