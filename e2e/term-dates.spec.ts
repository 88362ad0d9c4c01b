/** Issue 20: a council's term dates in any layout, checked on screen before they are saved. */
import fs from 'node:fs';
import path from 'node:path';
import { allDay, calendar, EASTER_OR_SPRING_HOLIDAY } from '../electron/app/calendar/term-dates-builders.ts';
import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

test('a team manager checks a council term-dates file, chooses how the year divides, and saves it with its INSET days', async ({ page, server }) => {
  // A busy machine: the demo opens, and the file is checked and saved, each in its own time.
  test.setTimeout(300_000);
  const file = path.join(server.dataDir, 'council term dates.ics');
  const withExtras = EASTER_OR_SPRING_HOLIDAY.replace('END:VCALENDAR', `${allDay('INSET day', '2026-09-01')}${allDay('Sports day', '2027-06-30')}END:VCALENDAR`);
  fs.writeFileSync(file, withExtras);
  fs.writeFileSync(path.join(server.dataDir, 'no terms.ics'), calendar(allDay('Sports day', '2027-06-30')));

  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Sam Settings');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'School year and working days' });

  await section.getByLabel('Term dates calendar (.ics)').fill(path.join(server.dataDir, 'no terms.ics'));
  await section.getByRole('button', { name: 'Check term dates' }).click();
  await expect(section.getByRole('alert')).toContainText('no terms.ics has no term dates');

  await section.getByLabel('Term dates calendar (.ics)').fill(file);
  await section.getByRole('button', { name: 'Check term dates' }).click();
  const preview = section.getByRole('region', { name: 'What the file gives' });
  await expect(preview.getByRole('status')).toContainText('1 school year found: 2026-27. Nothing is saved until you save them.');
  await expect(preview.getByRole('row', { name: /Summer term 5 Apr 2027 from "Term 5" 31 May 2027 to 4 Jun 2027/ })).toBeVisible();
  await expect(preview.getByText('“Sports day”, 30 Jun 2027: not a term, a holiday or an INSET day')).toBeVisible();
  await expectAccessible(page, 'settings, term dates preview with a choice');

  await preview.getByRole('button', { name: 'Save this school year' }).click();
  await expect(section.getByRole('alert')).toContainText('Choose how 2026-27 divides into terms');
  await expectAccessible(page, 'settings, term dates choice missing');

  // By keyboard: a radio takes Space, the INSET checkbox too.
  await preview.getByRole('radio', { name: /^Suggested:/ }).focus();
  await page.keyboard.press('Space');
  await expect(preview.getByRole('radio', { name: /^Suggested:/ })).toBeChecked();
  const inset = preview.getByRole('checkbox', { name: /Add this INSET day to each of the/ });
  await inset.focus();
  await page.keyboard.press('Space');
  await expect(inset).toBeChecked();
  await snapshot(page, 'term-dates-preview');
  await preview.getByRole('button', { name: 'Save this school year' }).focus();
  await page.keyboard.press('Enter');

  await expect(section.getByText(/Term dates saved for 2026-27, and \d+ INSET days? added across the schools served/)).toBeVisible();
  await expect(section.getByRole('row', { name: /2026-27 Spring term 4 Jan 2027 15 Feb 2027 to 19 Feb 2027 26 Mar 2027/ })).toBeVisible();
  await expect(section.getByRole('region', { name: 'What the file gives' })).toHaveCount(0);
});
