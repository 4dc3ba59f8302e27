import { Page } from '@playwright/test';
import { expect, expectAccessible, graphqlAs, signInAs, test, tokenFor } from './support';

/** How long a view may take to show its data (the machines running these tests are shared). */
const READY = { timeout: 30_000 };

interface OwnVacancy {
  id: string;
  title: string;
  requirements: { revision: number };
}

async function ownVacancies(page: Page): Promise<OwnVacancy[]> {
  const token = await tokenFor(page, 'tyonantaja-1');
  const data = await graphqlAs<{ vacancies: { edges: { node: OwnVacancy }[] } }>(
    page.request,
    token,
    '{ vacancies(first: 100, orderBy: NEWEST) { edges { node { id title requirements { revision } } } } }',
  );
  return data.vacancies.edges.map((edge) => edge.node);
}

/** The names of a vacancy's required skills and licences as the server gives them. */
async function requirementNames(page: Page, vacancyId: string, language: 'FI' | 'SV') {
  const token = await tokenFor(page, 'tyonantaja-1');
  const data = await graphqlAs<{
    requirementInsights: { requirements: { kind: string; label: string }[] };
  }>(
    page.request,
    token,
    'query($id: ID!, $language: Language!) { requirementInsights(vacancyId: $id, language: $language) { requirements { kind label } } }',
    { id: vacancyId, language },
  );
  // The skills' names (the skills table); licences are listed apart, by the console's names.
  return data.requirementInsights.requirements
    .filter((requirement) => requirement.kind === 'SKILL')
    .map((requirement) => requirement.label);
}

test('an employer sees only their own vacancies and a vacancy with its requirements by name', async ({
  page,
}) => {
  const own = await ownVacancies(page);
  expect(own.length).toBeGreaterThan(0);
  // A vacancy of another employer, as a counsellor finds it.
  const counsellor = await tokenFor(page, 'neuvoja');
  const others = await graphqlAs<{ vacancies: { edges: { node: { id: string } }[] } }>(
    page.request,
    counsellor,
    '{ vacancies(first: 100) { edges { node { id } } } }',
  );
  const ownIds = new Set(own.map((vacancy) => vacancy.id));
  const someoneElses = others.vacancies.edges.find((edge) => !ownIds.has(edge.node.id))!.node.id;

  await signInAs(page, 'tyonantaja-1');
  await expect(page).toHaveURL(/\/vacancies$/);
  const list = page.locator('[data-view="vacancies"][data-ready="true"]');
  await expect(list).toBeVisible(READY);
  await expect(page.getByRole('heading', { level: 1, name: 'Omat työpaikat' })).toBeVisible();
  await expect(list.locator('caption')).toHaveText(`${own.length} työpaikkaa`);
  await expect(list.locator('tbody tr')).toHaveCount(own.length);
  for (const vacancy of own)
    await expect(list.locator(`a[href="/vacancies/${vacancy.id}"]`)).toHaveText(vacancy.title);
  await expect(list.locator(`a[href="/vacancies/${someoneElses}"]`)).toHaveCount(0);
  await expect(list.getByRole('link', { name: /^Muokkaa vaatimuksia/ })).toHaveCount(own.length);
  await expectAccessible(page, 'the vacancy list');

  const opened = own[0]!;
  await list.locator(`a[href="/vacancies/${opened.id}"]`).click();
  const view = page.locator('[data-view="vacancy"][data-ready="true"]');
  await expect(view).toBeVisible(READY);
  await expect(page.getByRole('heading', { level: 1, name: opened.title })).toBeVisible();
  await expect(view.getByText('Kallaveden Palvelut 1 Oy')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Osaamisvaatimukset' })).toBeVisible();
  const skills = view.getByRole('table', { name: /vaadittu(a)? osaami/ });
  for (const name of await requirementNames(page, opened.id, 'FI'))
    await expect(skills.getByRole('cell', { name, exact: true })).toBeVisible();
  await expect(skills.getByRole('cell', { name: 'Välttämätön' }).first()).toBeVisible();
  await expect(view.getByText(/^suomi, vähintään C1/)).toBeVisible();
  await expect(view.getByRole('link', { name: 'Muokkaa vaatimuksia' })).toHaveAttribute(
    'href',
    `/vacancies/${opened.id}/requirements`,
  );
  await expectAccessible(page, 'the vacancy view');

  // In Swedish the texts and the skill names change.
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kravprofil' })).toBeVisible();
  const swedish = view.getByRole('table', { name: /kompetens(er)? som krävs/ });
  for (const name of await requirementNames(page, opened.id, 'SV'))
    await expect(swedish.getByRole('cell', { name, exact: true })).toBeVisible();
  await expect(swedish.getByRole('cell', { name: 'Nödvändig' }).first()).toBeVisible();
  await expect(view.getByText(/^finska, minst C1/)).toBeVisible();
});

test('an employer compares two revisions of a requirement profile', async ({ page }) => {
  const token = await tokenFor(page, 'tyonantaja-1');
  const vacancy = (await ownVacancies(page)).at(-1)!;
  // The fixtures have one revision: the test saves a second one without the last skill.
  const { vacancy: current } = await graphqlAs<{
    vacancy: {
      requirements: {
        revision: number;
        skills: { skillUri: string; importance: string; requiredLevel: number }[];
        languages: { language: string; minLevel: string; essential: boolean }[];
        licences: string[];
        minEducationLevel: number | null;
        minExperienceMonths: number | null;
      };
    };
  }>(
    page.request,
    token,
    'query($id: ID!) { vacancy(id: $id) { requirements { revision skills { skillUri importance requiredLevel } languages { language minLevel essential } licences minEducationLevel minExperienceMonths } } }',
    { id: vacancy.id },
  );
  const { revision, ...profile } = current.requirements;
  await graphqlAs(
    page.request,
    token,
    'mutation($id: ID!, $base: Int!, $input: RequirementProfileInput!) { updateRequirementProfile(vacancyId: $id, baseRevision: $base, input: $input) { revision } }',
    { id: vacancy.id, base: revision, input: { ...profile, skills: profile.skills.slice(0, -1) } },
  );
  const latest = revision + 1;
  const { compareRevisions: expected } = await graphqlAs<{
    compareRevisions: { changes: string[]; poolFrom: number | null; poolTo: number | null };
  }>(
    page.request,
    token,
    'query($id: ID!, $from: Int!, $to: Int!) { compareRevisions(vacancyId: $id, from: $from, to: $to, language: FI) { changes poolFrom poolTo } }',
    { id: vacancy.id, from: latest - 1, to: latest },
  );
  expect(expected.changes.length).toBe(1);

  await signInAs(page, 'tyonantaja-1');
  await page.locator(`a[href="/vacancies/${vacancy.id}"]`).click();
  await expect(page.locator('[data-view="vacancy"][data-ready="true"]')).toBeVisible(READY);
  await page.getByRole('link', { name: 'Vertaa versioita' }).click();
  const view = page.locator('[data-view="revisions"][data-ready="true"]');
  await expect(view).toBeVisible(READY);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Vaatimusversioiden vertailu' }),
  ).toBeVisible();
  // By default the current revision against the one before it.
  await expect(page.getByRole('button', { name: /Aiempi versio/ })).toContainText(
    `Versio ${latest - 1}`,
  );
  await expect(page.getByRole('button', { name: /Myöhempi versio/ })).toContainText(
    `Versio ${latest} (nykyinen)`,
  );
  await expect(view.getByRole('listitem')).toHaveText(expected.changes);
  await expect(view.getByText(expected.changes[0]!)).toContainText('Poistettu osaaminen');
  const pool = view.getByRole('table', { name: 'Kuhunkin versioon sopivat työnhakijat' });
  const shown = (value: number | null) => (value == null ? 'alle 5 (ei näytetä)' : String(value));
  await expect(pool.getByRole('row').nth(1)).toContainText(shown(expected.poolFrom));
  await expect(pool.getByRole('row').nth(2)).toContainText(shown(expected.poolTo));
  if (expected.poolFrom != null && expected.poolTo != null) {
    const change = expected.poolTo - expected.poolFrom;
    await expect(view.locator('strong')).toHaveText(
      change > 0
        ? `Ehdokasjoukko kasvoi ${change} työnhakijalla.`
        : change < 0
          ? `Ehdokasjoukko pieneni ${-change} työnhakijalla.`
          : 'Ehdokasjoukon koko ei muuttunut.',
    );
  }
  await expect(view.locator('.recharts-bar-rectangle')).toHaveCount(2);
  await expectAccessible(page, 'the revision comparison');

  // The same revision on both sides is refused before asking the server.
  await page.getByRole('button', { name: /Aiempi versio/ }).click();
  await page.getByRole('option', { name: `Versio ${latest} (nykyinen)` }).click();
  await expect(view.getByText('Valitse kaksi eri versiota, aiempi ensin.')).toBeVisible();
});

