import { Page, Request } from '@playwright/test';
import { expect, JOBSEEKER_WITH_MATCHES, test } from './support';
import { startSession, viewReady } from './views';

/** The GraphQL operations the page sends, by name, from now on. */
function operationsSent(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string; query?: string };
    sent.push(body.operationName ?? /query\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '?');
  });
  return sent;
}

const count = (sent: string[], name: string) => sent.filter((sentName) => sentName === name).length;

test('a view asks for its data once, whether the page is loaded or the console moves to it', async ({
  page,
}) => {
  await startSession(page, 'neuvoja');
  const sent = operationsSent(page);

  // A full load: the profile and the ranked vacancies are asked for before React renders, and
  // the view takes those answers rather than asking again (one request, one audit row each).
  await page.goto(`/jobseekers/${JOBSEEKER_WITH_MATCHES}`);
  await viewReady(page, 'jobseeker');
  await viewReady(page, 'vacancy-matches');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Harjoitus');
  expect(count(sent, 'JobseekerProfile')).toBe(1);
  expect(count(sent, 'VacancyMatches')).toBe(1);

  // A move inside the console: the explanation of one of the listed vacancies, asked for once.
  sent.length = 0;
  await page
    .locator('[data-view="vacancy-matches"] ol a[href^="/jobseekers/"][href*="/vacancies/"]')
    .first()
    .click();
  await viewReady(page, 'match-explanation');
  expect(count(sent, 'ExplainMatch')).toBe(1);
  expect(sent).not.toContain('JobseekerProfile');

  // Back to the profile: each navigation asks afresh, once (a saved change shows on return).
  sent.length = 0;
  await page.goBack();
  await viewReady(page, 'jobseeker');
  await expect.poll(() => count(sent, 'JobseekerProfile')).toBe(1);
  await expect.poll(() => count(sent, 'VacancyMatches')).toBe(1);
});
