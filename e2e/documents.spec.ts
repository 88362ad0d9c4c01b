import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

test('create the Word record of a visit, find it listed, and save the SPOC list after checking its gaps', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  await page.getByRole('link', { name: / – Autumn term visit to Ashby Juniors Primary School$/ }).click();
  await page.getByRole('link', { name: 'Open the visit record' }).click();

  const word = page.getByRole('region', { name: 'Word meeting record' });
  await word.getByRole('button', { name: 'Create the Word record' }).click();
  await expect(word.getByText('Word record saved')).toBeVisible();
  const saved = (await word.locator('.notice code').textContent()) ?? '';
  expect(saved).toMatch(/Ashby Juniors Primary School \(\d{6}\)[\\/]Meeting records[\\/]2026-10-06 SPOC visit\.docx$/);
  expect(fs.existsSync(saved)).toBe(true);
  expect(fs.existsSync(path.join(path.dirname(path.dirname(saved)), 'Emails and correspondence'))).toBe(true);
  await expect(word.getByRole('table', { name: 'Word records of this visit, newest first' }).getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'visit record with its Word record');

  await page.getByRole('link', { name: 'Documents', exact: true }).click();
  const made = page.getByRole('region', { name: 'Documents made' });
  await expect(made.getByRole('row', { name: /SPOC visit record: Ashby Juniors Primary School/ })).toBeVisible();
  await expect(made.getByRole('row', { name: /Early Help Consultation record/ })).toBeVisible();

  const list = page.getByRole('region', { name: 'SPOC contact list' });
  // The demo team serves neither the FE colleges (by category) nor one independent school (its own choice).
  await expect(list.getByText(/2 of 41 open schools in the team’s scope have no named link worker/)).toBeVisible();
  await expectAccessible(page, 'documents');
  await list.getByRole('button', { name: 'Save the SPOC list' }).click();
  await expect(list.getByRole('alert').first()).toContainText('Tick this to save the list with these schools shown as “To be allocated”, or allocate them first');
  await list.getByText('Save the list with these schools shown as “To be allocated”', { exact: true }).click();
  await list.getByRole('button', { name: 'Save the SPOC list' }).click();
  await expect(list.getByText('SPOC list of 41 schools saved')).toBeVisible();
  await expect(made.getByRole('row', { name: /SPOC contact list/ })).toBeVisible();
  await snapshot(page, 'documents');

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const templates = page.getByRole('region', { name: 'Word templates' });
  const notWord = path.join(server.dataDir, 'letterhead.docx');
  fs.writeFileSync(notWord, 'not a Word file');
  await templates.getByLabel('Template file').fill(notWord);
  await templates.getByRole('button', { name: 'Check the template' }).click();
  await expect(templates.getByRole('alert').first()).toContainText('is not a Word .docx file');
  await expectAccessible(page, 'settings with templates');
  // The report and the escalation log may have the team's own template too.
  await templates.getByRole('button', { name: /For$/ }).click();
  await expect(page.getByRole('option', { name: 'Termly and annual report', exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Escalation log', exact: true })).toBeVisible();
  await page.getByRole('option', { name: 'Termly and annual report', exact: true }).click();
  await expect(templates.getByRole('heading', { level: 3, name: 'Termly and annual report' })).toBeVisible();
  await templates.screenshot({ path: path.join(import.meta.dirname, 'artifacts', 'screens', 'settings-templates.png') });
});
