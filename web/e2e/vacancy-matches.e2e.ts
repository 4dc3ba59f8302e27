import { expectAccessible, expect, JOBSEEKER_WITH_MATCHES, signInAs, test } from './support';

test('a counsellor sees a jobseeker’s ranked vacancies from several sources, filters them and changes the language', async ({
  page,
}) => {
  // Six rankings on a machine shared with other test runs.
  test.setTimeout(120_000);
  await signInAs(page, 'neuvoja');
  await page.goto(`/jobseekers/${JOBSEEKER_WITH_MATCHES}`);
  // The purpose is asked once per tab (here or by the jobseeker view around the list).
  await page
    .getByRole('button', { name: /Tiedonhaun käyttötarkoitus/ })
    .first()
    .click();
  await page.getByRole('option', { name: 'Asiakastapaaminen' }).click();

  const view = page.locator('[data-view="vacancy-matches"][data-ready="true"]');
  // The first ranking after the server starts also waits for its index and the national sync.
  const started = Date.now();
  await expect(view).toBeVisible({ timeout: 45_000 });
  test.info().annotations.push({
    type: 'timing',
    description: `vacancy matches ready ${Date.now() - started} ms after choosing the purpose`,
  });
  await expect(view.getByRole('heading', { level: 2, name: 'Sopivat työpaikat' })).toBeVisible();
  const items = view.getByRole('list', { name: 'Sopivat työpaikat' }).getByRole('listitem');
  await expect(items.first()).toBeVisible();

  // Local and Job Market Finland vacancies in one ranking, each with a score and a source.
  await expect(items.filter({ hasText: 'Työmarkkinatori' }).first()).toBeVisible();
  await expect(items.filter({ hasText: /Lähde\s*Osaamo/ }).first()).toBeVisible();
  const scores = await view.getByText(/^Sopivuus \d+\s%$/).allTextContents();
  expect(scores.length).toBeGreaterThan(5);
  const percents = scores.map((s) => Number(s.replace(/\D/g, '')));
  expect(percents).toEqual([...percents].sort((a, b) => b - a));

  // A Job Market Finland vacancy links to the original ad in a new tab and says so.
  const original = view.getByRole('link', { name: /^Alkuperäinen ilmoitus: .*uuteen välilehteen/ });
  await expect(original.first()).toHaveAttribute('href', /^https:\/\/tyomarkkinatori\.fi\//);
  await expect(original.first()).toHaveAttribute('target', '_blank');
  // A local one links to its explanation and to the skill gap.
  const local = items.filter({ hasText: /Lähde\s*Osaamo/ }).first();
  await expect(local.getByRole('link', { name: /^Miksi sopii: / })).toHaveAttribute(
    'href',
    new RegExp(`^/jobseekers/${JOBSEEKER_WITH_MATCHES}/vacancies/[0-9a-f-]{36}$`),
  );
  await expect(local.getByRole('link', { name: /^Osaamisvaje: / })).toHaveAttribute(
    'href',
    new RegExp(`^/jobseekers/${JOBSEEKER_WITH_MATCHES}/gap\\?vacancy=[0-9a-f-]{36}$`),
  );
  await expect(local).toContainText(/Etäisyys\s*noin \d+\s*km kotoa/);
  await expect(local).toContainText(/Haku päättyy\s*\d/);
  // EURES is not needed with this many matches, and the list says so.
  await expect(view.getByText('Lähdettä EURES ei kysytty', { exact: false })).toBeVisible();
  await expectAccessible(page, 'the ranked vacancies');

  // Countries ask EURES too: three sources in one list.
  const countries = view.getByRole('group', { name: /^Ulkoisten työpaikkojen maat/ });
  const estonia = countries.getByRole('checkbox', { name: 'Viro' });
  // The Suomi.fi checkbox is its label: the input itself lies under it.
  await countries.getByText('Viro', { exact: true }).click();
  await expect(estonia).toBeChecked();
  await expect(page).toHaveURL(/country=EE/);
  await expect(items.filter({ hasText: /Lähde\s*EURES/ }).first()).toBeVisible();
  await expect(view.getByText('Lähdettä EURES ei kysytty', { exact: false })).toHaveCount(0);
  await countries.getByText('Viro', { exact: true }).click();
  await expect(page).not.toHaveURL(/country=/);

  // A minimum score leaves out the weaker ones, and stays in the address.
  // Unfiltered, the list fills a page of 20 and offers the next one.
  await expect(items).toHaveCount(20);
  await expect(view.getByRole('button', { name: 'Seuraava sivu' })).toBeVisible();
  const before = 20;
  await view.getByRole('button', { name: /Sopivuus vähintään/ }).click();
  await page.getByRole('option', { name: 'Vähintään 70 %' }).click();
  await expect(page).toHaveURL(/minScore=0\.7/);
  await expect(items).not.toHaveCount(before);
  const filtered = await view.getByText(/^Sopivuus \d+\s%$/).allTextContents();
  expect(filtered.length).toBeGreaterThan(0);
  for (const score of filtered) expect(Number(score.replace(/\D/g, ''))).toBeGreaterThanOrEqual(70);
  await expectAccessible(page, 'the filtered vacancies');

  // The texts and the server's summaries follow the language.
  await page.getByRole('button', { name: /^Kieli/ }).click();
  await page.getByRole('menuitem', { name: /svenska/ }).click();
  await expect(view.getByRole('heading', { level: 2, name: 'Lämpliga lediga jobb' })).toBeVisible();
  const itemsSv = view.getByRole('list', { name: 'Lämpliga lediga jobb' }).getByRole('listitem');
  await expect(itemsSv.filter({ hasText: 'Jobbmarknad Finland' }).first()).toBeVisible();
  await expect(itemsSv.first().getByText(/^Matchning \d+\s%\./)).toBeVisible();
  await expect(page).toHaveURL(/minScore=0\.7/);
});
