/**
 * A new team manager's first hour, in browser mode: the dashboard's checklist, files chosen
 * with the browser's chooser (uploaded to the local server), people and declared connections
 * imported on screen, steps ticking themselves, and an export downloaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, snapshot, tabTo, test } from './fixtures.ts';

const GIAS_2021 = path.resolve(import.meta.dirname, '..', 'fixtures', 'gias', 'edubase-2021-camden-wales-99rows-cp1252.csv');

const PEOPLE = `Name,Role,Work email,Phone,Hub,Capacity,Active from,Active to
Amira Khan,Family Support Worker,amira.khan@camden.example.gov.uk,020 7974 0001,Central,10,01/09/2024,
Ben Okafor,Team Manager,ben.okafor@camden.example.gov.uk,,Central,,2023-04-01,
Cara Doyle,Chef,cara.doyle@camden.example.gov.uk,,Central,,01/09/2024,
`;

const CONNECTIONS = `Worker email,School URN,Connection,From,To
amira.khan@camden.example.gov.uk,100008,Own child attends,01/09/2022,
`;

function checklist(page: Page) {
  return page.getByRole('region', { name: 'Set up your team database' });
}

function step(page: Page, title: string) {
  return checklist(page).getByRole('listitem').filter({ hasText: title });
}

/** Chooses a file with the browser's own chooser, opened from the keyboard as a person would. */
async function chooseWithKeyboard(page: Page, button: RegExp, file: string): Promise<void> {
  await tabTo(page, button);
  // On a busy machine a key press can land before the newly shown button is ready for it (seen
  // once in this stop's runs); a person would press Enter again, and so does the test, twice at most.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 20_000 }).catch(() => null);
    await page.keyboard.press('Enter');
    const opened = await chooser;
    if (opened) {
      await opened.setFiles(file);
      return;
    }
  }
  throw new Error(`The file chooser did not open from ${String(button)}`);
}

