import { Page } from '@playwright/test';
import { expect, expectAccessible, graphqlAs, signInAs, test, tokenFor } from './support';

const AD_TEXT =
  'Haemme fysioterapeuttia kuntoutustiimiimme. Tehtäviin kuuluu kuntoutus, asiakkaiden ohjaus ja potilasasiakirjojen kirjaaminen.';

interface Profile {
  revision: number;
  skills: { skillUri: string; importance: string; requiredLevel: number }[];
  languages: { language: string; minLevel: string; essential: boolean }[];
  licences: string[];
  minEducationLevel: number | null;
  minExperienceMonths: number | null;
}

const PROFILE_FIELDS =
  'revision skills { skillUri importance requiredLevel } languages { language minLevel essential } licences minEducationLevel minExperienceMonths';

/** The test's own GraphQL calls, as the employer, past the console. */
function api(page: Page, token: string) {
  return <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    graphqlAs<T>(page.request, token, query, variables);
}

test('an employer edits requirements from the ad text, saves a revision and is told when someone else saved first', async ({
  page,
}) => {
  // One long flow on a machine shared with other builds: axe on the full editor takes a while.
  test.setTimeout(240_000);
  const call = api(page, await tokenFor(page, 'tyonantaja-1'));
  const { vacancies } = await call<{
    vacancies: { edges: { node: { id: string; title: string; requirements: Profile } }[] };
  }>(`{ vacancies(first: 50) { edges { node { id title requirements { ${PROFILE_FIELDS} } } } } }`);
  // Employer-001's physiotherapist vacancy: the ad text below speaks of its work.
  const vacancy = vacancies.edges.find((e) => e.node.title === 'Fysioterapeutti')!.node;
  const before = vacancy.requirements;
  const { requirementInsights: insights } = await call<{
    requirementInsights: {
      pool: number | null;
      requirements: { label: string; moreIfDropped: number | null }[];
    };
  }>(
    `query ($id: ID!) { requirementInsights(vacancyId: $id, language: FI) { pool requirements { label moreIfDropped } } }`,
    { id: vacancy.id },
  );

  await signInAs(page, 'tyonantaja-1');
  await page.goto(`/vacancies/${vacancy.id}/requirements`);
  const view = page.locator('[data-view="requirement-editor"][data-ready="true"]');
  // The insights count the pool for every requirement: slow on the first call of a fresh server.
  await expect(view).toBeVisible({ timeout: 45_000 });
  await expect(
    page.getByRole('heading', { level: 1, name: `Osaamisvaatimukset: ${vacancy.title}` }),
  ).toBeVisible();
  await expect(page.getByText(`Muokkaat versiota ${before.revision}`)).toBeVisible();

  // The pool of the saved profile, and what each requirement costs as a table beside the chart.
  const pool = page.getByTestId('pool-summary');
  if (insights.pool != null)
    await expect(pool).toContainText(
      `Tallennetut vaatimukset (versio ${before.revision}) täyttää ${insights.pool} työnhakija`,
    );
  const costs = page.getByRole('table', { name: /Hakijamäärä, jos vaatimuksesta luovuttaisiin/ });
  await expect(costs).toBeVisible();
  await expect(page.getByRole('img', { name: /Pylväskaavio/ })).toBeVisible();
  const costly = insights.requirements.find((r) => r.moreIfDropped != null && r.moreIfDropped > 0);
  if (costly)
    await expect(costs.getByRole('row', { name: new RegExp(costly.label) })).toContainText(
      `${costly.moreIfDropped} lisää`,
    );

  // Paste the ad; keep two suggestions and drop one.
  await page.getByLabel('Työpaikkailmoituksen teksti').fill(AD_TEXT);
  await page.getByRole('button', { name: 'Ehdota vaatimuksia' }).click();
  // Linking the ad text to skills takes a while on a busy machine.
  await expect(page.getByRole('status').filter({ hasText: /\d+ ehdotusta\./ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/Perustelu: .*ilmoitusteksti mainitsee/).first()).toBeVisible();
  const keepButtons = page.getByRole('button', { name: /^Pidä / });
  const kept: string[] = [];
  for (let i = 0; i < 2; i++) {
    const name = (await keepButtons.first().getAttribute('aria-label'))!.replace(/^Pidä /, '');
    await keepButtons.first().click();
    kept.push(name);
  }
  const droppedName = (await keepButtons.first().getAttribute('aria-label'))!.replace(/^Pidä /, '');
  await page.getByRole('button', { name: `Hylkää ${droppedName}`, exact: true }).click();
  await expect(page.getByRole('button', { name: `Peru hylkäys: ${droppedName}` })).toBeVisible();

  const skills = page.getByRole('table', { name: 'Osaaminen' });
  for (const name of kept)
    await expect(skills.getByRole('row', { name: new RegExp(escape(name)) })).toBeVisible();
  await expect(skills.getByRole('row', { name: new RegExp(escape(droppedName)) })).toHaveCount(0);
  await expect(skills.getByRole('row')).toHaveCount(before.skills.length + 2 + 1);
  await expect(page.getByText('Sinulla on tallentamattomia muutoksia.')).toBeVisible();
  // The server counts the draft as it stands (sent ~300 ms after the last edit), with the saved
  // revision's pool beside it. The figure is checked against the API once the draft is saved.
  const draftPool = page.getByTestId('pool-draft');
  await expect(draftPool).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(600);
  await expect(pool).not.toContainText('päivitetään', { timeout: 30_000 });
  const shownDraftPool = await draftPool.textContent();
  await expect(page.getByTestId('pool-saved')).toHaveText(
    `tallennettu versio: ${insights.pool ?? 'ei näytetä'}`,
  );
  await expectAccessible(page, 'the requirement editor with suggestions');

  // Save: a new revision with the two kept skills.
  await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
  await expect(page.getByText(`Tallennettu versioksi ${before.revision + 1}.`)).toBeVisible();
  await expect(pool).toContainText(`(versio ${before.revision + 1})`);
  const afterSave = await call<{ vacancy: { requirements: Profile } }>(
    `query ($id: ID!) { vacancy(id: $id) { requirements { ${PROFILE_FIELDS} } } }`,
    { id: vacancy.id },
  );
  expect(afterSave.vacancy.requirements.revision).toBe(before.revision + 1);
  expect(afterSave.vacancy.requirements.skills).toHaveLength(before.skills.length + 2);
  // What the editor showed for the draft is what requirementInsights counts for that draft (for
  // an employer perturbed by the cell key of the same people, so the same figure again).
  const { revision: _revision, ...savedInput } = afterSave.vacancy.requirements;
  const { requirementInsights: drafted } = await call<{
    requirementInsights: { pool: number | null };
  }>(
    `query ($id: ID!, $draft: RequirementProfileInput) { requirementInsights(vacancyId: $id, draft: $draft) { pool } }`,
    { id: vacancy.id, draft: savedInput },
  );
  expect(shownDraftPool).toBe(
    drafted.pool == null
      ? 'Muokattujen vaatimusten hakijamäärää ei näytetä (alle 5).'
      : `Muokatut vaatimukset täyttää ${drafted.pool} työnhakija${drafted.pool === 1 ? '' : 'a'} (ei vielä tallennettu).`,
  );

  // Someone else saves next (through the API); the console's save from the older revision conflicts.
  const current = afterSave.vacancy.requirements;
  await call(
    `mutation ($id: ID!, $base: Int!, $input: RequirementProfileInput!) {
       updateRequirementProfile(vacancyId: $id, baseRevision: $base, input: $input) { revision }
     }`,
    {
      id: vacancy.id,
      base: current.revision,
      input: {
        skills: current.skills,
        languages: current.languages,
        licences: current.licences,
        minEducationLevel: current.minEducationLevel,
        minExperienceMonths: 24,
      },
    },
  );
  // Suomi.fi's checkbox label covers the input: click it as a person would.
  await page.getByText('Trukkikortti', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Trukkikortti' })).toBeChecked();
  await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toContainText('Joku muu ehti tallentaa ensin');
  await expect(conflict).toContainText(`aloitit versiosta ${current.revision}`);
  await expect(page.getByRole('checkbox', { name: 'Trukkikortti' })).toBeChecked();
  await expectAccessible(page, 'the requirement editor with a conflict');
  await conflict.getByRole('button', { name: 'Lataa uusin versio' }).click();
  await expect(conflict).toContainText(`Uusin versio on ${current.revision + 1}`);
  await expect(conflict).toContainText('Siinä on muutettu aloituksesi jälkeen: kokemus.');
  await conflict.getByRole('button', { name: /^Pidä omat muutokseni/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Trukkikortti' })).toBeChecked();
  await page.getByRole('button', { name: 'Tallenna uutena versiona' }).click();
  await expect(page.getByText(`Tallennettu versioksi ${current.revision + 2}.`)).toBeVisible();
  const final = await call<{ vacancy: { requirements: Profile } }>(
    `query ($id: ID!) { vacancy(id: $id) { requirements { ${PROFILE_FIELDS} } } }`,
    { id: vacancy.id },
  );
  expect(final.vacancy.requirements.licences).toContain('forklift_licence');
  // Keeping one's edits over the latest revision sends the whole draft: its experience was none.
  expect(final.vacancy.requirements.minExperienceMonths).toBeNull();

  // Swedish.
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Kompetenskrav: ${vacancy.title}` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sökandepool' })).toBeVisible();
  await expect(pool).toContainText(`uppfyller de sparade kraven (version ${current.revision + 2})`);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
