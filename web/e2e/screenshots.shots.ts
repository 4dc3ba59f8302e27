import { test } from '@playwright/test';
import path from 'node:path';
import { fixtureIds, startSession, viewReady, VIEWS } from './views';

/** `npm run screenshots`: the main views on the fixtures, in Finnish, for the README. */
const OUT = path.join(__dirname, '..', '..', 'docs', 'screenshots');

test('screenshots of the main views', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const ids = await fixtureIds(page);
  for (const view of VIEWS) {
    await startSession(page, view.user);
    await page.goto(view.path(ids));
    await viewReady(page, view.name);
    await view.prepare?.(page);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(OUT, `${view.name}.png`), fullPage: true });
  }
});
