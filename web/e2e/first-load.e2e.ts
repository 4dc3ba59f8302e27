import { expect, test } from './support';

/** The budget: the first load carries at most 300 KB of compressed JavaScript. */
const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

test('the first load (the sign-in page) stays within 300 KB of compressed JavaScript', async ({
  page,
}) => {
  const scripts: { url: string; bytes: Promise<number> }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.push({
        url: response.url(),
        bytes: response
          .request()
          .sizes()
          .then((sizes) => sizes.responseBodySize),
      });
  });
  await page.goto('/sign-in', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const sizes = await Promise.all(scripts.map(async (s) => ({ url: s.url, bytes: await s.bytes })));
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  process.stdout.write(
    `first load: ${sizes.length} scripts, ${(total / 1024).toFixed(1)} KB compressed (budget ${FIRST_LOAD_BUDGET_BYTES / 1024} KB)\n`,
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});
