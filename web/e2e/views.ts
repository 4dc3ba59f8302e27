import { Page } from '@playwright/test';
import { FixtureUserName, graphqlAs, JOBSEEKER_WITH_MATCHES, tokenFor } from './support';

/** The console's main views on the fixtures: what the speed measurement and the screenshots open. */
export interface ConsoleView {
  name: string;
  user: FixtureUserName;
  path: (ids: FixtureIds) => string;
  /** What a person does on the view before its screenshot. */
  prepare?: (page: Page) => Promise<void>;
}

export interface FixtureIds {
  jobseekerId: string;
  /** A local vacancy the jobseeker matches. */
  matchedVacancyId: string;
  /** An open vacancy of employer-001 (tyonantaja-1). */
  employerVacancyId: string;
  /** A cohort of the counsellor's area (the closing plant's people). */
  cohortId: string;
}

export const VIEWS: ConsoleView[] = [
  {
    name: 'jobseeker-search',
    user: 'neuvoja',
    path: () => '/jobseekers',
    prepare: async (page) => {
      await page.getByRole('searchbox').fill('Harjoitus');
      await page.keyboard.press('Enter');
      await page.getByRole('table').first().waitFor();
    },
  },
  { name: 'jobseeker', user: 'neuvoja', path: (ids) => `/jobseekers/${ids.jobseekerId}` },
  {
    name: 'match-explanation',
    user: 'neuvoja',
    path: (ids) => `/jobseekers/${ids.jobseekerId}/vacancies/${ids.matchedVacancyId}`,
  },
  {
    name: 'skill-gap',
    user: 'neuvoja',
    path: (ids) => `/jobseekers/${ids.jobseekerId}/gap?vacancy=${ids.matchedVacancyId}`,
  },
  { name: 'vacancies', user: 'tyonantaja-1', path: () => '/vacancies' },
  { name: 'skill-demand', user: 'neuvoja', path: () => '/demand' },
  { name: 'cohorts', user: 'neuvoja', path: () => '/cohorts' },
  { name: 'cohort', user: 'neuvoja', path: (ids) => `/cohorts/${ids.cohortId}` },
  { name: 'vacancy', user: 'tyonantaja-1', path: (ids) => `/vacancies/${ids.employerVacancyId}` },
  {
    name: 'requirement-editor',
    user: 'tyonantaja-1',
    path: (ids) => `/vacancies/${ids.employerVacancyId}/requirements`,
  },
  {
    name: 'revisions',
    user: 'tyonantaja-1',
    path: (ids) => `/vacancies/${ids.employerVacancyId}/revisions`,
  },
];

/** The ids the views need, found through the public API as the fixture users see them. */
export async function fixtureIds(page: Page): Promise<FixtureIds> {
  const counsellor = await tokenFor(page, 'neuvoja');
  const employer = await tokenFor(page, 'tyonantaja-1');
  const matches = await graphqlAs<{
    matchesForJobseeker: { edges: { node: { vacancy: { id: string } | null } }[] };
  }>(
    page.request,
    counsellor,
    `
      query ($id: ID!) {
        matchesForJobseeker(jobseekerId: $id, first: 5) {
          edges {
            node {
              vacancy {
                id
              }
            }
          }
        }
      }
    `,
    { id: JOBSEEKER_WITH_MATCHES },
  );
  const vacancies = await graphqlAs<{ vacancies: { edges: { node: { id: string } }[] } }>(
    page.request,
    employer,
    `
      {
        vacancies(first: 1) {
          edges {
            node {
              id
            }
          }
        }
      }
    `,
  );
  const cohortId = await plantCohort(page, counsellor);
  const matched = matches.matchesForJobseeker.edges.find((edge) => edge.node.vacancy)?.node.vacancy;
  return {
    jobseekerId: JOBSEEKER_WITH_MATCHES,
    matchedVacancyId: matched!.id,
    employerVacancyId: vacancies.vacancies.edges[0]!.node.id,
    cohortId,
  };
}

/** The fixtures' closing plant (business id 2946015-8). */
export const PLANT_BUSINESS_ID = '2946015-8';

/** A cohort of the counsellor's area: the newest one, or the closing plant's people, created. */
async function plantCohort(page: Page, counsellor: string): Promise<string> {
  const existing = await graphqlAs<{ cohorts: { id: string }[] }>(
    page.request,
    counsellor,
    '{ cohorts(first: 1) { id } }',
  );
  if (existing.cohorts[0]) return existing.cohorts[0].id;
  const created = await graphqlAs<{ createCohort: { cohort: { id: string } } }>(
    page.request,
    counsellor,
    `
      mutation ($input: CreateCohortInput!) {
        createCohort(input: $input) {
          cohort {
            id
          }
        }
      }
    `,
    { input: { name: 'Siilin Kuvitteellinen Konepaja', employerBusinessId: PLANT_BUSINESS_ID } },
  );
  return created.createCohort.cohort.id;
}

/** Waits until the view says its main data is rendered (data-ready on its root). */
export async function viewReady(page: Page, name: string): Promise<void> {
  await page
    .locator(`[data-view="${name}"][data-ready="true"]`)
    .first()
    .waitFor({ timeout: 30_000 });
}

/** Signs in once for the tab and chooses a purpose, without the pages in between. */
export async function startSession(page: Page, user: FixtureUserName, language = 'fi') {
  const token = await tokenFor(page, user);
  await page.goto('/accessibility');
  await page.evaluate(
    ({ token, language }) => {
      const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
      sessionStorage.setItem(
        'osaamo.session',
        JSON.stringify({
          token,
          user: payload.sub,
          role: payload.role,
          employmentArea: payload.area ?? null,
          employerId: payload.employer ?? null,
          jobseekerId: payload.jobseeker ?? null,
          expiresAt: payload.exp * 1000,
          via: 'development',
        }),
      );
      sessionStorage.setItem('osaamo.purpose', 'customer-meeting');
      localStorage.setItem('osaamo.language', language);
    },
    { token, language },
  );
}
