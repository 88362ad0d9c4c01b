import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

/** Presses Tab until the element with this accessible name has focus, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
      return `${el.getAttribute('aria-label') ?? ''} ${labelled ?? ''} ${el.textContent ?? ''}`.trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  });
}

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
