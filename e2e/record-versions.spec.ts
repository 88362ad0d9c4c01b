import type { Page } from '@playwright/test';
import { choose, expect, expectAccessible, snapshot, test } from './fixtures.ts';

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Cerys Pritchard');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  // The demo lands on the dashboard; a click on the navigation before then can be overtaken by it.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible({ timeout: 60_000 });
}

test('write a visit record that fits a primary school, then write it again and read both versions', async ({ page, server }) => {
  await openDemo(page, server.open);
  await page.getByRole('link', { name: /Held – Autumn term visit to Brindle Primary School$/ }).click();
  await expect(page.getByText(/Status: Held\. Held by \w+/)).toBeVisible();
  await expectAccessible(page, 'held visit');
  await page.getByRole('link', { name: 'Write the visit record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Record of the Autumn term 2026-27 visit to Brindle Primary School/ })).toBeVisible();

  // Before anyone types: the school's SPOC and secondary link worker, and the next visit planned.
  await expect(page.getByLabel('Attendees from the team')).toHaveValue(/\(SPOC\)/);
  await expect(page.getByLabel('Next visit (optional)')).toHaveValue('02/02/2027');
  await page.getByLabel('Attendees from the school').fill('Head teacher, DSL');

  await page.getByRole('button', { name: 'Add a child' }).click();
  const child = page.locator('.child-row').nth(0);
  await child.getByLabel('Initials').fill('JB');
  // A primary offers Reception to Year 6, and starts at Reception.
  await expect(child.getByRole('button', { name: /Year group$/ })).toContainText('Reception');
  await child.getByRole('button', { name: /Year group$/ }).click();
  await expect(page.getByRole('option')).toHaveText(['Reception', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6']);
  await page.getByRole('option', { name: 'Year 3', exact: true }).click();
  await child.getByLabel('Action').fill('Send the attendance letter');
  await choose(child, 'Who does it (optional)', 'DSL of Brindle (DSL)');
  await child.getByLabel('By when').fill('2026-12-11');
  await page.getByLabel('Other issues').fill('First draft');
  await expectAccessible(page, 'visit record, first version');
  await page.getByRole('button', { name: 'Save the record' }).click();
  await expect(page.getByText('Record saved', { exact: true })).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versions of this record' });
  await expect(versions.getByRole('row')).toHaveCount(2);
  await expect(versions.getByRole('row').nth(1)).toContainText('Version 1 (current)');

  // Written again: a new version, and the first kept to read.
  await page.getByLabel('Other issues').fill('Put right after the DSL rang: EBSA training asked for');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row').nth(1)).toContainText('Version 2 (current)');
  await expect(versions.getByRole('row').nth(1)).toContainText('Cerys Pritchard');
  await expect(versions.getByRole('row').nth(2)).toContainText('Version 1');
  await expect(page.getByText(/^Version 2, \d+ \w{3} \d{4}, saved by Cerys Pritchard/)).toBeVisible();
  await versions.getByRole('button', { name: 'Read version 1' }).click();
  const earlier = versions.getByRole('article', { name: /^Version 1, .* \(read only\)$/ });
  await expect(earlier).toContainText('First draft');
  await expect(earlier).toContainText('JB, Year 3');
  await expect(earlier).toContainText('Who: DSL of Brindle (DSL). By 11 Dec 2026.');
  await expect(earlier.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByLabel('Other issues')).toHaveValue('Put right after the DSL rang: EBSA training asked for');
  await expectAccessible(page, 'visit record with two versions');
  await snapshot(page, 'visit-record-versions');

  // Opened again later, the form holds the newest version and "who" comes back as chosen.
  await page.getByRole('link', { name: 'Back to the visit' }).click();
  await expect(page.getByText(/Status: Record written/)).toBeVisible();
  await page.getByRole('link', { name: 'Open the visit record' }).click();
  await expect(page.locator('.child-row').nth(0).getByRole('button', { name: /Who does it \(optional\)$/ })).toContainText('DSL of Brindle (DSL)');
  await expect(page.getByLabel('Other issues')).toHaveValue('Put right after the DSL rang: EBSA training asked for');
});

test('mark a visit held without a pro forma, with the reason and who held it', async ({ page, server }) => {
  await openDemo(page, server.open);
  await page.getByRole('link', { name: /Agreed – Autumn term visit to Fenwick Juniors Primary School$/ }).click();
  await expect(page.getByText('Status: Agreed')).toBeVisible();
  const progress = page.getByRole('region', { name: 'Progress' });
  await progress.getByLabel('On', { exact: true }).fill('2026-12-10');
  await progress.getByRole('button', { name: 'Held without a pro forma' }).click();
  await expect(progress.getByRole('alert')).toContainText('Say why the visit was held without a pro forma');
  await expectAccessible(page, 'visit held without a pro forma: the reason asked for');
  await progress.getByLabel(/^Reason/).fill('The DSL asked to meet at short notice');
  await expect(progress.getByRole('button', { name: /Held by$/ })).not.toContainText('Not recorded');
  await progress.getByRole('button', { name: 'Held without a pro forma' }).click();
  await expect(page.getByText(/Status: Held\. Held by \w+.*\. Held without a pro forma: The DSL asked to meet at short notice/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Write the visit record' })).toBeVisible();
  await expectAccessible(page, 'visit held without a pro forma');
  await snapshot(page, 'visit-held-without-pro-forma');
});
