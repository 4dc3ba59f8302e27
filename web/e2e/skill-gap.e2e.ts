import { Page } from '@playwright/test';
import {
  expect,
  expectAccessible,
  graphqlAs,
  JOBSEEKER_WITH_MATCHES,
  signInAs,
  test,
  tokenFor,
} from './support';

/** A GraphQL call the test makes itself, as the counsellor, to know what the view should show. */
async function api<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  return graphqlAs<T>(page.request, await tokenFor(page, 'neuvoja'), query, variables);
}

interface Gap {
  skillGap: { target: string; missing: { label: string }[] };
}

const GAP_QUERY = `query($j: ID!, $v: ID, $o: ID, $l: Language!) {
  skillGap(jobseekerId: $j, vacancyId: $v, occupationUri: $o, language: $l) {
    target missing { label }
  }
}`;

/** The jobseeker's local vacancies among their matches, best first. */
async function localVacancies(page: Page): Promise<string[]> {
  const matches = await api<{
    matchesForJobseeker: { edges: { node: { vacancy: { id: string } | null } }[] };
  }>(
    page,
    `query($j: ID!) { matchesForJobseeker(jobseekerId: $j, first: 20, includeExternal: false) {
      edges { node { vacancy { id } } } } }`,
    { j: JOBSEEKER_WITH_MATCHES },
  );
  const ids = matches.matchesForJobseeker.edges.flatMap(({ node }) =>
    node.vacancy ? [node.vacancy.id] : [],
  );
  expect(ids.length).toBeGreaterThan(0);
  return ids;
}

/** One of the jobseeker's local vacancies with a missing skill that a suggested training raises. */
async function vacancyWithTraining(page: Page) {
  const { trainingSuggestions } = await api<{
    trainingSuggestions: { raises: { vacancyId: string; before: number; after: number }[] }[];
  }>(
    page,
    `query($j: ID!) { trainingSuggestions(jobseekerId: $j, first: 8, language: FI) {
      raises { vacancyId before after } } }`,
    { j: JOBSEEKER_WITH_MATCHES },
  );
  const raises = trainingSuggestions.flatMap((suggestion) => suggestion.raises);
  for (const vacancyId of await localVacancies(page)) {
    const raise = raises.find((r) => r.vacancyId === vacancyId);
    if (!raise) continue;
    const gap = await api<Gap>(page, GAP_QUERY, {
      j: JOBSEEKER_WITH_MATCHES,
      v: vacancyId,
      l: 'FI',
    });
    if (gap.skillGap.missing.length > 0) return { vacancyId, gap, raise };
  }
  throw new Error('no local vacancy of the jobseeker has a missing skill and a training');
}

// The machine running the suite may be busy: the first data of a view gets more time.
const DATA = { timeout: 30_000 };

test.describe.configure({ timeout: 180_000 });

const percent = (share: number) => `${Math.round(share * 100)}\\s%`;

async function choosePurpose(page: Page) {
  await page.getByRole('button', { name: /Tiedonhaun käyttötarkoitus/ }).click();
  await page.getByRole('option', { name: 'Asiakastapaaminen' }).click();
}

test('a counsellor sees a jobseeker’s skill gap for one of their vacancies and the trainings that would close it', async ({
  page,
}) => {
  await signInAs(page, 'neuvoja');
  const { vacancyId, gap, raise } = await vacancyWithTraining(page);
  await page.goto(`/jobseekers/${JOBSEEKER_WITH_MATCHES}/gap?vacancy=${vacancyId}`);
  const view = page.locator('[data-view="skill-gap"]');

  // Nothing personal is asked before a purpose is chosen.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Osaamisvaje ja koulutukset' }),
  ).toBeVisible();
  await expect(
    page.getByText('Valitse tiedonhaun käyttötarkoitus, niin näet osaamisvajeen.'),
  ).toBeVisible();
  await expect(view).toHaveAttribute('data-ready', 'false');

  await choosePurpose(page);
  await expect(view).toHaveAttribute('data-ready', 'true', DATA);
  await expect(
    page.getByRole('heading', { level: 2, name: `Osaamisvaje: ${gap.skillGap.target}` }),
  ).toBeVisible();
  await expect(page.getByText(`Verrataan työpaikkaan ”${gap.skillGap.target}”.`)).toBeVisible();
  await expect(page.getByText(/^Täyttää \d+\/\d+ kohteen ”/)).toBeVisible();

  // The missing skills by name, with the levels asked and held.
  const missingTable = page.getByRole('table', { name: 'Puuttuva osaaminen' });
  for (const { label } of gap.skillGap.missing)
    await expect(missingTable.getByRole('cell', { name: label, exact: true })).toBeVisible();
  await expect(missingTable.getByRole('cell', { name: 'ei hallitse' }).first()).toBeVisible();
  await expect(missingTable.getByRole('cell', { name: /^taso \d\/5$/ }).first()).toBeVisible();

  // The trainings, those covering this gap first, with the before and after of the matches.
  await expect(
    page.getByRole('heading', { level: 2, name: 'Koulutukset, jotka kaventaisivat vajetta' }),
  ).toBeVisible();
  const firstTraining = page.locator('.osaamo-gap-training').first();
  await expect(firstTraining.getByText(/^Kattaa tästä vajeesta: /)).toBeVisible(DATA);
  await expect(
    page
      .getByText(
        new RegExp(
          `^Sopivuus tähän työpaikkaan: nyt ${percent(raise.before)}, koulutuksen jälkeen ${percent(raise.after)}\\.$`,
        ),
      )
      .first(),
  ).toBeVisible();
  await expect(
    firstTraining.getByText(/^Nostaa \d+ työpaikan sopivuuden vähintään 60\s%:iin\.$|^Ei nosta/),
  ).toBeVisible();
  // The chart's text alternative: a table of the same figures.
  const raisesTable = firstTraining.getByRole('table', { name: /^Sopivuus ennen koulutusta/ });
  await expect(
    raisesTable.getByRole('columnheader', { name: 'Koulutuksen jälkeen' }),
  ).toBeVisible();
  await expect(raisesTable.getByRole('row')).not.toHaveCount(1);
  await expect(
    firstTraining.locator('.osaamo-gap-chart .recharts-bar-rectangle').first(),
  ).toBeVisible();

  await expectAccessible(page, 'the skill gap for a vacancy');
});

