import { DEMO_PASSPHRASE } from '../electron/app/demo/passphrase.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

// The page's clock is Playwright's, so fifteen idle minutes pass in a moment; the server's idle
// lock (a minute later, as a backstop) keeps real time and never fires here.
test('the idle lock warns first, "Stay signed in" keeps the session, and what was typed comes back after the lock', async ({ page, server }) => {
  await page.clock.install();
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.getByRole('link', { name: 'Escalations', exact: true }).click();
  await page.getByRole('link', { name: 'Log an escalation' }).click();
  await page.getByRole('combobox', { name: 'School' }).fill('ashby academy');
  await page.getByRole('option', { name: /Ashby Academy/ }).click();
  await expect(page.getByRole('combobox', { name: 'School' })).toHaveValue('Ashby Academy');
  const summary = 'Disclosure to a teaching assistant at lunch; the DSL is calling the front door.';
  await page.getByLabel('Summary').fill(summary);

  // The demo locks after 15 minutes: the warning comes two minutes before, with focus on Stay.
  await page.clock.runFor('13:01');
  const warning = page.getByRole('alertdialog', { name: 'LinkDesk is about to lock' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('will lock the database in 1 minute');
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  await expectAccessible(page, 'the idle lock warning');
  await page.keyboard.press('Enter');
  await expect(warning).toBeHidden();

  // Staying starts the fifteen minutes again: at 14 more, the warning; at 15, the lock.
  await page.clock.runFor('14:00');
  await expect(warning).toBeVisible();
  await page.clock.runFor('01:05');
  await expect(page.getByRole('heading', { level: 1, name: /^Unlock / })).toBeVisible();
  await expect(page.getByText('LinkDesk locked the database')).toBeVisible();
  await expectAccessible(page, 'unlock after the idle lock');

  await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log an escalation' })).toBeVisible();
  await expect(page.getByText('What you had typed is back')).toBeVisible();
  await expect(page.getByLabel('Summary')).toHaveValue(summary);
  await expectAccessible(page, 'the escalation form, restored after the lock');

  // A lock someone chooses keeps nothing.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('link', { name: 'Escalations', exact: true }).click();
  await page.getByRole('link', { name: 'Log an escalation' }).click();
  await expect(page.getByLabel('Summary')).toHaveValue('');
});
