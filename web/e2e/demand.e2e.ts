import { expect, expectAccessible, signInAs, test } from './support';

test('a counsellor sees the skills in demand in the area as a chart and a table, and narrows them to a municipality', async ({
  page,
}) => {
  await signInAs(page, 'neuvoja');
  await page.getByRole('link', { name: 'Osaamistarve' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Osaamistarve' })).toBeVisible();
  const table = page.getByRole('table', {
    name: 'Avoimet paikat ja työnhakijat, joilla osaaminen on',
  });
  await expect(table).toBeVisible();
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  // Each row names a skill and gives its open positions as a number.
  await expect(rows.first().locator('td').nth(2)).toHaveText(/^\d[\d\s]*$/);
  await expectAccessible(page, 'skills in demand');
  // The design system's label covers its input: a person clicks the label.
  await page.getByText('Kuopio', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Kuopio' })).toBeChecked();
  await expect(page).toHaveURL(/[?&]m=297/);
  await expect(page.locator('[data-view="skill-demand"][data-ready="true"]')).toBeVisible();
});
