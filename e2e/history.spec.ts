import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures.ts';

const DEMO_PASSPHRASE = 'demo team passphrase 2026';

test('a database whose audit log was edited outside LinkDesk opens with a warning, and the check names the row', async ({ page, server, problems }) => {
  expect(problems).toEqual([]);
  test.setTimeout(180_000);
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Ivy Inspector');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('The history of this database was changed outside LinkDesk')).toHaveCount(0);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Unlock/ })).toBeVisible();

  // What anyone with the passphrase and the sqlcipher tool could do while LinkDesk is locked.
  const tampered = spawnSync('sqlcipher', [path.join(server.home, 'demo-team.linkdesk')], {
    input: `PRAGMA key='${DEMO_PASSPHRASE}';\nDROP TRIGGER audit_log_no_delete;\nDELETE FROM audit_log WHERE id = 2;\n`,
    encoding: 'utf8',
  });
  expect(tampered.stderr).toBe('');

  await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Arriving is a page load: the first Tab is the skip link, before the warning below.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const warning = page.getByRole('region', { name: 'The history of this database was changed outside LinkDesk' });
  await expect(warning).toContainText('The trigger audit_log_no_delete, which keeps the audit log append-only, is missing');
  await expect(warning).toContainText('Audit log row 2 is missing before row 3: deleted.');
  await expectAccessible(page, 'dashboard, with a history warning');

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByText('When it was opened, the history of this database showed changes made outside LinkDesk')).toBeVisible();
  await page.getByRole('button', { name: 'Run check' }).click();
  const report = page.getByRole('status').filter({ hasText: 'The check found problems' });
  await expect(report).toContainText('The audit log or the escalation log was changed outside LinkDesk');
  await expect(report).toContainText('Audit log row 2 is missing before row 3: deleted.');
  await expect(report).not.toContainText('The file is damaged');
  await expectAccessible(page, 'settings, check with history problems');
});
