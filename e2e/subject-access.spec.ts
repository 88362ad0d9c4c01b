/**
 * A subject access request on the demo team: from Settings to the subject access screen, a
 * search by the case ID the demo's Marwick story gives one child (a contact, a consultation, a
 * visit record and an escalation), every record listed with its day the UK way, the bundle
 * downloaded (browser mode) and re-read: the child's reference in it, no other child's.
 */
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { expect, expectAccessible, expectScreenOpened, focusIsVisible, snapshot, tabTo, test } from './fixtures.ts';

/** The demo's child (electron/app/demo/story.ts), and the other children whose references must not leave. */
const CASE_ID = 'EH-31207';
const OTHERS = ['EH-31952', 'PH Y5', 'EH-20418', 'KT Y6', 'JB Y4'];

/** The words of a .docx: its paragraphs' runs, joined. */
function docxWords(file: string): string {
  const xml = new PizZip(fs.readFileSync(file)).file('word/document.xml')?.asText() ?? '';
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<\/w:p>/g)].map((m) => m[1] ?? '\n').join('').replace(/&amp;/g, '&');
}

test('find every record of a child by case ID, open one, and download the bundle with other children redacted', async ({ page, server, problems }) => {
  void problems; // requested so any console error or CSP violation fails the test
  test.setTimeout(300_000);
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
  const retention = page.getByRole('region', { name: 'Retention' });
  await expectAccessible(page, 'settings');
  await retention.getByRole('link', { name: 'answer a subject access request' }).click();
  await expectScreenOpened(page, 'Subject access request');
  await expectAccessible(page, 'subject access');

  // A search that says nothing is refused in words, at the field.
  const find = page.getByRole('region', { name: 'Find the child’s records' });
  await find.getByRole('button', { name: 'Search' }).click();
  await expect(find.getByRole('alert').first()).toContainText('Enter the case-system ID');
  await expect(find.getByRole('textbox', { name: 'Case-system ID' })).toHaveAccessibleDescription(/Enter the case-system ID/);

  // From the keyboard: type the ID (as people type it, in lower case) and press Enter.
  await find.getByRole('textbox', { name: 'Case-system ID' }).fill(CASE_ID.toLowerCase());
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: new RegExp(`^4 records name case ID ${CASE_ID.toLowerCase()}$`) });
  await expect(results.getByRole('heading', { level: 2 })).toBeFocused();
  const table = results.getByRole('table', { name: /Records naming case ID/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  for (const row of [/^Contact 14 Sep 2026 Marwick CE Primary School/, /^Early Help Consultation 29 Sep 2026 Marwick/, /^Escalation 1 Oct 2026 Marwick/, /^SPOC visit record 6 Oct 2026 Marwick/]) {
    await expect(table.getByRole('row', { name: row })).toBeVisible();
  }
  await expect(table).not.toContainText('2026-');
  await expectAccessible(page, 'subject access, the records found');
  await snapshot(page, 'subject-access');

  // The bundle, downloaded and re-read.
  const download = page.waitForEvent('download');
  await results.getByRole('button', { name: 'Save the bundle (.docx)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Subject access bundle 2026-11-24.docx');
  const saved = path.join(server.dataDir, file.suggestedFilename());
  await file.saveAs(saved);
  await expect(results.getByText('Bundle of 4 records downloaded')).toBeVisible();
  const words = docxWords(saved);
  expect(words).toContain('OFFICIAL-SENSITIVE');
  expect(words).toContain(CASE_ID);
  expect(words).toContain('[another child]');
  for (const other of OTHERS) expect(words).not.toContain(other);
  await expectAccessible(page, 'subject access, the bundle downloaded');

  // A record with a page of its own opens from the list.
  await results.getByRole('heading', { level: 2 }).focus();
  await tabTo(page, /Open: SPOC visit record, 6 Oct 2026/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Marwick CE Primary School');
  await expectAccessible(page, 'the visit record opened from subject access');
});

test('find a child by initials and year group, at one school', async ({ page, server, problems }) => {
  void problems;
  test.setTimeout(300_000);
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Who has access' }).getByRole('link', { name: 'answer a subject access request' }).click();
  const find = page.getByRole('region', { name: 'Find the child’s records' });
  // The way to search, from the keyboard: arrows move between the radios.
  await find.getByRole('radio', { name: 'The case-system ID' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(find.getByRole('radio', { name: 'Initials and year group' })).toBeChecked();
  await find.getByRole('textbox', { name: 'Initials' }).fill('tw');
  await find.getByRole('button', { name: 'Search' }).click();
  await expect(find.getByRole('alert').first()).toContainText('Give the year group with the initials');
  await find.getByRole('button', { name: /Year group$/ }).click();
  await page.getByRole('option', { name: 'Year 3', exact: true }).click();
  await find.getByRole('combobox', { name: 'School (optional)' }).fill('Marwick');
  await page.getByRole('option', { name: /Marwick CE Primary School/ }).click();
  await find.getByRole('button', { name: 'Search' }).click();
  // The contact names the child by case ID only, so initials find the three records that list them.
  const results = page.getByRole('region', { name: '3 records name TW in Year 3 at Marwick CE Primary School' });
  await expect(results.getByRole('table').getByRole('row')).toHaveCount(4);
  await expectAccessible(page, 'subject access by initials');
});
