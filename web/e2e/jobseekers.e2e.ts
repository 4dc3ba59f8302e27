import { Page } from '@playwright/test';
import { expect, expectAccessible, JOBSEEKER_WITH_MATCHES, signInAs, test } from './support';

async function choosePurpose(page: Page, purpose = 'Asiakastapaaminen'): Promise<void> {
  await page.getByRole('button', { name: /Tiedonhaun käyttötarkoitus/ }).click();
  await page.getByRole('option', { name: purpose }).click();
}

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Nimi tai asiakasnumero' });
  await box.fill(text);
  await box.press('Enter');
}

const results = (page: Page) => page.getByRole('table', { name: /löytyneet työnhakijat/ });

test('a counsellor chooses a purpose, finds a jobseeker by name and by customer id, and opens the competence profile', async ({
  page,
}) => {
  await signInAs(page, 'neuvoja');
  await expect(page).toHaveURL(/\/jobseekers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Työnhakijan haku' })).toBeVisible();

  // No look-up before a purpose is chosen.
  await search(page, 'Kaisa Harjoitus');
  // The text stays out of the address (names do not belong in URLs).
  await expect(page).toHaveURL(/\/jobseekers$/);
  await expect(page.getByText('Valitse tiedonhaun käyttötarkoitus ennen hakua.')).toBeVisible();
  await expect(results(page)).toHaveCount(0);

  await choosePurpose(page);
  await expect(page.getByText('Löytyi 2 työnhakijaa')).toBeVisible();
  await expect(results(page).getByRole('link', { name: 'Harjoitus, Kaisa' })).toHaveCount(2);
  await expect(results(page)).toContainText('KUO-100268');
  await expect(page.locator('[data-view="jobseeker-search"]')).toHaveAttribute(
    'data-ready',
    'true',
  );
  await expectAccessible(page, 'the jobseeker search with results');

  // By customer id: exactly one.
  await search(page, 'KUO-100268');
  await expect(page.getByText('Löytyi 1 työnhakija')).toBeVisible();
  await expect(results(page).getByRole('row')).toHaveCount(2); // the heading row and one
  await expect(results(page)).toContainText('Kuopio');

  // Back returns to the name search, its text in the box.
  await page.goBack();
  await expect(page).toHaveURL(/\/jobseekers$/);
  await expect(page.getByRole('searchbox', { name: 'Nimi tai asiakasnumero' })).toHaveValue(
    'Kaisa Harjoitus',
  );
  await expect(page.getByText('Löytyi 2 työnhakijaa')).toBeVisible();

  // No one found, said so.
  await search(page, 'Zyxwv');
  await expect(
    page.getByText(/Haulla ”Zyxwv” ei löytynyt yhtään alueesi työnhakijaa/),
  ).toBeVisible();

  // The profile.
  await search(page, 'KUO-100268');
  await results(page).getByRole('link', { name: 'Harjoitus, Kaisa' }).click();
  await expect(page).toHaveURL(new RegExp(`/jobseekers/${JOBSEEKER_WITH_MATCHES}$`));
  const view = page.locator('[data-view="jobseeker"]');
  await expect(view).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'Kaisa Harjoitus' })).toBeVisible();
  await expect(page.getByText('Asiakasnumero: KUO-100268 · Tilanne: Työtön')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Takaisin hakuun' })).toHaveAttribute(
    'href',
    '/jobseekers',
  );
  await expect(page.getByText(/Asiantuntijan vahvistama, 15\.8\.2026/)).toBeVisible();
  const skills = page.getByRole('table', { name: 'Osaamiset ja niiden tasot' });
  await expect(skills.getByRole('row')).toHaveCount(12); // the heading row and 11 skills
  await expect(skills.getByRole('row', { name: /ikääntyneiden tarpeet/ })).toContainText(
    'Asiantuntija (5/5)',
  );
  await expect(skills.getByRole('row', { name: /hoitaa ikääntyneitä/ })).toContainText(
    'Hyvä käytännön osaaminen (3/5)',
  );
  await expect(skills.getByRole('row', { name: /käsitellä tietoja/ })).toContainText('8 vuotta');
  await expect(page.getByText('Suomi: äidinkieli')).toBeVisible();
  await expect(page.getByText('Ajokortti, B-luokka')).toBeVisible();
  // Exact: the ranked vacancies below may be titled the same, capitalised.
  await expect(page.getByText('kotihoidon työntekijä', { exact: true })).toBeVisible();
  await expect(page.locator('dd', { hasText: '80 km' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Osaamispuutteet ja niitä täydentävät koulutukset' }),
  ).toHaveAttribute('href', `/jobseekers/${JOBSEEKER_WITH_MATCHES}/gap`);
  await expectAccessible(page, 'the jobseeker view');

  // In Swedish: the texts and the skill names change.
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kompetens' })).toBeVisible();
  const skillsSv = page.getByRole('table', { name: 'Kompetenser och deras nivåer' });
  await expect(skillsSv.getByRole('row', { name: /äldres behov/ })).toContainText('Expert (5/5)');
  await expect(page.getByText('Finska: modersmål')).toBeVisible();
  await expect(page.getByText('Körkort, klass B')).toBeVisible();
  await expect(view).toHaveAttribute('data-ready', 'true');
  await expectAccessible(page, 'the jobseeker view in Swedish');
});

test('the profile asks for a purpose before showing anything', async ({ page }) => {
  await signInAs(page, 'neuvoja');
  await page.goto(`/jobseekers/${JOBSEEKER_WITH_MATCHES}`);
  await expect(
    page.getByText('Valitse tiedonhaun käyttötarkoitus, niin näet työnhakijan tiedot.'),
  ).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await choosePurpose(page, 'Koulutusohjaus');
  await expect(page.getByRole('heading', { level: 1, name: 'Kaisa Harjoitus' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Osaamiset ja niiden tasot' })).toBeVisible();
});

test("another area's counsellor finds no one from Kuopio", async ({ page }) => {
  await signInAs(page, 'neuvoja-joensuu');
  await expect(page).toHaveURL(/\/jobseekers$/);
  await choosePurpose(page);
  await search(page, 'Harjoitus');
  await expect(
    page.getByText(/Haulla ”Harjoitus” ei löytynyt yhtään alueesi työnhakijaa/),
  ).toBeVisible();
  await search(page, 'KUO-100268');
  await expect(
    page.getByText(/Haulla ”KUO-100268” ei löytynyt yhtään alueesi työnhakijaa/),
  ).toBeVisible();
  await expect(results(page)).toHaveCount(0);
  await expectAccessible(page, 'the jobseeker search with no one found');
});