test('a counsellor compares the jobseeker with an occupation chosen by name, goes back to the vacancy and switches language', async ({
  page,
}) => {
  await signInAs(page, 'neuvoja');
  const [vacancyId] = await localVacancies(page);
  const vacancyGap = await api<Gap>(page, GAP_QUERY, {
    j: JOBSEEKER_WITH_MATCHES,
    v: vacancyId,
    l: 'FI',
  });
  const found = await api<{ searchOccupations: { occupation: { uri: string; fi: string } }[] }>(
    page,
    `query { searchOccupations(text: "kotihoidon työntekijä", first: 1, language: FI) {
      occupation { uri fi: preferredLabel(language: FI) } } }`,
    {},
  );
  const occupation = found.searchOccupations[0]!.occupation;
  const occupationGap = {
    fi: await api<Gap>(page, GAP_QUERY, { j: JOBSEEKER_WITH_MATCHES, o: occupation.uri, l: 'FI' }),
    sv: await api<Gap>(page, GAP_QUERY, { j: JOBSEEKER_WITH_MATCHES, o: occupation.uri, l: 'SV' }),
  };

  await page.goto(`/jobseekers/${JOBSEEKER_WITH_MATCHES}/gap?vacancy=${vacancyId}`);
  await choosePurpose(page);
  await expect(
    page.getByRole('heading', { level: 2, name: `Osaamisvaje: ${vacancyGap.skillGap.target}` }),
  ).toBeVisible(DATA);

  await page.getByRole('searchbox', { name: 'Vertaa ammattiin' }).fill('kotihoidon');
  await expect(page.getByRole('status').getByText(/^Löytyi \d+ ammatti/)).toBeVisible();
  await page.getByRole('button', { name: `Vertaa: ${occupation.fi}` }).click();
  await expect(page).toHaveURL(/occupation=/);
  await expect(page).toHaveURL(new RegExp(`vacancy=${vacancyId}`));
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: `Osaamisvaje: ${occupationGap.fi.skillGap.target}`,
    }),
  ).toBeVisible(DATA);
  await expect(
    page.getByText(`Verrataan ammattiin ”${occupationGap.fi.skillGap.target}”.`),
  ).toBeVisible();
  const missingTable = page.getByRole('table', { name: 'Puuttuva osaaminen' });
  for (const { label } of occupationGap.fi.skillGap.missing.slice(0, 3))
    await expect(missingTable.getByRole('cell', { name: label, exact: true })).toBeVisible();
  await expect(page.locator('.osaamo-gap-training').first()).toBeVisible(DATA);
  await expectAccessible(page, 'the skill gap for an occupation');

  // In Swedish: the texts of the console, the labels and the server's explanation.
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kompetensgap och utbildningar' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: `Kompetensgap: ${occupationGap.sv.skillGap.target}`,
    }),
  ).toBeVisible(DATA);
  const svTable = page.getByRole('table', { name: 'Kompetens som saknas' });
  await expect(
    svTable.getByRole('cell', { name: occupationGap.sv.skillGap.missing[0]!.label, exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/^Uppfyller \d+ av \d+ kompetenskrav/).first()).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Utbildningar som skulle minska gapet' }),
  ).toBeVisible();
  await expectAccessible(page, 'the skill gap in Swedish');

  // Back to the vacancy given in the address.
  await page.getByRole('button', { name: 'Jämför ändå med det lediga jobbet' }).click();
  await expect(page).not.toHaveURL(/occupation=/);
  await expect(page.getByText(/^Jämförs med det lediga jobbet ”/)).toBeVisible(DATA);
});
