import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { choose, expect, expectAccessible, expectScreenOpened, focusIsVisible, snapshot, tabTo, test } from './fixtures.ts';

/** A moment in the escalation log: its date and its time on the 24-hour clock, in the group named for it. */
async function setMoment(scope: Page | Locator, label: string, date: string, time: string): Promise<void> {
  const group = scope.getByRole('group', { name: label });
  await group.getByLabel('Date').fill(date);
  await group.getByLabel('Time').fill(time);
}

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('plan a panel’s meetings, record who attended, and see attendance by panel and person', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Panels', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Coming meetings with nobody from the team \(\d+\)/ })).toBeVisible();
  await expectAccessible(page, 'panels');

  const add = page.getByRole('region', { name: 'Add a panel' });
  await choose(add, 'Type of panel', 'Inclusion Partnership');
  await add.getByLabel('Name').fill('Inclusion Partnership');
  await add.getByLabel('Area').fill('Coastal');
  await add.getByLabel('Meets every N weeks of term time (optional)').fill('six');
  await add.getByRole('button', { name: 'Add the panel' }).click();
  await expect(add.getByRole('alert')).toContainText('Give a whole number of weeks');
  await add.getByLabel('Meets every N weeks of term time (optional)').fill('6');
  await add.getByRole('button', { name: 'Add the panel' }).click();
  await expect(page.getByText('Inclusion Partnership (Coastal) added')).toBeVisible();

  await page.getByRole('link', { name: 'Inclusion Partnership (Coastal)' }).click();
  const plan = page.getByRole('region', { name: 'Plan meetings' });
  await plan.getByLabel('First meeting').fill('2026-11-25');
  await plan.getByLabel('Plan up to').fill('2027-07-22');
  await plan.getByRole('button', { name: 'Show the dates' }).click();
  // Every sixth term week from 25 Nov 2026; half-terms and holidays do not count.
  await expect(plan.getByRole('heading', { name: '5 new meetings' })).toBeVisible();
  await expectAccessible(page, 'panel');
  await plan.getByRole('button', { name: 'Add these meetings' }).click();
  await expect(page.getByText('5 meetings added')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Meetings (5)' })).toBeVisible();

  await page.getByRole('link', { name: 'Panels and coming meetings' }).click();
  await page.getByRole('link', { name: 'Pupil Placement Panel (North)' }).click();
  await page.getByRole('link', { name: /^4 Nov 2026/ }).click();
  const who = page.getByRole('region', { name: 'Who from the team' });
  await choose(who, 'Jas Kaur', 'Attended');
  await who.getByLabel('Key themes and trends').fill('Year 9 EBSA rising');
  await who.getByLabel('Tags (optional)').fill('ebsa, year 9');
  await expectAccessible(page, 'panel meeting');
  await who.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(page.getByText('Meeting saved')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the panel' }).click();
  await expect(page.getByRole('row', { name: /4 Nov 2026/ })).toContainText('Jas Kaur');

  await page.getByRole('link', { name: 'Attendance' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Autumn term 2026-27' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Meetings held per panel/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'By person' }).getByRole('row', { name: /Jas Kaur/ })).toBeVisible();
  await expectAccessible(page, 'panel attendance');
  await snapshot(page, 'panel-attendance');
});

test('log an escalation, watch it become overdue, then record the manager told late and close it', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Escalations', exact: true }).click();
  await page.getByRole('link', { name: 'Log an escalation' }).click();
  await setMoment(page, 'Raised at', '', '');
  await page.getByRole('button', { name: 'Log the escalation' }).click();
  const problems = page.getByRole('alert').first();
  await expect(problems).toContainText('Choose the school');
  await expect(problems).toContainText('Choose the concern');
  await expect(problems).toContainText('Enter when the concern was raised: a date and a time');
  // The summary lists the problems in the order of the fields on the form.
  const listed = await problems.getByRole('listitem').allTextContents();
  const at = (text: string) => listed.findIndex((item) => item.includes(text));
  expect(at('Choose the school')).toBeLessThan(at('Enter when the concern was raised'));
  expect(at('Enter when the concern was raised')).toBeLessThan(at('Choose the concern'));
  // The Concern error is the field's own description, and its summary link takes the focus there.
  const concern = page.getByRole('button', { name: /Concern$/ });
  await expect(concern).toHaveAccessibleDescription(/Choose the concern/);
  await problems.getByRole('link', { name: /Choose the concern/ }).click();
  await expect(concern).toBeFocused();

  await page.getByRole('combobox', { name: 'School' }).fill('ashby academy');
  // How many match is said as a status, as the list changes.
  await expect(page.getByRole('status').filter({ hasText: /^[\d,]+ schools? match/ })).toHaveCount(1);
  await page.getByRole('option', { name: /Ashby Academy/ }).click();
  // The box shows the school chosen (not the letters typed), and says it with its URN in its description.
  const picker = page.getByRole('combobox', { name: 'School' });
  await expect(picker).toHaveValue('Ashby Academy');
  await expect(picker).toHaveAccessibleDescription(/^Chosen: Ashby Academy \(URN \d{6}\)\./);
  await expect(page.getByRole('status').filter({ hasText: 'Chosen: Ashby Academy' })).toHaveCount(1);
  await setMoment(page, 'Raised at', '24/11/2026', '10:30');
  await page.getByLabel('Raised by').fill('DSL');
  await choose(page, 'Concern', 'Child protection');
  await page.getByLabel('Children (optional)').fill('JB Y4');
  await page.getByLabel('Summary').fill('Disclosure to a teaching assistant; the school is referring to the IFD.');
  await page.getByRole('button', { name: 'Log the escalation' }).click();
  await expect(page.getByRole('alert').first()).toContainText('The time the concern was raised cannot be in the future');
  await setMoment(page, 'Raised at', '24/11/2026', '09:30');
  await expectAccessible(page, 'log an escalation');
  await page.getByRole('button', { name: 'Log the escalation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Escalation: Ashby Academy' })).toBeVisible();
  await expect(page.getByText('Manager not yet told: 23 h 30 min left')).toBeVisible();

  server.setClock('2026-11-25T09:31:00Z');
  await page.reload();
  await expect(page.getByText('Overdue: manager not told within 24 hours: overdue by 0 h 01 min')).toBeVisible();
  await expectAccessible(page, 'escalation');
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('region', { name: /Overdue/ }).getByRole('link', { name: 'Escalation: manager not yet told: Ashby Academy' })).toBeVisible();
  await page.getByRole('link', { name: 'Escalation: manager not yet told: Ashby Academy' }).click();

  const entry = page.getByRole('region', { name: 'Add an entry' });
  await setMoment(entry, 'Manager told at', '25/11/2026', '09:31');
  await entry.getByLabel('Manager told', { exact: true }).fill('Grace Bello');
  await entry.getByRole('button', { name: 'Add the entry' }).click();
  await expect(entry.getByRole('alert')).toContainText('choose why');
  // The reason from the list is what the reports count; the words stay on the entry.
  await choose(entry, 'Why the manager was told late', 'No manager was available');
  await entry.getByLabel('The reason in words (optional)').fill('Both managers were at a strategy meeting all morning.');
  await expectAccessible(page, 'the manager told late, with a reason chosen');
  await entry.getByRole('group', { name: 'The manager (within 24 hours)' }).screenshot({ path: path.join(import.meta.dirname, 'artifacts', 'screens', 'escalation-late-reason.png') });
  await entry.getByRole('button', { name: 'Add the entry' }).click();
  await expect(page.getByText('Entry added to the log')).toBeVisible();
  await expect(page.getByText('Manager told late: 0 h 01 min after the 24 hours')).toBeVisible();
  await expect(page.getByText('No manager was available: Both managers were at a strategy meeting all morning.').first()).toBeVisible();

  await choose(entry, 'Referral made', 'Yes');
  await entry.getByLabel('Outcome (optional)').fill('Strategy discussion held; no further action for the team.');
  await setMoment(entry, 'Closed at (optional)', '25 Nov 2026', '9.31am');
  await entry.getByRole('button', { name: 'Add the entry' }).click();
  await expect(entry.getByRole('alert')).toContainText('Choose where the referral went');
  await choose(entry, 'Referral route', 'Other (say where)');
  await entry.getByRole('button', { name: 'Add the entry' }).click();
  await expect(entry.getByRole('alert')).toContainText('Say where the referral went');
  await choose(entry, 'Referral route', 'Local Authority Designated Officer (LADO)');
  await expectAccessible(page, 'escalation with a referral route');
  await entry.getByRole('button', { name: 'Add the entry' }).click();
  await expect(page.getByText(/^Closed 25 Nov 2026, 09:31\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History (3 entries)' })).toBeVisible();
  await expect(page.getByText('Changed: Referral made, Referral route, Outcome, Closed at')).toBeVisible();
  await expect(page.getByRole('region', { name: 'The escalation now' })).toContainText('Local Authority Designated Officer (LADO)');
  await snapshot(page, 'escalation');

  await page.getByRole('link', { name: 'Back to the escalation log' }).click();
  const ours = page.getByRole('link', { name: 'Escalation raised 24 Nov 2026, 09:30 at Ashby Academy' });
  await expect(page.getByRole('heading', { level: 1, name: 'Escalations' })).toBeVisible();
  await expect(ours).toHaveCount(0);
  await page.getByText('Show closed escalations too').click();
  await expect(ours).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Escalation raised 24 Nov 2026, 09:30 at Ashby Academy/ })).toContainText('Closed 25 Nov 2026, 09:31');
  await expectAccessible(page, 'escalation log');
});

test('a meeting with nobody from the team gets someone, with the keyboard alone', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Panels', exact: true }).click();
  const gap = page.getByRole('region', { name: /Coming meetings with nobody/ }).getByRole('link', { name: /Reintegration panel \(Coastal\)/ });
  await expect(gap).toBeVisible();
  await tabTo(page, /Reintegration panel \(Coastal\)/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expectScreenOpened(page, 'Reintegration panel (Coastal), 26 Nov 2026');
  await tabTo(page, /Not going/);
  // react-aria marks keyboard focus a moment after the Tab lands.
  await expect.poll(() => focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Expected to attend/ })).toHaveCount(1);
  await tabTo(page, /Save the meeting/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Meeting saved')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the panel' }).click();
  await page.getByRole('link', { name: 'Panels and coming meetings' }).click();
  await expect(gap).toHaveCount(0);
});
