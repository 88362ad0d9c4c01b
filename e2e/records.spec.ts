import type { Page } from '@playwright/test';
import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

async function choose(page: Page, scope: ReturnType<Page['locator']> | Page, label: string, option: string): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('record a held visit with two children and their decisions, and log an Early Help Consultation', async ({ page, server }) => {
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Cerys Pritchard');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  await page.getByRole('link', { name: /Held – Autumn term visit to Brindle Primary School$/ }).click();
  await page.getByRole('link', { name: 'Write the visit record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Record of the Autumn term 2026-27 visit to Brindle Primary School/ })).toBeVisible();
  await expect(page.getByLabel('Suspension threshold (school days)')).toHaveValue('5');
  await page.getByLabel('Attendees from the school').fill('Head teacher, DSL');
  await page.getByLabel('Attendees from the team').fill('Cerys Pritchard');

  await page.getByRole('button', { name: 'Add a child' }).click();
  const first = page.locator('.child-row').nth(0);
  await first.getByLabel('Initials').fill('Jordan Brown');
  await expect(page.locator('.name-findings mark', { hasText: 'Jordan Brown' })).toBeVisible();
  await first.getByLabel('Initials').fill('JB');
  await choose(page, first, 'Year group', 'Year 4');
  await choose(page, first, 'Meets the threshold for a referral to Family Early Help', 'Yes');
  await first.getByLabel('Action').fill('Offer an Early Help assessment to the family');
  await choose(page, first, 'Who does it', 'Someone else (type their name or role)');
  await first.getByLabel('Who else does it').fill('Cerys Pritchard');
  await first.getByLabel('Attendance (%) (optional)').fill('93.5');

  await page.getByRole('button', { name: 'Add a child' }).click();
  const second = page.locator('.child-row').nth(1);
  await second.getByLabel('Initials').fill('KT');
  await choose(page, second, 'Year group', 'Year 6');
  await choose(page, second, 'Reviewed because', 'Imminent risk of permanent exclusion');
  await choose(page, second, 'Meets the threshold for statutory education intervention', 'Provisionally agreed');
  await expectAccessible(page, 'visit record');
  await page.getByRole('button', { name: 'Save the record' }).click();
  await expect(page.getByText('Record saved: check these points')).toBeVisible();
  await expect(page.getByText('JB Y4 is recorded as persistently absent, but attendance of 93.5% is not persistently absent (missing less than 10% of possible sessions).')).toBeVisible();
  await snapshot(page, 'visit-record');
  await page.getByRole('link', { name: 'Back to the visit' }).click();
  await expect(page.getByText('Status: Record written')).toBeVisible();
  await page.getByRole('link', { name: 'Open the visit record' }).click();
  await expect(page.locator('.child-row').nth(1).getByLabel('Initials')).toHaveValue('KT');
  await page.getByRole('link', { name: 'Back to the visit' }).click();

  await page.getByRole('link', { name: 'Consultations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultations' })).toBeVisible();
  const form = page.getByRole('region', { name: 'Record a consultation' });
  await form.getByRole('button', { name: 'Record consultation' }).click();
  await expect(form.getByRole('alert')).toContainText('Say who asked for the consultation');
  await form.getByRole('combobox', { name: 'School' }).fill('ashby academy');
  await page.getByRole('option', { name: /Ashby Academy/ }).click();
  await form.getByLabel('Requested by').fill('DSL');
  await form.getByRole('textbox', { name: 'Attendee 1' }).fill('Pat Lead');
  await form.getByRole('button', { name: 'Add an attendee' }).click();
  await form.getByRole('textbox', { name: 'Attendee 2' }).fill('Sam Nurse');
  await choose(page, form, 'Role of attendee 2', 'School nurse (5-19 team)');
  await form.getByLabel('Attendance (including exclusions, EBSA and risk of permanent exclusion)').fill('Two Year 7 pupils with emotionally based school avoidance.');
  await form.getByLabel('Children discussed (optional)').fill('JB Y7, KT Y7');
  await form.getByLabel('Actions').fill('School nurse to offer drop-in sessions; DSL by 11 Dec');
  await expectAccessible(page, 'consultations');
  await form.getByRole('button', { name: 'Record consultation' }).click();
  await expect(form.getByText('Consultation recorded')).toBeVisible();
  const row = page.getByRole('row', { name: /Ashby Academy Pat Lead \(DSL\), Sam Nurse \(School nurse \(5-19 team\)\) School nurse/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Not yet');

  // The notes go out a few days later: the consultation is updated, not recorded again.
  await row.getByRole('button', { name: /^Update the consultation at Ashby Academy on / }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Update the consultation at Ashby Academy on / })).toBeFocused();
  const update = page.getByRole('region', { name: /^Update the consultation at Ashby Academy on / });
  await expect(update.getByLabel('Requested by')).toHaveValue('DSL');
  await expect(update.getByLabel('Children discussed (optional)')).toHaveValue('JB Y7, KT Y7');
  await update.getByLabel('Notes shared with the attendees, head and DSL on (optional)').fill('2020-01-01');
  await update.getByRole('button', { name: 'Save the changes' }).click();
  await expect(update.getByRole('alert')).toContainText('The notes cannot be shared before the consultation');
  await update.getByLabel('Notes shared with the attendees, head and DSL on (optional)').fill(await update.getByLabel('Date', { exact: true }).inputValue());
  await expectAccessible(page, 'consultations, updating one');
  await update.getByRole('button', { name: 'Save the changes' }).click();
  await expect(form.getByText('Consultation updated')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Record a consultation' })).toBeVisible();
  await expect(row).not.toContainText('Not yet');
  await expect(page.getByRole('row', { name: /Ashby Academy Pat Lead/ })).toHaveCount(1);
});