test('a counsellor finds a vacancy of the area by its title and pages through the list', async ({
  page,
}) => {
  await signInAs(page, 'neuvoja');
  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: 'Työpaikat' })
    .click();
  const list = page.locator('[data-view="vacancies"][data-ready="true"]');
  await expect(list).toBeVisible(READY);
  await expect(page.getByRole('heading', { level: 1, name: 'Työpaikat' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /oman työllisyysalueeni/ })).toBeChecked();
  await expect(list.getByText(/^Sivu 1\/\d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'Seuraava sivu' }).click();
  await expect(list.getByText(/^Sivu 2\/\d+$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edellinen sivu' })).toBeEnabled();

  await page.getByRole('searchbox', { name: 'Hae työpaikkoja' }).fill('hitsaaja');
  await page.getByRole('button', { name: 'Hae', exact: true }).click();
  await expect(page).toHaveURL(/q=hitsaaja/);
  await expect(list.locator('caption')).toHaveText('2 työpaikkaa');
  await expect(list.getByRole('link', { name: 'Hitsaaja, vakituinen', exact: true })).toBeVisible();
  await expect(list.getByRole('cell', { name: 'Rauhalahden Rakennus 22 Oy' })).toBeVisible();
  // A counsellor does not edit an employer's requirements from here.
  await expect(list.getByRole('link', { name: /^Muokkaa vaatimuksia/ })).toHaveCount(0);
  await expectAccessible(page, 'the vacancy search');

  await list.getByRole('link', { name: 'Hitsaaja, vakituinen', exact: true }).click();
  const view = page.locator('[data-view="vacancy"][data-ready="true"]');
  await expect(view).toBeVisible(READY);
  await expect(page.getByRole('heading', { level: 1, name: 'Hitsaaja, vakituinen' })).toBeVisible();
  await expect(view.getByText('Rauhalahden Rakennus 22 Oy')).toBeVisible();
  await expect(view.getByRole('link', { name: 'Muokkaa vaatimuksia' })).toHaveCount(0);
  await expect(view.getByRole('link', { name: 'Vertaa versioita' })).toBeVisible();
  await expectAccessible(page, 'the vacancy view of a counsellor');
});
