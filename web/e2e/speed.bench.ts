import { Page, test } from '@playwright/test';
import { fixtureIds, startSession, viewReady, VIEWS } from './views';

/**
 * `npm run bench:console`: each main view loaded 20 times on the fixtures, in Chromium. The
 * issue's goal: from navigation to data rendered, p95 ≤ 300 ms.
 *
 * Measured in the page, from its navigation's start (performance.timeOrigin, when the browser
 * began to fetch the page) to the first frame drawn after the view marked its data rendered
 * (data-ready="true"): what a person waits. Beside it, the time the test process saw between
 * asking Playwright to navigate and seeing the mark, which adds the DevTools protocol's round
 * trips and polling (Playwright checks the page for the mark between the page's own tasks).
 * Two ways in: a full page load (a link opened in a new tab, a reload) with the browser's cache
 * warm, and a move inside the console (a link clicked), which is how people mostly go from view
 * to view. A measurement, not a test: it reports, and says which views miss the goal.
 */
const LOADS = 20;
const GOAL_MS = 300;

test('each view shows its data within 300 ms (p95 of 20 loads)', async ({ page }) => {
  test.setTimeout(900_000);
  await page.addInitScript(markFirstFrameWithData);
  const ids = await fixtureIds(page);
  // One round over every view first: the browser caches each view's code, and the server has
  // run each request once (its own warm-up after start is measured apart, in issue 17's bench).
  for (const view of VIEWS) {
    await startSession(page, view.user);
    await page.goto(view.path(ids));
    await viewReady(page, view.name);
  }
  const rows: string[] = [];
  for (const view of VIEWS) {
    await startSession(page, view.user);
    const url = view.path(ids);
    const loads: number[] = [];
    const seen: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const started = performance.now();
      await page.goto(url);
      // Waited for by the page's own observer: Playwright's locators would first load their
      // selector engine into the page, whose work the measurement would then include.
      loads.push(await readyAt(page, view.name));
      seen.push(performance.now() - started);
    }
    const moves: number[] = [];
    for (let move = 0; move < LOADS; move++) {
      moves.push(await navigateInside(page, url, view.name));
    }
    rows.push(
      [
        view.name.padEnd(20),
        `load p50 ${ms(at(loads, 0.5))} p95 ${ms(at(loads, 0.95))}`,
        `move p50 ${ms(at(moves, 0.5))} p95 ${ms(at(moves, 0.95))}`,
        `(the test process saw the load at p50 ${ms(at(seen, 0.5))})`,
        at(loads, 0.95) <= GOAL_MS && at(moves, 0.95) <= GOAL_MS
          ? 'ok'
          : `over the ${GOAL_MS} ms goal`,
      ].join('  '),
    );
  }
  process.stdout.write(
    `console views, ${LOADS} loads and ${LOADS} moves each (navigation to data rendered, in the page):\n${rows.join('\n')}\n`,
  );
});

declare global {
  interface Window {
    /** Per view (data-view), the time of the first frame after its data-ready mark. */
    osaamoReadyAt?: Record<string, number>;
  }
}

/** In the page: for each view, the time of the first frame after its data-ready mark appears. */
function markFirstFrameWithData() {
  const readyAt: Record<string, number> = {};
  window.osaamoReadyAt = readyAt;
  const observer = new MutationObserver(() => {
    for (const element of document.querySelectorAll('[data-view][data-ready="true"]')) {
      const name = element.getAttribute('data-view')!;
      if (name in readyAt) continue;
      readyAt[name] = -1;
      requestAnimationFrame((frame) => (readyAt[name] = frame));
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

async function readyAt(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const at = window.osaamoReadyAt?.[name] ?? -1;
          if (at >= 0) resolve(at);
          else setTimeout(check, 5);
        };
        check();
      }),
    name,
  );
}

/**
 * A move inside the console: from a signed-in page that needs no data (the not-found page, in
 * the same frame as every view) to the view, timed in the page from the move to the first frame
 * after the view's mark. The router is moved as the back and forward buttons move it (a history
 * entry and a popstate event): what a clicked link does, less the click's own event handling.
 */
async function navigateInside(page: Page, url: string, name: string): Promise<number> {
  await page.goto('/osaamo-bench-start');
  await page.locator('main h1').waitFor();
  const duration = await page.evaluate(
    ({ url, name }) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const selector = `[data-view="${name}"][data-ready="true"]`;
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          requestAnimationFrame((frame) => resolve(frame - started));
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
        history.pushState({ usr: null, key: Math.random().toString(36).slice(2), idx: 1 }, '', url);
        dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
      }),
    { url, name },
  );
  await viewReady(page, name);
  return duration;
}

function at(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return `${value.toFixed(0).padStart(4)} ms`;
}
