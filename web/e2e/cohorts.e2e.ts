import { expect, expectAccessible, signInAs, test } from './support';
import { PLANT_BUSINESS_ID } from './views';

test('a counsellor names the closing plant’s people as a cohort, reads its analysis and opens its report', async ({
  page,
}) => {
  const name = `Konepaja ${Date.now()}`;
  await signInAs(page, 'neuvoja');
  await page.getByRole('link', { name: 'Rakennemuutos' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rakennemuutos' })).toBeVisible();
  await expectAccessible(page, 'the cohort list');

  // A business id without its check digit is refused beside its field, and nothing is created.
  await page.getByRole('textbox', { name: 'Nimi' }).fill(name);
  await page.getByRole('textbox', { name: 'Työnantajan Y-tunnus' }).fill('2946015-9');
  await page.getByRole('button', { name: 'Luo kohortti' }).click();
  await expect(
    page.getByText(/input\.employerBusinessId: must be a Finnish business ID/),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/cohorts$/);

  await page.getByRole('textbox', { name: 'Työnantajan Y-tunnus' }).fill(PLANT_BUSINESS_ID);
  await page.getByRole('button', { name: 'Luo kohortti' }).click();
  await expect(page).toHaveURL(/\/cohorts\/[0-9a-f-]{36}$/);

  // The analysis lists persons: it asks for the purpose first.
  await expect(page.getByText('Analyysi luettelee henkilöitä')).toBeVisible();
  await page.getByRole('button', { name: /Tiedonhaun käyttötarkoitus/ }).click();
  await page.getByRole('option', { name: 'Palvelutarpeen arviointi' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: `Rakennemuutos: ${name}` }),
  ).toBeVisible();
  await expect(page.locator('[data-view="cohort"][data-ready="true"]')).toBeVisible();
  await expect(page.locator('[data-part="cohort-lead"]')).toHaveText(
    /^Jäseniä 96: \d+ sopii johonkin työpaikkaan, \d+ ei sovi mihinkään\.$/,
  );
  const byMunicipality = page.getByRole('table', {
    name: 'Mihin ryhmä voisi työllistyä, kunnittain',
  });
  await expect(byMunicipality).toBeVisible();
  const first = byMunicipality.locator('tbody tr').first();
  await expect(first.locator('td').first()).not.toBeEmpty();
  await expect(first.locator('td').nth(1)).toHaveText(/^(\d[\d\s]*|–)$/);
  await expectAccessible(page, 'the cohort analysis');

  await page.getByRole('button', { name: 'Raportti' }).click();
  const report = page.frameLocator('iframe[title="Raportti"]');
  await expect(
    report.getByRole('heading', { level: 1, name: `Rakennemuutos: ${name}` }),
  ).toBeVisible();

  // Print reaches the report's own window (the dialog itself is the browser's).
  await page.locator('iframe[title="Raportti"]').evaluate((frame: HTMLIFrameElement) => {
    const printed = frame.contentWindow as Window & { printed?: boolean };
    printed.print = () => {
      printed.printed = true;
    };
  });
  await page.getByRole('button', { name: 'Tulosta' }).click();
  expect(
    await page
      .locator('iframe[title="Raportti"]')
      .evaluate(
        (frame: HTMLIFrameElement) => (frame.contentWindow as { printed?: boolean }).printed,
      ),
  ).toBe(true);
});
