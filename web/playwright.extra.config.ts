import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The same server and browser as the tests, for the measurement (`npm run bench:console`,
 * *.bench.ts) and the screenshots (`npm run screenshots`, *.shots.ts): not part of the tests.
 */
export default defineConfig({
  ...base,
  testMatch: process.env.OSAAMO_PLAYWRIGHT_MATCH ?? '**/*.bench.ts',
  // The tests keep a trace for a failure; recording it (DOM snapshots at every step) would be
  // measured with the page.
  use: { ...base.use, trace: 'off' },
});
