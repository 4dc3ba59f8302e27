import {
  expect,
  expectAccessible,
  graphqlAs,
  JOBSEEKER_WITH_MATCHES,
  signInAs,
  test,
  tokenFor,
} from './support';

// Each flow walks several views on a shared, busy machine: more than the default minute.
test.describe.configure({ timeout: 120_000 });

const percentFi = (share: number) =>
  new Intl.NumberFormat('fi-FI', { style: 'percent', maximumFractionDigits: 0 }).format(share);

test('a counsellor sees why a local vacancy fits a jobseeker, records "proposed" and asks for near misses', async ({
  page,
}) => {
  const token = await tokenFor(page, 'neuvoja');
  const { matchesForJobseeker } = await graphqlAs<{
    matchesForJobseeker: { edges: { node: { vacancyId: string; source: string } }[] };
  }>(
    page.request,
    token,
    `query($id: ID!) { matchesForJobseeker(jobseekerId: $id, first: 10, includeExternal: false) {
       edges { node { vacancyId source } } } }`,
    { id: JOBSEEKER_WITH_MATCHES },
  );
  const vacancyId = matchesForJobseeker.edges.find((e) => e.node.source === 'LOCAL')!.node
    .vacancyId;
  const { explainMatch } = await graphqlAs<{
    explainMatch: {
      score: number;
      matchedSkills: { skill: { preferredLabel: string } }[];
      missingSkills: { skill: { preferredLabel: string } }[];
      vacancy: { title: string };
    };
  }>(
    page.request,
    token,
    `query($j: ID!, $v: ID!) { explainMatch(jobseekerId: $j, vacancyId: $v) { score
       matchedSkills { skill { preferredLabel(language: FI) } }
       missingSkills { skill { preferredLabel(language: FI) } } vacancy { title } } }`,
    { j: JOBSEEKER_WITH_MATCHES, v: vacancyId },
  );

  await signInAs(page, 'neuvoja');
  await page.goto(`/jobseekers/${JOBSEEKER_WITH_MATCHES}/vacancies/${vacancyId}`);
  const view = page.locator('[data-view="match-explanation"]');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sopivuuden perustelut' }),
  ).toBeVisible();
  // Personal data waits for the purpose of the look-up.
  await page.getByRole('button', { name: /Tiedonhaun käyttötarkoitus/ }).click();
  await page.getByRole('option', { name: 'Asiakastapaaminen' }).click();
  await expect(view).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

  await expect(
    page.getByRole('heading', { name: `Työpaikka: ${explainMatch.vacancy.title}` }),
  ).toBeVisible();
  await expect(view.locator('[data-part="score"]')).toHaveText(percentFi(explainMatch.score));
  await expect(view.locator('[data-part="summary"]')).toContainText('Sopivuus');
  // The bar and its text alternative, whose contributions add up to the score.
  await expect(
    view.locator('[data-chart="breakdown"] .recharts-bar-rectangle').first(),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Sopivuuden osatekijät' });
  await expect(table.getByRole('row', { name: /Osaaminen/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Yhteensä/ })).toContainText(
    percentFi(explainMatch.score),
  );
  // Skills by name, not by URI.
  await expect(
    view.getByText(explainMatch.matchedSkills[0]!.skill.preferredLabel, { exact: true }).first(),
  ).toBeVisible();
  if (explainMatch.missingSkills[0])
    await expect(
      view.getByText(explainMatch.missingSkills[0].skill.preferredLabel, { exact: true }).first(),
    ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ehdottomat vaatimukset' })).toBeVisible();
  await expect(view.getByText(/http:\/\/data\.europa\.eu/)).toHaveCount(0);
  await expectAccessible(page, 'the explanation of a match for a jobseeker');

  // One click records the outcome; the server has it.
  await page.getByRole('button', { name: 'Ehdotettu', exact: true }).click();
  await expect(view.locator('[data-part="outcome-state"]')).toContainText('Kirjattu: Ehdotettu');
  const { matchOutcomeSummary } = await graphqlAs<{
    matchOutcomeSummary: { status: string; count: number | null }[];
  }>(page.request, token, `query($v: ID) { matchOutcomeSummary(vacancyId: $v) { status count } }`, {
    v: vacancyId,
  });
  expect(matchOutcomeSummary.find((row) => row.status === 'PROPOSED')?.count).toBeGreaterThan(0);

  // A rejection asks for its reason first.
  await page.getByRole('button', { name: 'Hylätty', exact: true }).click();
  await page.getByRole('button', { name: 'Kirjaa hylkäys' }).click();
  await expect(view.getByText('Kirjoita hylkäyksen syy.').first()).toBeVisible();
  await page.getByLabel(/Hylkäyksen syy/).fill('Hakija otti toisen työn vastaan.');
  await page.getByRole('button', { name: 'Kirjaa hylkäys' }).click();
  await expect(view.locator('[data-part="outcome-state"]')).toContainText('Kirjattu: Hylätty');
  await expect(view.locator('[data-part="outcome-state"]')).toContainText(
    'Syy: Hakija otti toisen työn vastaan.',
  );

  // Near misses only when asked for.
  await page.getByRole('button', { name: 'Näytä lähes sopivat' }).click();
  await expect(view.locator('[data-part="near-misses"] li').first()).toBeVisible();
  await expectAccessible(page, 'the explanation with near misses and the rejection form');

  // Another language: the console's texts and the server's summary change.
  const finnishSummary = await view.locator('[data-part="summary"]').innerText();
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Motivering till matchningen' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Matchningens delar' })).toBeVisible();
  await expect(view.locator('[data-part="summary"]')).not.toHaveText(finnishSummary);
  await expect(page.getByRole('button', { name: 'Föreslagen', exact: true })).toBeVisible();
});

