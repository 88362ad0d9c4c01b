import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

test('plan a termly visit, see its pro forma deadlines, and move it on', async ({ page, server }) => {
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Amira Khan');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'termly visits' })).toContainText('termly visits not yet agreed');
  await expectAccessible(page, 'year planner');
  await snapshot(page, 'visit-planner');

  await page.getByRole('link', { name: 'Not planned – Spring term visit to Ashby Academy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spring term 2026-27 visit to Ashby Academy' })).toBeVisible();

  // In February half-term: saved, with a warning.
  await page.getByLabel('Visit date').fill('2027-02-16');
  await expect(page.getByText('16 Feb 2027 is not a working day')).toBeVisible();

  await page.getByLabel('Visit date').fill('2027-02-03');
  await page.getByLabel('Agreed with').fill('Head teacher');
  const checks = page.getByRole('definition');
  await expect(checks.filter({ hasText: '20 Jan 2027 (10 working days before)' })).toBeVisible();
  await expect(checks.filter({ hasText: '27 Jan 2027 (5 working days before)' })).toBeVisible();
  await expectAccessible(page, 'visit');
  await page.getByRole('button', { name: 'Save the visit' }).click();
  // After 20 Jan 2027 the date is too close for the pro forma: saved all the same, with a warning.
  await expect(page.getByText(/^(Visit saved|Saved, with warnings)$/)).toBeVisible();
  await expect(page.getByText('Status: Agreed')).toBeVisible();
  await snapshot(page, 'visit');

  await page.getByLabel('On', { exact: true }).fill('2027-01-19');
  await page.getByRole('button', { name: 'Pro forma sent' }).click();
  await expect(page.getByText('Status: Pro forma sent')).toBeVisible();

  // Moving an agreed visit needs a reason.
  await page.getByLabel('Visit date').fill('2027-02-04');
  await page.getByRole('button', { name: 'Save the visit' }).click();
  await expect(page.getByRole('alert')).toContainText('Say why the visit moved');
  await page.getByLabel('Why the visit moved').fill('Ofsted inspection on the 3rd');
  await page.getByRole('button', { name: 'Save the visit' }).click();
  await expect(page.getByText('Moved: Ofsted inspection on the 3rd')).toBeVisible();

  await page.getByRole('link', { name: 'Year planner' }).click();
  await expect(page.getByRole('link', { name: /Pro forma sent – Spring term visit to Ashby Academy$/ })).toContainText('4 Feb 2027');

  const exportSection = page.getByRole('region', { name: 'Export to Outlook' });
  await exportSection.getByLabel('Save as').fill(path.join(server.dataDir, 'visits.ics'));
  await exportSection.getByLabel('From').fill('2027-01-01');
  await exportSection.getByLabel('To').fill('2027-03-31');
  await exportSection.getByRole('button', { name: 'Export calendar' }).click();
  await expect(exportSection.getByText('Calendar file saved')).toBeVisible();
  const ics = fs.readFileSync(path.join(server.dataDir, 'visits.ics'), 'utf8');
  expect(ics).toContain('SUMMARY:SPOC visit: Ashby Academy');
  expect(ics).toContain('DTSTART;VALUE=DATE:20270204');
  // The same file again is refused until the person ticks Replace.
  fs.writeFileSync(path.join(server.dataDir, 'visits.ics'), 'an older export');
  await exportSection.getByRole('button', { name: 'Export calendar' }).click();
  await expect(exportSection.getByRole('alert').first()).toContainText('There is already a file with this name: choose another, or tick Replace');
  expect(fs.readFileSync(path.join(server.dataDir, 'visits.ics'), 'utf8')).toBe('an older export');
  await exportSection.getByText('Replace a file already at this path (an earlier export)', { exact: true }).click();
  await exportSection.getByRole('button', { name: 'Export calendar' }).click();
  await expect(exportSection.getByText('Calendar file saved')).toBeVisible();
  expect(fs.readFileSync(path.join(server.dataDir, 'visits.ics'), 'utf8')).toContain('SUMMARY:SPOC visit: Ashby Academy');
  await expectAccessible(page, 'year planner, after the export');
});

