import { APIRequestContext, expect, Page, test as base } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** A fixture user of fixtures/people/users.json. */
export type FixtureUserName =
  'neuvoja' | 'neuvoja-joensuu' | 'tyonantaja-1' | 'tyonantaja-2' | 'tyonantaja-3';

/** The jobseeker of the fixtures with local, Job Market Finland and EURES matches. */
export const JOBSEEKER_WITH_MATCHES = '054fb3b6-1c18-41b8-8061-d075a96f1f1f';

/** Signs in through the development sign-in page, as a person would. */
export async function signInAs(page: Page, user: FixtureUserName, language = 'fi'): Promise<void> {
  await page.addInitScript((lang) => {
    if (!localStorage.getItem('osaamo.language')) localStorage.setItem('osaamo.language', lang);
  }, language);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: /(Käyttäjä|Användare|User)$/ }).click();
  await page.getByRole('option', { name: new RegExp(`^${user} \\(`) }).click();
  await page.getByRole('button', { name: /^(Kirjaudu|Logga in|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** A token for API calls a test makes itself (setting up data, checking a write). */
export async function tokenFor(page: Page, user: FixtureUserName): Promise<string> {
  const response = await page.request.post('/dev/sign-in', { data: { user } });
  return ((await response.json()) as { token: string }).token;
}

/**
 * A GraphQL call a test makes itself past the console (to set up data or to know what a view
 * should show), as the token's user, with a counsellor's purpose; a refused call fails the test.
 */
export async function graphqlAs<T>(
  request: APIRequestContext,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}`, 'x-osaamo-purpose': 'customer-meeting' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/**
 * No serious or critical violation of WCAG 2.1 A and AA that axe can find on the page as it is
 * now. Axe finds only part of what WCAG asks: web/ACCESSIBILITY.md has the manual checklist.
 */
export async function expectAccessible(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    blocking.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    `accessibility of ${context}`,
  ).toEqual([]);
}

export const test = base;
export { expect };
