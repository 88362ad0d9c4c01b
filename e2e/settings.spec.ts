import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectScreenOpened, test } from './fixtures.ts';

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Sam Settings');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('team settings are validated and saved, a backup is written and the check passes', async ({ page, server }) => {
  // Each backup is written, then read back and checked: slow on a busy machine.
  test.setTimeout(180_000);
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();

  const minutes = page.getByLabel('Lock after this many minutes without activity');
  await minutes.fill('0');
  await page.getByRole('button', { name: 'Save team settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Use at least 1 minute');
  await expectAccessible(page, 'settings, with an error');
  await minutes.fill('20');
  await page.getByLabel('Team name').fill('North Hub DST');
  await page.getByRole('button', { name: 'Save team settings' }).click();
  await expect(page.getByText('Team settings saved')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('North Hub DST');

  const backup = path.join(server.dataDir, 'demo backup.linkdesk');
  await page.getByLabel('Save the backup as').fill(backup);
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page.getByText('Copy saved and checked')).toBeVisible();
  await expect(page.getByText(backup)).toBeVisible();
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page.getByRole('alert')).toContainText('There is already a file');

  await page.getByRole('button', { name: 'Run check' }).click();
  await expect(page.getByText('No problems found')).toBeVisible();
  await expectAccessible(page, 'settings, after backup and check');

  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Team settings changed – Changed: team name, minutes before locking' })).toBeVisible();
});

test('the rules that differ between councils: INSET days, county-level agreement and the school nurse flag', async ({ page, server }) => {
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const rules = page.getByRole('region', { name: 'Rules that differ between councils' });
  const county = rules.getByRole('group', { name: 'Allocations agreed at county level' });
  const nurse = rules.getByRole('group', { name: 'Schools the school nurse team sees' });
  await expect(county.getByRole('checkbox', { name: 'Alternative provision (APC)' })).toBeChecked();
  await expect(county.getByRole('checkbox', { name: 'Special' })).not.toBeChecked();
  await expect(nurse.getByRole('checkbox', { name: 'Primary' })).toBeChecked();
  await expect(nurse.getByRole('checkbox', { name: 'Nursery' })).not.toBeChecked();
  await expect(nurse.getByRole('checkbox', { name: 'Further education college' })).not.toBeChecked();
  await county.getByText('Special', { exact: true }).click();
  await nurse.getByText('Independent', { exact: true }).click();
  await expectAccessible(page, 'settings, practice rules');
  await rules.getByRole('button', { name: 'Save the rules' }).click();
  await expect(rules.getByText('Rules saved')).toBeVisible();

  const inset = page.getByRole('checkbox', { name: /Count a school’s INSET days as working days/ });
  await expect(inset).toBeChecked();
  await page.getByText(/Count a school’s INSET days as working days/).click();
  await expect(inset).not.toBeChecked();

  await page.reload();
  await expect(page.getByRole('group', { name: 'Allocations agreed at county level' }).getByRole('checkbox', { name: 'Special' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Schools the school nurse team sees' }).getByRole('checkbox', { name: 'Independent' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Count a school’s INSET days as working days/ })).not.toBeChecked();
});

test('a team manager backs up, then restores that backup after a confirmation naming its date', async ({ page, server }) => {
  test.setTimeout(180_000);
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const backups = page.getByRole('region', { name: 'Backups' });
  await expect(backups.getByRole('heading', { name: /^Backups in / })).toBeVisible();
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backup saved and checked')).toBeVisible();
  await expect(backups.getByText(/^Last backup: .*\(“Back up now”\), saved as demo-team \d{4}-\d{2}-\d{2} \d{4}( \(\d+\))?\.linkdesk\.$/)).toBeVisible();
  const newest = backups.getByRole('row').nth(1);
  await expect(newest.getByRole('cell').first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);

  // A change made after the backup, which the restore will take back.
  await page.getByLabel('Team name').fill('Renamed After Backup');
  await page.getByRole('button', { name: 'Save team settings' }).click();
  await expect(page.getByRole('banner')).toContainText('Renamed After Backup');

  await newest.getByRole('button', { name: /^Restore the backup of / }).click();
  const restore = page.getByRole('region', { name: 'Restore a backup' });
  await expect(restore.getByLabel('Backup file')).toHaveValue(/Backups.demo-team \d{4}-\d{2}-\d{2} \d{4}( \(\d+\))?\.linkdesk$/);
  await expect(restore.getByLabel('Passphrase of the backup')).toBeFocused();
  await restore.getByLabel('Passphrase of the backup').fill('not the passphrase at all');
  await restore.getByRole('button', { name: 'Check the backup' }).click();
  await expect(restore.getByRole('alert')).toContainText('This passphrase does not open the backup');
  await expectAccessible(page, 'settings, restore with a wrong passphrase');

  await restore.getByLabel('Passphrase of the backup').fill('demo team passphrase 2026');
  await restore.getByRole('button', { name: 'Check the backup' }).click();
  const verdict = restore.getByRole('status').filter({ hasText: 'passed its checks' });
  await expect(verdict).toContainText(/returns the team’s data to \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\./);
  const date = /to (\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2})\./.exec((await verdict.textContent()) ?? '')?.[1] ?? '';
  await restore.getByRole('button', { name: `Restore to ${date}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Restore the backup of ${date}?` });
  await expect(dialog).toContainText(`Everything recorded after ${date} will no longer be in the database.`);
  await expectAccessible(page, 'settings, restore confirmation');
  await dialog.getByRole('button', { name: `Restore to ${date}` }).click();
  await expect(page.getByText(`Restored: the team’s data is as it was on ${date}`)).toBeVisible();
  await expect(page.getByText(/The database as it was before is kept at .*demo-team before restore \d{4}-\d{2}-\d{2} \d{4}\.linkdesk\./)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('North Hub Dedicated Schools Team');
  await expectAccessible(page, 'settings, after a restore');
});

test('the database locks itself after the idle time', async ({ page, server }) => {
  await page.clock.install();
  await openDemo(page, server.open);
  // The idle timer starts once the team's settings have been fetched: fast forwarding before
  // that answer, as on a busy machine, would start the timer 14 minutes late.
  await page.waitForLoadState('networkidle');
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { level: 1, name: /Unlock North Hub/ })).toBeVisible();
  await expect(page.getByText('LinkDesk locked the database')).toBeVisible();
  await expectAccessible(page, 'unlock, after the idle lock');
});

test('every area of the app is reachable from the navigation', async ({ page, server }) => {
  await openDemo(page, server.open);
  for (const area of ['Schools', 'People', 'Allocations', 'Visits', 'Consultations', 'Panels', 'Escalations', 'Documents']) {
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: area }).click();
    await expectScreenOpened(page, area);
    await expect(page).toHaveTitle(`${area} – LinkDesk`);
  }
  await expectAccessible(page, 'an area page');
});

