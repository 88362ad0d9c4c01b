/**
 * Issue 13, as a UK team manager works: dates typed the way people write them, hubs set for many
 * schools at once and from a spreadsheet, words instead of identifiers. Keyboard only where a
 * person could do it that way; axe on every screen visited.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { NewSchool } from '../shared/domain/schools.ts';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { addSchool } from '../electron/app/schools/service.ts';
import { expect, expectAccessible, expectScreenOpened, focusIsVisible, snapshot, tabTo, test } from './fixtures.ts';

const PASSPHRASE = 'harbour lantern orchard 42';

/** Tabs to a text box, clears it and types, as a keyboard user would. */
async function typeInto(page: Page, label: RegExp, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function openDemoByKeyboard(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await typeInto(page, /Your name/, 'Tess Manager');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('a person added with 01/09/2024 and a visit planned with 24/02/2027, with the keyboard alone', async ({ page, server }) => {
  await openDemoByKeyboard(page, server.open);
  // The first Tab on arrival is the skip link, before the notices at the top of the dashboard.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  expect(await focusIsVisible(page)).toBe(true);
  await expectAccessible(page, 'dashboard');

  await tabTo(page, /^People$/);
  await page.keyboard.press('Enter');
  await expectScreenOpened(page, 'People');
  await tabTo(page, /Add a person/);
  await page.keyboard.press('Enter');
  await expectScreenOpened(page, 'Add a person');
  await typeInto(page, /^Name$/, 'Priya Starter');
  await typeInto(page, /Work email/, 'priya.starter@northshire.example.gov.uk');
  await typeInto(page, /^Hub \(optional\)$/, 'Coastal');
  await typeInto(page, /Active from/, '01/09/2024');
  await expect(page.getByText('Sunday 1 September 2024')).toBeVisible();
  // A date that does not exist: said at once under the field, and why when the form is sent.
  await typeInto(page, /Active to/, '31/02/2025');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Not understood as a date yet')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  const problems = page.getByRole('alert');
  await expect(problems).toBeFocused();
  await expect(problems).toContainText('Active to: there is no 31 February 2025 (February 2025 has 28 days)');
  await expectAccessible(page, 'add a person, with a date that does not exist');
  // The summary's link takes the keyboard back to the field.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Active to (optional)')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31/7/25');
  await expect(page.getByText('Thursday 31 July 2025')).toBeVisible();
  await snapshot(page, 'uk-dates-person');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Starter' })).toBeVisible();
  await expect(page.getByText('Not active since 31 Jul 2025.')).toBeVisible();
  // The form puts the stored dates back the UK way.
  await expect(page.getByLabel('Active from')).toHaveValue('01/09/2024');
  await expectAccessible(page, 'person');

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'People' }).click();
  await page.getByText('Show people who have left').click();
  await expect(page.getByRole('row', { name: /Priya Starter/ })).toContainText('Left 31 Jul 2025');

  await tabTo(page, /^Visits$/);
  await page.keyboard.press('Enter');
  await expectScreenOpened(page, 'Visits');
  await expectAccessible(page, 'year planner');
  await tabTo(page, /^Not planned – Spring term visit to Ashby Academy$/);
  await page.keyboard.press('Enter');
  await expectScreenOpened(page, 'Spring term 2026-27 visit to Ashby Academy');
  await typeInto(page, /^Visit date/, '24/02/2027');
  await expect(page.getByText('Wednesday 24 February 2027')).toBeVisible();
  const deadlines = page.getByRole('definition');
  await expect(deadlines.filter({ hasText: /^\d{1,2} (Jan|Feb) 2027 \(10 working days before\)$/ })).toBeVisible();
  await expect(deadlines.filter({ hasText: /^\d{1,2} (Jan|Feb) 2027 \(5 working days before\)$/ })).toBeVisible();
  await typeInto(page, /Agreed with/, 'Head teacher');
  await expectAccessible(page, 'visit, date typed the UK way');
  await snapshot(page, 'uk-dates-visit');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^(Visit saved|Saved, with warnings)$/)).toBeVisible();
  await expect(page.getByText('Status: Agreed')).toBeVisible();
  await expect(page.getByLabel('Visit date')).toHaveValue('24/02/2027');

  await page.getByRole('link', { name: 'Year planner' }).click();
  await expect(page.getByRole('link', { name: '24 Feb 2027 Agreed – Spring term visit to Ashby Academy' })).toContainText('24 Feb 2027');

  // The dashboard's recent changes are said in words, with UK dates.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  const changes = page.getByRole('table', { name: /latest changes/ });
  await expect(changes).toContainText('Visit planned – Spring term 2026-27');
  await expect(changes).toContainText('Person added');
  await expect(changes).not.toContainText('status-');
  // No ISO date, but in the name of a file (a record's file name starts with its date, to sort).
  await expect(changes).not.toContainText(/\d{4}-\d{2}-\d{2}(?![^–]*\.docx)/);
});