test('an employer sees the pseudonymised candidates of their own vacancy and one explanation', async ({
  page,
}) => {
  const token = await tokenFor(page, 'tyonantaja-1');
  const { vacancies } = await graphqlAs<{ vacancies: { edges: { node: { id: string } }[] } }>(
    page.request,
    token,
    `{ vacancies(first: 20) { edges { node { id } } } }`,
  );
  let vacancyId = '';
  let best: { score: number; jobseeker: { id: string | null; pseudonym: string } } | undefined;
  for (const { node } of vacancies.edges) {
    const { matchesForVacancy } = await graphqlAs<{
      matchesForVacancy: {
        edges: { node: { score: number; jobseeker: { id: string | null; pseudonym: string } } }[];
      };
    }>(
      page.request,
      token,
      `query($v: ID!) { matchesForVacancy(vacancyId: $v, first: 1) { edges { node { score jobseeker { id pseudonym } } } } }`,
      { v: node.id },
    );
    best = matchesForVacancy.edges[0]?.node;
    vacancyId = node.id;
    if (best) break;
  }
  expect(best, 'an employer-001 vacancy with candidates').toBeDefined();
  expect(best!.jobseeker.id).toBeNull();

  await signInAs(page, 'tyonantaja-1');
  await page.goto(`/vacancies/${vacancyId}`);
  const list = page.locator('[data-view="candidate-matches"]');
  await expect(list).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(list.getByRole('heading', { name: 'Sopivat hakijat' })).toBeVisible();
  await expect(list.getByText('Hakijat näytetään pseudonyymeinä.')).toBeVisible();
  const first = list.getByRole('link', { name: `Hakija ${best!.jobseeker.pseudonym}` });
  await expect(first).toBeVisible();
  await expect(list.locator('li').first()).toContainText(percentFi(best!.score));
  await expectAccessible(page, "a vacancy's candidates for an employer");

  await first.click();
  await expect(page).toHaveURL(
    new RegExp(
      `/vacancies/${vacancyId}/candidates/${encodeURIComponent(best!.jobseeker.pseudonym)}$`,
    ),
  );
  const view = page.locator('[data-view="match-explanation"]');
  await expect(view).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(view.getByText(`Hakija (pseudonyymi): ${best!.jobseeker.pseudonym}`)).toBeVisible();
  await expect(view.locator('[data-part="score"]')).toHaveText(percentFi(best!.score));
  // No purpose chooser and no personal data for an employer.
  await expect(page.getByRole('button', { name: /Tiedonhaun käyttötarkoitus/ })).toHaveCount(0);
  await expect(
    view.locator('[data-chart="breakdown"] .recharts-bar-rectangle').first(),
  ).toBeVisible();
  await expectAccessible(page, 'the explanation of a candidate for an employer');

  await page.getByRole('button', { name: 'Haastateltu', exact: true }).click();
  await expect(view.locator('[data-part="outcome-state"]')).toContainText('Kirjattu: Haastateltu');

  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /English/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Why this match' })).toBeVisible();
  await expect(view.getByText(`Candidate (pseudonym): ${best!.jobseeker.pseudonym}`)).toBeVisible();
});
