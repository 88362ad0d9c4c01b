import { expect, expectAccessible, snapshot, tabTo, test } from './fixtures.ts';

test('a school’s page tells its story newest first, filtered by kind, each entry opening its record', async ({ page, server }) => {
  test.setTimeout(180_000);
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  // Closed at October half term, so listed only with the closed schools.
  await page.getByRole('button', { name: /Status/ }).click();
  await page.getByRole('option', { name: 'All, with closed' }).click();
  await page.getByLabel('Search').fill('Marwick');
  await page.getByRole('link', { name: 'Marwick CE Primary School' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marwick CE Primary School' })).toBeVisible();

  const story = page.getByRole('region', { name: 'The school’s story' });
  const entries = story.getByRole('list', { name: 'The school’s story, newest first' }).getByRole('listitem');
  await expect(entries).toHaveCount(12);
  await expect(story.getByRole('status')).toHaveText('Showing the newest 12 (all there are).');
  // Newest first: the record written and its Word document made when the demo was, then the closure at half term, down to September.
  const newest = (await entries.allTextContents()).slice(0, 2).join(' ');
  expect(newest).toContain('Visit record written, Autumn term 2026-27');
  expect(newest).toContain('Document made: SPOC visit record');
  await expect(entries.nth(2)).toContainText('School closed');
  await expect(entries.last()).toContainText(/became the (named|secondary) link worker/);
  for (const title of ['Escalation closed: Neglect', 'SPOC visit, Autumn term 2026-27: record written', 'Early Help Consultation with the school nurse team', 'Escalation raised: Neglect', 'Phone from the school: Kemi Adeyemi with Head teacher', 'Kemi Adeyemi became the named link worker (SPOC)']) {
    await expect(entries.filter({ hasText: title })).toHaveCount(1);
  }
  await expect(entries.filter({ hasText: 'Visit record written' }).getByRole('link')).toHaveAttribute('href', '#/visits/990024/2026-27/autumn/record');
  await expectAccessible(page, 'school page with its story');
  await snapshot(page, 'school-story');

  // Only the escalations: untick every other kind.
  const show = story.getByRole('group', { name: 'Show' });
  for (const kind of ['Link workers', 'Visits', 'Visit records', 'Consultations', 'Contacts', 'Documents made', 'Closure']) {
    await show.getByText(kind, { exact: true }).click();
    await expect(show.getByRole('checkbox', { name: kind })).not.toBeChecked();
  }
  await expect(show.getByRole('checkbox', { name: 'Escalations' })).toBeChecked();
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Escalation closed: Neglect');
  await expect(entries.nth(1)).toContainText('Escalation raised: Neglect');
  await expect(story.getByRole('status')).toHaveText('Showing the newest 2 (all there are of these).');
  await expectAccessible(page, 'school page, the story filtered to escalations');

  // A range of dates: the first ten days of October hold the escalation raised (and nothing else of this kind).
  await story.getByLabel('From (optional)').fill('1/10/2026');
  await story.getByLabel('To (optional)').fill('10/10/2026');
  await story.getByRole('button', { name: 'Show these dates' }).click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Escalation raised: Neglect');

  await entries.first().getByRole('link', { name: 'Escalation raised: Neglect' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Marwick CE Primary School');
  await expectAccessible(page, 'the escalation opened from the story');
});

test('forms open on demand, close with Escape or Cancel, and the contact log is the SPOC’s', async ({ page, server }) => {
  test.setTimeout(180_000);
  // The computer's own clock: the contact form offers the browser's now as the contact's time.
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  await page.getByLabel('Search').fill('Elmstead Academy');
  await page.getByRole('link', { name: 'Elmstead Academy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Elmstead Academy' })).toBeVisible();

  // The page opens on the school and its story: no form is open.
  await expect(page.getByRole('region', { name: 'The school’s story' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(2); // the story's own range of dates
  const spoc = ((await page.getByRole('region', { name: 'At a glance' }).locator('dt', { hasText: 'SPOC (named link worker)' }).locator('+ dd').textContent()) ?? '').trim();
  // Not the first active worker by name (Amira Khan), as the log offered before.
  expect(spoc).not.toMatch(/^(None|Amira Khan|)$/);
  await expectAccessible(page, 'school page, forms closed');

  // Opened from the keyboard: the focus goes into the form; Escape closes it and gives the focus back.
  const log = page.getByRole('region', { name: 'Contact log' });
  const open = log.getByRole('button', { name: 'Log a contact' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  expect(await page.evaluate(() => document.activeElement?.closest('.on-demand-panel') !== null)).toBe(true);
  await expect(log.getByRole('button', { name: /Worker/ })).toContainText(spoc);
  await expectAccessible(page, 'school page, contact form open');
  await log.getByLabel('With whom').fill('Someone to forget');
  await page.keyboard.press('Escape');
  await expect(log.getByLabel('With whom')).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'false');

  // Opened again, nothing typed before is kept; Cancel closes it the same way.
  await page.keyboard.press('Enter');
  await expect(log.getByLabel('With whom')).toHaveValue('');
  await tabTo(page, /^Cancel$/);
  await page.keyboard.press('Enter');
  await expect(log.getByLabel('With whom')).toHaveCount(0);
  await expect(open).toBeFocused();

  // Logged with the worker it offers: the SPOC, in the story at once.
  await page.keyboard.press('Enter');
  await log.getByLabel('With whom').fill('DSL');
  await log.getByLabel('Summary').fill('Asked about the spring visit date');
  await log.getByRole('button', { name: 'Log contact' }).click();
  await expect(log.getByText('Contact logged')).toBeVisible();
  await expect(open).toBeFocused();
  const story = page.getByRole('list', { name: 'The school’s story, newest first' });
  await expect(story.getByRole('listitem').filter({ hasText: `Phone from the school: ${spoc} with DSL` })).toBeVisible();

  // Another form, on demand too: the team's fields.
  const kept = page.getByRole('region', { name: 'Kept by the team' });
  await kept.getByRole('button', { name: 'Change what the team keeps' }).click();
  await expect(kept.getByLabel('Area or hub')).toBeFocused();
  await kept.getByLabel('Main school contact').fill('Mrs Hollins, office manager');
  await kept.getByRole('button', { name: 'Save' }).click();
  await expect(kept.getByText('Saved')).toBeVisible();
  await expect(kept.getByLabel('Area or hub')).toHaveCount(0);
  await expect(kept).toContainText('Mrs Hollins, office manager');
  await expectAccessible(page, 'school page after saving');
  await snapshot(page, 'school-forms-on-demand');
});
