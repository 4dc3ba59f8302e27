import { expectAccessible, signInAs, test, expect } from './support';

test('a counsellor signs in with the development picker and lands on the jobseeker search', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeVisible();
  await expectAccessible(page, 'the sign-in page');
  await signInAs(page, 'neuvoja');
  await expect(page).toHaveURL(/\/jobseekers$/);
  await expect(page.getByText(/Kirjautunut: neuvoja/)).toBeVisible();
});

test('an employer lands on their vacancies; the language can be changed', async ({ page }) => {
  await signInAs(page, 'tyonantaja-1');
  await expect(page).toHaveURL(/\/vacancies$/);
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(page.getByRole('link', { name: 'Våra lediga jobb' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test("the accessibility statement is linked from every page, in the reader's language", async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Saavutettavuusseloste' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Saavutettavuusseloste' }),
  ).toBeVisible();
  await expect(page.getByText(/306\/2019/).first()).toBeVisible();
  await expectAccessible(page, 'the accessibility statement');
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tillgänglighetsutlåtande' }),
  ).toBeVisible();
});
