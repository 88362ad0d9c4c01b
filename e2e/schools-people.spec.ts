import path from 'node:path';
import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

const GIAS_2021 = path.resolve(import.meta.dirname, '..', 'fixtures', 'gias', 'edubase-2021-camden-wales-99rows-cp1252.csv');

test('a team manager imports GIAS, finds a school, adds a person and declares “own child attends”', async ({ page, server }) => {
  await page.goto(server.open);
  await page.getByRole('link', { name: 'Create a team database' }).click();
  await page.getByLabel('Team name').fill('Camden Dedicated Schools Team');
  await page.getByLabel('Local authority').fill('Camden');
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByLabel('Save the database as').fill(path.join(server.dataDir, 'camden.linkdesk'));
  await page.getByLabel('Passphrase', { exact: true }).fill('harbour lantern orchard 42');
  await page.getByLabel('Confirm the passphrase').fill('harbour lantern orchard 42');
  await page.getByRole('button', { name: 'Create team database' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  await expect(page.getByText('No schools match. Import the GIAS file')).toBeVisible();
  await page.getByRole('link', { name: 'Import from GIAS' }).click();
  await expectAccessible(page, 'GIAS import');

  await page.getByLabel('GIAS file').fill(path.join(server.dataDir, 'missing.csv'));
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByRole('alert')).toContainText('There is no file at');

  await page.getByLabel('GIAS file').fill(GIAS_2021);
  await page.getByLabel('Local authority codes (optional)').fill('202');
  await page.getByRole('button', { name: 'Preview the import' }).click();
  const preview = page.getByRole('region', { name: 'What the import will do' });
  await expect(preview.getByRole('row', { name: /New schools to add\s+38/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Skipped\s+6/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /In other local authorities \(left out\)\s+55/ })).toBeVisible();
  await expectAccessible(page, 'GIAS preview');
  await snapshot(page, 'gias-preview');
  await preview.getByRole('button', { name: 'Import 38 changes' }).click();
  await expect(page.getByText('Import complete')).toBeVisible();
  await expect(page.getByText('38 added, 0 updated, 0 unchanged, 6 skipped.')).toBeVisible();

  await page.getByRole('link', { name: 'See the schools' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'schools' })).toHaveText('38 schools');
  await page.getByLabel('Search').fill('rhyl');
  await expect(page.getByRole('status').filter({ hasText: 'school' })).toHaveText('1 school');
  await expect(page.getByRole('link', { name: 'Rhyl Primary School' })).toBeVisible();
  await expectAccessible(page, 'schools list');
  await snapshot(page, 'schools');
  await page.getByRole('link', { name: 'Rhyl Primary School' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rhyl Primary School' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^020/ })).toBeVisible();
  await expectAccessible(page, 'school');

  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the name');
  await expectAccessible(page, 'add a person, with errors');
  // The convention is said once; an optional field says so in its label.
  await expect(page.getByText('All fields are required unless marked (optional).')).toBeVisible();
  const email = page.getByLabel('Work email (optional)', { exact: true });
  await page.getByLabel('Name').fill('Amira Khan');
  // An email the browser would stop with its own bubble is reported by the app: summary, inline, aria-invalid.
  await email.fill('amira.khan at camden');
  await page.getByRole('button', { name: 'Add person' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter an email address like name@council.gov.uk' })).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Enter an email address like name@council\.gov\.uk/);
  await expectAccessible(page, 'add a person, email not valid');
  await snapshot(page, 'person-email-not-valid');
  await summary.getByRole('link', { name: 'Enter an email address like name@council.gov.uk' }).click();
  await expect(email).toBeFocused();
  await email.fill('amira.khan@camden.example.gov.uk');
  await page.getByLabel('Hub').fill('Central');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amira Khan' })).toBeVisible();

  const school = page.getByRole('combobox', { name: 'School' });
  await school.fill('rhyl');
  await page.getByRole('option', { name: /Rhyl Primary School/ }).click();
  await page.getByRole('radio', { name: 'Own child attends' }).check();
  // The worker's page also asks, for a handover, from when: this is the connection's From.
  await page.getByRole('region', { name: 'Declare a connection' }).getByLabel('From', { exact: true }).fill('2023-09-01');
  await page.getByRole('button', { name: 'Record connection' }).click();
  await expect(page.getByText('Connection recorded')).toBeVisible();
  const connections = page.getByRole('region', { name: 'Declared connections' });
  await expect(connections.getByRole('row', { name: /Rhyl Primary School .* Own child attends/ })).toBeVisible();
  await expectAccessible(page, 'person');
  await snapshot(page, 'person');

  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  await page.getByLabel('Search').fill('rhyl');
  await page.getByRole('link', { name: 'Rhyl Primary School' }).click();
  await expect(page.getByRole('region', { name: 'Declared connections' }).getByRole('row', { name: /Amira Khan.*Own child attends/ })).toBeVisible();

  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: 'Amira Khan' }).click();
  await page.getByRole('button', { name: 'End connection to Rhyl Primary School' }).click();
  await expect(page.getByRole('alertdialog', { name: 'End this declared connection?' })).toBeVisible();
  await expectAccessible(page, 'confirm dialog');
  await page.getByRole('button', { name: 'End it today' }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Declared connections' }).getByRole('row', { name: /Rhyl Primary School.*Current/ })).toHaveCount(0);
});

test('the schools list stays usable with the demo register: filters, sorting and the keyboard', async ({ page, server }) => {
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Sam Filters');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'schools' })).toHaveText('44 schools');
  await page.getByRole('button', { name: /.+ Category$/ }).click();
  await page.getByRole('option', { name: 'Alternative provision (APC)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'school' })).toHaveText('2 schools');
  await page.getByRole('button', { name: /.+ Category$/ }).press('Enter');
  await page.getByRole('option', { name: 'All categories' }).press('Enter');
  await page.getByRole('checkbox', { name: 'Enhanced support only' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'school' })).toHaveText('2 schools');
  await page.getByText('Enhanced support only').click();
  await expect(page.getByRole('status').filter({ hasText: 'school' })).toHaveText('44 schools');
  await page.getByRole('button', { name: 'Pupils' }).click();
  await page.getByRole('button', { name: /Pupils/ }).click();
  const firstRow = page.getByRole('row').nth(1);
  await expect(firstRow).toContainText('College');
  await expectAccessible(page, 'schools list, filtered and sorted');
});
