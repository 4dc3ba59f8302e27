import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

/**
 * The console's browser tests: Debian's Chromium (the registry's browser downloads are not
 * reachable; `apt-get install -y chromium`), headless, against a server these tests start on a
 * fresh embedded database with the fixtures and the fake outside services. `npm run test:e2e`.
 */
export const E2E_PORT = Number(process.env.OSAAMO_E2E_PORT ?? 4870);
/** The local OpenID Connect issuer that e2e/oidc.e2e.ts starts (the server only names it). */
export const E2E_ISSUER = `http://127.0.0.1:${E2E_PORT + 4}`;
const dataDir = path.join(os.tmpdir(), `osaamo-e2e-${process.pid}`);

export default defineConfig({
  testDir: path.join(__dirname, 'e2e'),
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(__dirname, '..', 'dist', 'e2e-results'),
  // One server, one database: the flows write (outcomes, revisions), so they run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    headless: true,
    locale: 'fi-FI',
    launchOptions: {
      executablePath: process.env.OSAAMO_CHROMIUM ?? '/usr/lib/chromium/chromium',
      // This machine's network is closed: no background connections, no updates.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command:
      'npm run build:server --silent && npm run build:web --silent && node dist/scripts/start-with-fakes.js',
    cwd: path.join(__dirname, '..'),
    url: `http://127.0.0.1:${E2E_PORT}/readyz`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'development',
      PORT: String(E2E_PORT),
      OSAAMO_DATA_DIR: dataDir,
      FAKE_EURES_PORT: String(E2E_PORT + 1),
      FAKE_NATIONAL_PORT: String(E2E_PORT + 2),
      FAKE_TMT_PROFILE_PORT: String(E2E_PORT + 3),
      // The tests load views again and again from one address.
      OSAAMO_RATE_LIMIT_PER_SECOND: '100000',
      OSAAMO_RATE_LIMIT_BURST: '1000000',
      // Sign-in through a local issuer as well; its keys are fetched only when its tokens come.
      OSAAMO_OIDC_ISSUERS: JSON.stringify([
        {
          issuer: E2E_ISSUER,
          clientId: 'osaamo-console',
          audience: 'osaamo-api',
          name: { fi: 'Testitunnistus', sv: 'Testidentifiering', en: 'Test identification' },
          claims: {
            role: { claim: 'groups', values: { 'osaamo-neuvojat': 'counsellor' } },
            employmentArea: { claim: 'area' },
          },
        },
      ]),
    },
  },
});
