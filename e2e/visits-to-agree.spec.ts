import { expect, expectAccessible, snapshot, test } from './fixtures.ts';

test('the dashboard lists every school served with no agreed visit this term, and follows the team’s scope', async ({ page, server }) => {
  test.setTimeout(180_000);
  // 24 Nov 2026: the second week of the autumn term (ending 11 Sep) is long past.
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const toAgree = page.getByRole('region', { name: /^Visits to agree/ });
  await expect(toAgree.getByRole('heading', { name: /^Visits to agree \(\d+\)$/ })).toBeVisible();
  const countOf = async () => Number(/\((\d+)\)/.exec((await toAgree.getByRole('heading').textContent()) ?? '')?.[1]);
  const before = await countOf();
  expect(before).toBeGreaterThan(10);
  await expect(toAgree).toContainText('due to be agreed by 11 Sep 2026');
  await expect(page.getByRole('region', { name: /^Overdue/ })).toContainText(`${before} schools have no agreed visit this term: see Visits to agree.`);
  // The FE colleges are outside the demo team's categories; one independent school is out by its own choice.
  await expect(toAgree.getByRole('link', { name: 'Dunmere College' })).toHaveCount(0);
  await expect(toAgree.getByRole('link', { name: 'Fenwick Independent School' })).toHaveCount(0);
  await expect(toAgree.getByRole('link', { name: 'year planner' })).toBeVisible();
  await expectAccessible(page, 'dashboard with visits to agree');
  await snapshot(page, 'dashboard-visits-to-agree');

  // Agreeing the visit takes the school off the list.
  await toAgree.getByRole('link', { name: 'Elmstead West Primary School' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Autumn term 2026-27 visit to Elmstead West Primary School' })).toBeVisible();
  await page.getByLabel('Visit date').fill('2026-12-09');
  await page.getByLabel('Agreed with').fill('Head teacher');
  await page.getByRole('button', { name: 'Save the visit' }).click();
  await expect(page.getByText('Status: Agreed')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(toAgree.getByRole('heading', { name: `Visits to agree (${before - 1})` })).toBeVisible();
  await expect(toAgree.getByRole('link', { name: 'Elmstead West Primary School' })).toHaveCount(0);

  // A college the team does serve, whatever its category.
  await page.getByRole('link', { name: 'Schools', exact: true }).click();
  await page.getByLabel('Search').fill('Dunmere College');
  await page.getByRole('link', { name: 'Dunmere College' }).click();
  const scope = page.getByRole('region', { name: 'In scope' });
  await expect(scope).toContainText('The team does not serve this school');
  await scope.getByRole('button', { name: 'Change whether the team serves it' }).click();
  await scope.getByText('Yes, whatever its category').click();
  await scope.getByRole('button', { name: 'Save' }).click();
  await expect(scope.getByText('Saved: In the team’s scope')).toBeVisible();
  await expect(scope).toContainText('The team serves this school');
  await expectAccessible(page, 'school, in scope');
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(toAgree.getByRole('link', { name: 'Dunmere College' })).toBeVisible();
  await expect(toAgree.getByRole('heading', { name: `Visits to agree (${before})` })).toBeVisible();

  // The team stops serving nurseries, and agrees visits by the end of week 4 instead.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('region', { name: 'Schools the team serves' });
  const week = settings.getByLabel('Agree each term’s visits by the end of week');
  await week.fill('13');
  await settings.getByRole('button', { name: 'Save scope settings' }).click();
  await expect(settings.getByRole('alert')).toContainText('Use week 12 or earlier');
  await expectAccessible(page, 'settings, scope with an error');
  await week.fill('4');
  await settings.getByText('Nursery', { exact: true }).click();
  await settings.getByRole('button', { name: 'Save scope settings' }).click();
  await expect(settings.getByText('Scope settings saved')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(toAgree).toContainText('due to be agreed by 25 Sep 2026');
  await expect(toAgree.getByRole('link', { name: 'Hollins Nursery School' })).toHaveCount(0);
  await expect(toAgree.getByRole('heading', { name: `Visits to agree (${before - 2})` })).toBeVisible();
});

test('a written-up visit is not warned about its pro forma', async ({ page, server }) => {
  server.setClock('2026-11-24T10:00:00Z');
  await page.goto(server.open);
  await page.getByLabel('Your name').fill('Tess Manager');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('link', { name: 'Visits', exact: true }).click();
  await page.getByRole('link', { name: /Record written – Autumn term visit to Ashby Juniors Primary School$/ }).click();
  await expect(page.getByText('Status: Record written')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '22 Sep 2026 (10 working days before)' })).toBeVisible();
  await expect(page.getByText(/Too close to send the pro forma/)).toHaveCount(0);
  await expectAccessible(page, 'visit, written up');
});
