import { choose, expect, expectAccessible, snapshot, test } from './fixtures.ts';

test('allocate a worker, meet a blocked allocation and its reason, and override a warning with a reason', async ({ page, server }) => {
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Grace Bello');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Allocations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allocations' })).toBeVisible();
  const firstRow = page.getByRole('row').nth(1);
  await expect(firstRow).toContainText('Hollins Nursery School');
  await expect(firstRow).toContainText('To be allocated');
  await expectAccessible(page, 'allocation board');
  await snapshot(page, 'allocation-board');

  // A clean allocation.
  await page.getByRole('link', { name: 'Allocate Hollins Nursery School' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Link workers for Hollins Nursery School' })).toBeVisible();
  await choose(page, 'Named link worker (SPOC)', 'Harry Lowe (Central)');
  await choose(page, 'Secondary link worker (optional)', 'Cerys Pritchard (Central)');
  await page.getByLabel('Why (optional)').fill('New nursery joins the Central hub');
  await expect(page.getByText('No conflicts: this allocation can be saved.')).toBeVisible();
  await expectAccessible(page, 'allocate');
  await page.getByRole('button', { name: 'Save allocation' }).click();
  await expect(page.getByText('Allocation saved')).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).getByRole('row', { name: /Harry Lowe named link worker \(SPOC\).*Current.*New nursery joins the Central hub/ })).toBeVisible();

  // A blocked allocation: the worker's own child attends the school.
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  await page.getByLabel('Search').fill('ashby juniors');
  await page.getByRole('link', { name: 'Ashby Juniors Primary School' }).click();
  await page.getByRole('link', { name: 'Change the link workers' }).click();
  await choose(page, 'Named link worker (SPOC)', 'Amira Khan (North)');
  const blocked = page.getByText(/Amira Khan declared that their own child attends Ashby Juniors Primary School/);
  await expect(page.getByText('Cannot be saved')).toBeVisible();
  await expect(blocked).toBeVisible();
  await expectAccessible(page, 'allocate, blocked');
  await snapshot(page, 'allocation-blocked');
  await page.getByRole('button', { name: 'Save allocation' }).click();
  await expect(page.getByRole('alert')).toContainText('cannot be saved');
  await expect(page.getByRole('alert')).toContainText('own child attends');

  // A warning (the worker is from another hub) saved only with a reason.
  await page.getByRole('link', { name: 'Allocations', exact: true }).click();
  await page.getByRole('link', { name: 'Allocate Ivybridge Nursery School' }).click();
  await choose(page, 'Named link worker (SPOC)', 'Harry Lowe (Central)');
  await choose(page, 'Secondary link worker (optional)', 'Farid Haddad (Coastal)');
  await expect(page.getByText('Harry Lowe works in the Central hub; Ivybridge Nursery School is in Coastal.')).toBeVisible();
  await page.getByRole('button', { name: 'Save allocation' }).click();
  await expect(page.getByRole('alert')).toContainText('Give a reason to save this allocation for Ivybridge Nursery School despite the warnings');
  await page.getByLabel('Reason for going ahead despite the warnings').fill('Harry knows the head from the Central hub; until January only');
  await page.getByRole('button', { name: 'Save allocation' }).click();
  await expect(page.getByText('Allocation saved')).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Warnings accepted: Harry knows the head from the Central hub; until January only');

  await page.getByRole('link', { name: 'Allocation board' }).click();
  await page.getByRole('navigation', { name: 'Allocation views' }).getByRole('link', { name: 'Load', exact: true }).click();
  // Over the limit is said in words too, not in red alone: in the chart's text alternative and in the table.
  const chart = page.getByRole('img', { name: /Named schools per worker; team average [\d.]+, limit [\d.]+\. (Above the limit: .+\.|Nobody is above the limit\.)/ });
  await expect(chart).toBeVisible();
  const overInChart = /Above the limit: (.+?)\. The table/.exec((await chart.getAttribute('aria-label')) ?? '')?.[1]?.split(', ') ?? [];
  await expect(page.getByRole('row').filter({ hasText: 'Above the limit' })).toHaveCount(overInChart.length);
  await expectAccessible(page, 'load');
  await snapshot(page, 'allocation-load');
  await page.getByRole('link', { name: 'Coverage gaps' }).click();
  await expect(page.getByRole('heading', { name: 'Allocations held by people who have left (1)' })).toBeVisible();
  await expect(page.getByText(/Iris Fenton, secondary link worker since 1 Sep 2025/)).toBeVisible();
  await expectAccessible(page, 'coverage gaps');
});