test('log a phone call with a follow-up, see it on the dashboard, and clear it', async ({ page, server }) => {
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Ben Oduya');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  await page.getByLabel('Search').fill('Hollins Nursery');
  await page.getByRole('link', { name: 'Hollins Nursery School' }).click();
  const log = page.getByRole('region', { name: 'Contact log' });
  const due = new Date(Date.now() + 2 * 86_400_000);
  const dueIso = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`;
  await log.getByRole('button', { name: 'Log a contact' }).click();
  await log.getByRole('button', { name: 'Log contact' }).click();
  await expect(log.getByRole('alert')).toContainText('Say who the contact was with');
  await log.getByLabel('With whom').fill('DSL, Mrs Patel');
  await log.getByLabel('Summary').fill('Asked for advice about a Year 2 pupil (ref. AB Y2) who is often late');
  await log.getByLabel('Follow-up (optional)').fill('Send the attendance toolkit');
  await log.getByLabel('Follow-up due (optional)').fill(dueIso);
  await log.getByRole('button', { name: 'Log contact' }).click();
  await expect(log.getByText('Contact logged')).toBeVisible();
  await expect(page.getByRole('list', { name: 'The school’s story, newest first' }).getByRole('listitem').filter({ hasText: 'Phone from the school' }).filter({ hasText: 'with DSL, Mrs Patel' })).toBeVisible();
  await expectAccessible(page, 'school, contact log');

  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  const week = page.getByRole('region', { name: /This week/ });
  await expect(week.getByRole('link', { name: 'Follow-up due: Hollins Nursery School' })).toBeVisible();
  await expectAccessible(page, 'dashboard with items');
  await week.getByRole('link', { name: 'Follow-up due: Hollins Nursery School' }).click();
  await page.getByRole('button', { name: 'Mark done: the follow-up “Send the attendance toolkit”' }).click();
  await expect(page.getByText(/Done \d+ \w+ \d{4}/)).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('region', { name: /This week/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Follow-up due: Hollins Nursery School' })).toHaveCount(0);
});

test('cancel a visit with its reason chosen from the list, and find it counted by reason in the report, without its words', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Amira Khan');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  await page.getByRole('link', { name: /Agreed – Autumn term visit to .+$/ }).first().click();
  const progress = page.getByRole('region', { name: 'Progress' });
  await progress.getByRole('button', { name: 'Cancel the visit' }).click();
  await expect(progress.getByRole('alert').first()).toContainText('Choose why the visit was cancelled');

  await progress.getByRole('button', { name: /Why it is cancelled \(needed to cancel\)$/ }).click();
  await page.getByRole('option', { name: 'The link worker was unavailable', exact: true }).click();
  await progress.getByLabel(/^Reason in words/).fill('Link worker called for jury service');
  await expectAccessible(page, 'cancelling a visit, a reason chosen');
  await snapshot(page, 'visit-cancel');
  await progress.getByRole('button', { name: 'Cancel the visit' }).click();
  await expect(page.getByText('Status: Cancelled (The link worker was unavailable: Link worker called for jury service)')).toBeVisible();

  // The report counts the kind (the demo's own cancellation was a school closed by a flood), never the words.
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Reports' }).click();
  const byReason = page.locator('table[data-table="visits-cancelled"]');
  await expect(byReason.getByRole('row', { name: /^The link worker was unavailable/ }).locator('td').first()).toHaveText('1');
  await expect(byReason.getByRole('row', { name: /^The school was closed/ }).locator('td').first()).toHaveText('1');
  await expect(page.getByText('jury service')).toHaveCount(0);
  await page.locator('.report-table').filter({ has: byReason }).screenshot({ path: path.join(import.meta.dirname, 'artifacts', 'screens', 'report-cancelled-by-reason.png') });
});
