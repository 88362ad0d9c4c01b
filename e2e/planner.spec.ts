/**
 * The allocation planner on the demo team: plan the unallocated schools of one hub, read the
 * explanation, apply the plan with a reason, and see the board and the map change.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, focusIsVisible, snapshot, tabTo, test } from './fixtures.ts';

async function openDemo(page: Page, open: string): Promise<void> {
  await page.goto(open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('plan the unallocated schools of one hub, read why, apply with a reason, and see the board and the map change', async ({ page, server }) => {
  test.setTimeout(300_000);
  server.setClock('2026-11-24T10:00:00Z');
  await openDemo(page, server.open);
  await page.getByRole('link', { name: 'Allocations', exact: true }).click();
  await page.getByRole('navigation', { name: 'Allocation views' }).getByRole('link', { name: 'Planner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Planner' })).toBeVisible();

  // Before the plan, the map has Ivybridge Nursery School with nobody, in the picture and in its table.
  const mapTable = page.getByRole('table', { name: /The map’s schools/ });
  await expect(mapTable.getByRole('row', { name: /Ivybridge Nursery School/ })).toContainText('nobody');
  await expect(page.getByRole('link', { name: 'Ivybridge Nursery School, Coastal hub: named link worker nobody' })).toBeAttached();
  await expectAccessible(page, 'planner');

  // By keyboard: the hub, a priority slider, then Propose.
  await tabTo(page, /Every hub/);
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: 'Coastal', exact: true }).press('Enter');
  await expect(page.getByRole('button', { name: /Coastal\s+Hub$/ })).toBeVisible();
  const travel = page.getByRole('slider', { name: /Travel from the worker’s base/ });
  await travel.focus();
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(travel).toHaveValue('1');
  await page.getByLabel('Time limit (seconds)').fill('5');
  await page.getByRole('button', { name: 'Propose' }).focus();
  await page.keyboard.press('Enter');

  // The proposal: how good it is, in words, and why each school gets its worker.
  const summary = page.getByRole('region', { name: 'The proposal' });
  await expect(summary).toContainText('1 school planned');
  await expect(summary).toContainText(/0 change worker, 1 newly allocated, 0 kept/);
  await expect(summary).toContainText(/Solver.*exact solver \(HiGHS\)/);
  await expect(summary).toContainText(/gap/);
  const why = page.getByRole('region', { name: 'Why each school gets its worker' });
  const row = why.getByRole('row', { name: /Ivybridge Nursery School/ });
  await expect(row).toContainText('Newly allocated');
  await expect(row).toContainText(/Travel from the worker’s base \(per km\): [\d.]+ points/);
  await expect(row).toContainText(/: \+[\d.]+ points/);
  const named = (await row.getByRole('cell').nth(1).innerText()).replace(/\s*\(.*$/s, '').trim();
  expect(named).not.toBe('nobody');
  await expect(page.getByRole('region', { name: 'Each worker’s load, before and after' }).getByRole('row', { name: new RegExp(named) })).toContainText(/→/);
  // The map draws the plan: the school's point names its planned worker.
  await expect(page.getByRole('link', { name: `Ivybridge Nursery School, Coastal hub: named link worker nobody, in the plan ${named}` })).toBeAttached();
  // Each school on the map takes the focus, visibly, by keyboard.
  await page.getByRole('link', { name: /^Ivybridge Nursery School, Coastal hub/ }).focus();
  expect(await focusIsVisible(page)).toBe(true);
  await page.locator('svg.map').screenshot({ path: 'e2e/artifacts/screens/allocation-planner-map-focus.png' });
  await expectAccessible(page, 'planner with a proposal');
  await snapshot(page, 'allocation-planner');
  await page.locator('svg.map').screenshot({ path: 'e2e/artifacts/screens/allocation-planner-map.png' });
  await page.getByRole('region', { name: 'The proposal' }).screenshot({ path: 'e2e/artifacts/screens/allocation-planner-proposal.png' });

  // Pin the school as proposed and propose again: the pin holds.
  const pin = row.getByRole('checkbox', { name: `Pin Ivybridge Nursery School to ${named} and `, exact: false });
  await pin.focus();
  await page.keyboard.press('Space');
  await expect(pin).toBeChecked();
  await expect(page.getByText('1 school pinned: the next proposal keeps its workers as proposed.')).toBeVisible();
  await page.getByRole('button', { name: 'Propose' }).click();
  await expect(summary).toContainText('(1 pinned)');
  await expect(row).toContainText('Pinned (newly allocated)');

  // Apply: a reason is required.
  await page.getByRole('button', { name: 'Apply the plan' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the reason for this reallocation');
  await page.getByLabel('Reason for this reallocation').fill('Ivybridge joins the Coastal hub');
  await page.getByRole('button', { name: 'Apply the plan' }).click();
  await expect(page.getByText('Plan applied: 1 school changed (2 roles)')).toBeVisible();
  await expect(mapTable.getByRole('row', { name: /Ivybridge Nursery School/ })).toContainText(named);
  await expect(page.getByRole('link', { name: `Ivybridge Nursery School, Coastal hub: named link worker ${named}` })).toBeAttached();
  await expectAccessible(page, 'planner after applying');

  // The board, and the map view, show the change.
  await page.getByRole('link', { name: 'See the board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allocations' })).toBeVisible();
  // The board is virtualised and sorts allocated schools after the rest: find the school by name.
  await page.getByLabel('Find a school or worker').fill('ivybridge nursery');
  await expect(page.getByRole('row', { name: /Ivybridge Nursery School/ })).toContainText(named);
  await page.getByRole('navigation', { name: 'Allocation views' }).getByRole('link', { name: 'Map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Map' })).toBeVisible();
  // By keyboard: the arrow key moves the choice from the worker to the hub.
  await page.getByRole('radio', { name: 'Named link worker' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Hub' })).toBeChecked();
  await expect(page.getByRole('list', { name: 'Key to the map' })).toContainText('Coastal hub');
  await expect(page.getByRole('table', { name: /The map’s schools/ }).getByRole('row', { name: /Ivybridge Nursery School/ })).toContainText(named);
  await expectAccessible(page, 'map');
  await snapshot(page, 'allocation-map');
});