test('a team manager enters the school year, with its half-terms, for the working-day deadlines', async ({ page, server }) => {
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'School year and working days' });
  await expect(section).toContainText('32 England and Wales bank holidays held, 1 Jan 2024 to 28 Dec 2027');
  await section.getByLabel('School year').fill('2026-27');
  const terms: [string, string, string, string, string][] = [
    ['Autumn term', '2026-09-02', '2026-10-26', '2026-10-30', '2026-12-18'],
    ['Spring term', '2027-01-04', '2027-02-15', '2027-02-19', '2027-03-26'],
    ['Summer term', '2027-04-12', '2027-05-31', '2027-06-04', '2027-07-22'],
  ];
  for (const [term, starts, halfFrom, halfTo, ends] of terms) {
    const group = section.getByRole('group', { name: term });
    await group.getByLabel('Starts').fill(starts);
    await group.getByLabel('Half-term from').fill(halfFrom);
    await group.getByLabel('Half-term to').fill(halfTo);
    await group.getByLabel('Ends').fill(ends);
  }
  await section.getByRole('group', { name: 'Spring term' }).getByLabel('Half-term from').fill('2027-04-20');
  await section.getByRole('button', { name: 'Save school year' }).click();
  await expect(section.getByRole('alert')).toContainText('Half-term must fall inside the term');
  await expectAccessible(page, 'settings, school year with an error');
  await section.getByRole('group', { name: 'Spring term' }).getByLabel('Half-term from').fill('2027-02-15');
  await section.getByRole('button', { name: 'Save school year' }).click();
  await expect(section.getByText('School year 2026-27 saved')).toBeVisible();
  await expect(section.getByRole('row', { name: /2026-27 Spring term 4 Jan 2027 15 Feb 2027 to 19 Feb 2027 26 Mar 2027/ })).toBeVisible();
  await section.getByRole('checkbox', { name: 'Count school holidays as working days' }).focus();
  await page.keyboard.press('Space');
  await expect(section.getByRole('checkbox', { name: 'Count school holidays as working days' })).toBeChecked();
});