test('a new team sets itself up from the checklist, choosing files with the browser’s chooser and downloading an export', async ({ page, server, problems }) => {
  void problems; // requested so any console error or CSP violation (the upload, the download) fails the test
  const people = path.join(server.dataDir, 'Team people.csv');
  fs.writeFileSync(people, PEOPLE);
  const connections = path.join(server.dataDir, 'connections.csv');
  fs.writeFileSync(connections, CONNECTIONS);

  // A new team database, its path pasted as Windows' "Copy as path" gives it: in quotes.
  await page.goto(server.open);
  await page.getByRole('link', { name: 'Create a team database' }).click();
  await page.getByLabel('Team name').fill('Camden Dedicated Schools Team');
  await page.getByLabel('Local authority').fill('Camden');
  await page.getByLabel('Your name').fill('Tess Manager');
  const database = path.join(server.dataDir, 'camden.linkdesk');
  await page.getByLabel('Save the database as').fill(`"${database}"`);
  await page.getByLabel('Passphrase', { exact: true }).fill('harbour lantern orchard 42');
  await page.getByLabel('Confirm the passphrase').fill('harbour lantern orchard 42');
  await page.getByLabel('Confirm the passphrase').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(fs.existsSync(database)).toBe(true);

  // The checklist: every step to do, each with its screen.
  await expect(checklist(page)).toContainText('0 of 6 steps done');
  await expect(step(page, 'Import your schools')).toContainText('to do');
  await expect(step(page, 'Add your people')).toContainText('Nobody yet');
  await expectAccessible(page, 'dashboard with the first-run checklist');
  await snapshot(page, 'first-run-checklist');

  // Schools: a typed path in quotes that names no file gets a message without a stray quote.
  await checklist(page).getByRole('link', { name: 'Import schools from GIAS' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Import schools from GIAS' })).toBeVisible();
  const missing = path.join(server.dataDir, 'missing.csv');
  await page.getByLabel('GIAS file').fill(`"${missing}"`);
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByRole('alert')).toContainText(`There is no file at ${missing}.`);
  await expect(page.getByRole('alert')).not.toContainText('"');

  await page.getByLabel('GIAS file').fill('');
  await chooseWithKeyboard(page, /Choose file… \(GIAS file\)/, GIAS_2021);
  await expect(page.getByText('Chosen: edubase-2021-camden-wales-99rows-cp1252.csv')).toBeVisible();
  await page.getByLabel('Local authority codes (optional)').fill('202');
  await page.getByRole('button', { name: 'Preview the import' }).click();
  const giasPreview = page.getByRole('region', { name: 'What the import will do' });
  await expect(giasPreview.getByRole('row', { name: /New schools to add\s+38/ })).toBeVisible();
  await expectAccessible(page, 'GIAS import from a chosen file');
  await snapshot(page, 'first-run-gias-chosen');
  await giasPreview.getByRole('button', { name: 'Import 38 changes' }).click();
  await expect(page.getByText('38 added, 0 updated, 0 unchanged, 6 skipped.')).toBeVisible();

  // People: the empty screen leads to the import, not to the command line.
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.getByText('Nobody yet')).toBeVisible();
  await expect(page.getByText('linkdesk import-people')).toHaveCount(0);
  await expectAccessible(page, 'people, empty');
  await page.getByRole('link', { name: 'import them from a spreadsheet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import people' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(people);
  await expect(page.getByText('Chosen: Team people.csv')).toBeVisible();
  await page.getByRole('button', { name: 'Preview the import' }).press('Enter');
  const preview = page.getByRole('region', { name: 'What the import will do' });
  await expect(preview.getByRole('row', { name: /New people to add\s+2/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /Rows with errors\s+1/ })).toBeVisible();
  const errors = preview.getByRole('table', { name: /Rows with errors/ });
  await expect(errors.getByRole('row', { name: /^4 Role Role "Chef" is not Family Support Worker/ })).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Import 2 changes' })).toBeDisabled();
  await expectAccessible(page, 'people import preview');
  await snapshot(page, 'first-run-people-preview');
  await preview.getByRole('checkbox', { name: /Import the good rows and leave out the 1 row with errors/ }).focus();
  await page.keyboard.press('Space');
  await preview.getByRole('button', { name: 'Import 2 changes' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Import complete')).toBeVisible();
  await expect(page.getByText('2 added, 0 changed, 0 unchanged; 1 row with errors left out.')).toBeVisible();

  // Declared connections, straight on from the people.
  await page.getByRole('link', { name: 'import their declared connections' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import declared connections' })).toBeVisible();
  await chooseWithKeyboard(page, /Choose file… \(Spreadsheet\)/, connections);
  await expect(page.getByText('Chosen: connections.csv')).toBeVisible();
  await page.getByRole('button', { name: 'Preview the import' }).click();
  const connectionsPreview = page.getByRole('region', { name: 'What the import will do' });
  await expect(connectionsPreview.getByRole('row', { name: /New declared connections to add\s+1/ })).toBeVisible();
  await connectionsPreview.getByText('New declared connections (1)').click();
  await expect(connectionsPreview.getByText('Row 2: Amira Khan: own child attends, Argyle Primary School')).toBeVisible();
  await expectAccessible(page, 'connections import preview');
  await connectionsPreview.getByRole('button', { name: 'Import 1 change' }).click();
  await expect(page.getByText('Import complete')).toBeVisible();
  await page.getByRole('link', { name: 'See the people' }).click();
  await expect(page.getByRole('row', { name: /Amira Khan .* 1 Active/ })).toBeVisible();
  await expectAccessible(page, 'people');

  // The steps ticked themselves.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(checklist(page)).toContainText('2 of 6 steps done');
  await expect(step(page, 'Import your schools')).toContainText('done');
  await expect(step(page, 'Import your schools')).toContainText('38 open schools');
  await expect(step(page, 'Add your people')).toContainText('2 people, 1 declared connection');
  await expect(step(page, 'Enter the school year')).toContainText('to do');
  await expectAccessible(page, 'dashboard after the imports');
  await snapshot(page, 'first-run-checklist-ticked');

  // A step's link opens its screen at its section.
  await step(page, 'Enter the school year').getByRole('link', { name: 'Enter the school year' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'School year and working days' })).toBeFocused();
  await expectAccessible(page, 'settings, at the school year');

  // An export downloads in browser mode (Content-Disposition), instead of going to a typed path.
  await page.getByRole('link', { name: 'Documents', exact: true }).click();
  const list = page.getByRole('region', { name: 'SPOC contact list' });
  const validFrom = await list.getByLabel('Valid from').inputValue();
  await expect(list.getByText(/38 of 38 open schools in the team’s scope have no named link worker/)).toBeVisible();
  await list.getByText('Save the list with these schools shown as “To be allocated”', { exact: true }).click();
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Download the SPOC list' }).click();
  const file = await download;
  // The field shows 02/12/2026; the file is named by the day written year first, so names sort.
  expect(file.suggestedFilename()).toBe(`SPOC contact list ${validFrom.split('/').reverse().join('-')}.xlsx`);
  const saved = path.join(server.dataDir, 'downloaded.xlsx');
  await file.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  await expect(list.getByText('SPOC list of 38 schools downloaded')).toBeVisible();
  const made = page.getByRole('region', { name: 'Documents made' });
  await expect(made.getByRole('row', { name: /SPOC contact list .* downloaded through the browser/ })).toBeVisible();
  await expectAccessible(page, 'documents after a download');
  await snapshot(page, 'first-run-download');
});

test('in the desktop app, each Choose button opens the native dialog for its action and fills the path in', async ({ page, server, problems }) => {
  void problems; // requested so any console error or CSP violation (the upload, the download) fails the test
  const people = path.join(server.dataDir, 'people.csv');
  fs.writeFileSync(people, PEOPLE);
  const database = path.join(server.dataDir, 'chosen.linkdesk');
  // Electron's preload, stood in for: the API through the same local dispatcher, and dialogs
  // that record the purpose they were asked for and answer as a person choosing would.
  await page.addInitScript(
    ({ database, people, folder }) => {
      const asked: string[] = [];
      const answer = (value: unknown) => Promise.resolve({ ok: true, value });
      Object.assign(window, {
        askedDialogs: asked,
        linkdesk: {
          invoke: async (method: string, input: unknown) => {
            const response = await fetch(`./api/${method}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-linkdesk-token': sessionStorage.getItem('linkdesk.token') ?? '' },
              body: JSON.stringify(input ?? {}),
            });
            return response.json();
          },
          files: {
            chooseOpen: (input: { purpose: string }) => (asked.push(`open ${input.purpose}`), answer({ path: input.purpose === 'people' ? people : null })),
            chooseSave: (input: { purpose: string }) => (asked.push(`save ${input.purpose}`), answer({ path: database, exists: false })),
            chooseFolder: (input: { purpose: string }) => (asked.push(`folder ${input.purpose}`), answer({ path: folder })),
          },
        },
      });
    },
    { database, people, folder: server.dataDir },
  );
  await page.goto(server.open);
  await page.getByRole('link', { name: 'Create a team database' }).click();
  await page.getByLabel('Team name').fill('Coastal Dedicated Schools Team');
  await page.getByLabel('Local authority').fill('Seashire');
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Choose… (Save the database as)' }).click();
  await expect(page.getByLabel('Save the database as')).toHaveValue(database);
  await expectAccessible(page, 'create, in the desktop app');
  await page.getByLabel('Passphrase', { exact: true }).fill('harbour lantern orchard 42');
  await page.getByLabel('Confirm the passphrase').fill('harbour lantern orchard 42');
  await page.getByRole('button', { name: 'Create team database' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(fs.existsSync(database)).toBe(true);

  await page.goto(`${server.url}#/people/import`);
  await page.getByRole('button', { name: 'Choose file… (Spreadsheet)' }).click();
  await expect(page.getByLabel('Spreadsheet')).toHaveValue(people);
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByRole('region', { name: 'What the import will do' }).getByRole('row', { name: /New people to add\s+2/ })).toBeVisible();
  // No download buttons in the app: exports are saved where the dialog says.
  await page.goto(`${server.url}#/documents`);
  await expect(page.getByRole('button', { name: 'Choose… (Save as)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download the SPOC list' })).toHaveCount(0);

  await page.goto(`${server.url}#/settings?section=team`);
  await expect(page.getByRole('heading', { level: 2, name: 'Team', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Choose folder… (Team folder (optional))' }).click();
  await expect(page.getByLabel('Team folder (optional)')).toHaveValue(server.dataDir);
  await page.getByRole('button', { name: 'Save team settings' }).click();
  await expect(page.getByText('Team settings saved')).toBeVisible();
  await expectAccessible(page, 'settings, in the desktop app');
  expect(await page.evaluate(() => (window as unknown as { askedDialogs: string[] }).askedDialogs)).toEqual(['save database', 'open people', 'folder teamFolder']);

  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(step(page, 'Set the team folder')).toContainText(`Meeting records are saved in ${server.dataDir}.`);
  await expect(step(page, 'Set the team folder')).toContainText('done');
});
