import path from 'node:path';
import { expect, expectAccessible, focusIsVisible, tabTo, test } from './fixtures.ts';

test('a team database can be created and locked with the keyboard alone, with focus always visible', async ({ page, server }) => {
  await page.goto(server.open);
  await tabTo(page, /Create a team database/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Create a team database' })).toBeFocused();

  const typeInto = async (label: RegExp, text: string) => {
    await tabTo(page, label);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  };
  await typeInto(/Team name/, 'Coastal Dedicated Schools Team');
  await typeInto(/Local authority/, 'Seashire Council');
  await typeInto(/Your name/, 'Kim Keyboard');
  await typeInto(/Save the database as/, path.join(server.dataDir, 'coastal.linkdesk'));
  await typeInto(/^Passphrase/, 'tidal pool lighthouse 9');
  await typeInto(/Confirm the passphrase/, 'tidal pool lighthouse 9');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await tabTo(page, /^Lock$/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Unlock Coastal/ })).toBeVisible();
  await expectAccessible(page, 'unlock');
});