test('an escalation’s times in a date field and a 24-hour time field', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await openDemoByKeyboard(page, server.open);
  await page.getByRole('link', { name: 'Escalations', exact: true }).click();
  await page.getByRole('link', { name: 'Log an escalation' }).click();
  const raised = page.getByRole('group', { name: 'Raised at' });
  await raised.getByLabel('Date').fill('24/11/2026');
  await raised.getByLabel('Time').fill('25:10');
  await page.getByRole('button', { name: 'Log the escalation' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Raised at (time): there is no hour 25 (the 24-hour clock goes from 00:00 to 23:59)');
  await raised.getByLabel('Time').fill('9.30am');
  await expect(raised.getByText('09:30')).toBeVisible();
  await expect(raised.getByText('Tuesday 24 November 2026')).toBeVisible();
  await expectAccessible(page, 'log an escalation, with date and time fields');

  // The calendar, by keyboard: it opens on the day in the box; the next day is a right arrow away.
  await raised.getByRole('button', { name: 'Open calendar' }).focus();
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: 'Date: choose a day' });
  await expect(calendar.getByRole('heading', { name: 'November 2026' })).toBeVisible();
  await expect(calendar.getByRole('button', { name: /Tuesday, 24 November 2026/ })).toBeFocused();
  await expectAccessible(page, 'the calendar of a date field');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  await expect(raised.getByLabel('Date')).toHaveValue('25/11/2026');
  await expect(raised.getByText('Wednesday 25 November 2026')).toBeVisible();
});

/** A register just imported from GIAS: ten Beacon schools and two others, none with a hub. */
function aRegisterWithoutHubs(file: string): void {
  const db = createTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Tess Manager', teamName: 'Beacon Dedicated Schools Team', localAuthority: 'Beaconshire' });
  const names = [...Array.from({ length: 10 }, (_, i) => `Beacon Hill School ${i + 1}`), 'Moorside Primary School', 'Quayside Academy'];
  db.db.transaction(() => {
    names.forEach((name, i) => addSchool(db.writeContext, NewSchool.parse({ urn: String(700001 + i), name, establishmentType: 'Community school', phase: 'Primary', laCode: '999', laName: 'Beaconshire' })));
  })();
  db.close();
}

test('hubs set for ten schools in one action, and for others from a spreadsheet', async ({ page, server }) => {
  const file = path.join(server.dataDir, 'beacon.linkdesk');
  aRegisterWithoutHubs(file);
  await page.goto(server.open);
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await tabTo(page, /^Schools$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'schools' })).toHaveText('12 schools');
  await typeInto(page, /Search/, 'beacon');
  await expect(page.getByRole('status').filter({ hasText: 'schools' })).toHaveText('10 schools');
  await tabTo(page, /Select all 10 schools shown/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Selected: 10.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select Beacon Hill School 7' })).toBeChecked();
  await expectAccessible(page, 'schools, ten selected');
  await typeInto(page, /New hub/, 'Beacon');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Change 10 schools?' });
  await expect(confirm).toContainText('Set the hub to “Beacon” for 10 schools.');
  await expectAccessible(page, 'confirm a change to ten schools');
  await snapshot(page, 'uk-dates-bulk-confirm');
  // The dialog starts on Cancel; the change is the button before it.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(confirm.getByRole('button', { name: 'Change 10 schools' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Hub set for 10 schools.')).toBeVisible();
  await expect(page.getByText('Selected: none.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Schools, sorted as chosen above' });
  await expect(table.getByRole('row', { name: /Beacon Hill School 10/ })).toContainText('Beacon');

  // The other two from a spreadsheet of URN and hub, with a row that is refused.
  const sheet = path.join(server.dataDir, 'hubs.csv');
  fs.writeFileSync(sheet, 'URN,Hub\n700011,Moorside\n700012,Harbour\n700001,Beacon\n12345,Nowhere\n');
  await page.getByRole('link', { name: 'Import hubs' }).click();
  await expectScreenOpened(page, 'Import hubs');
  await expectAccessible(page, 'import hubs');
  await typeInto(page, /Spreadsheet/, sheet);
  await page.keyboard.press('Enter');
  const report = page.getByRole('region', { name: 'What the import will do' });
  await expect(report.getByRole('status')).toHaveText('2 schools to change, 1 row unchanged, 1 row refused, in hubs.csv.');
  await expect(report.getByRole('row', { name: /^5 12345 Refused/ })).toContainText('URN: "12345" is not six digits');
  await expect(report.getByRole('row', { name: /Beacon Hill School 1 \(700001\)/ })).toContainText('No change');
  await expectAccessible(page, 'import hubs, checked');
  await snapshot(page, 'uk-dates-hub-import');
  await expect(report.getByRole('button', { name: 'Import 2 changes' })).toBeDisabled();
  await report.getByText('Import the 2 changes and leave the refused row out').click();
  await report.getByRole('button', { name: 'Import 2 changes' }).click();
  await expect(page.getByText('2 schools changed')).toBeVisible();

  await page.getByRole('link', { name: 'All schools' }).click();
  await expect(page.getByRole('row', { name: /Quayside Academy/ })).toContainText('Harbour');
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('table', { name: /latest changes/ })).toContainText('Hub imported from a spreadsheet – Changed: hub');
  await expectAccessible(page, 'dashboard after the hub changes');
});
