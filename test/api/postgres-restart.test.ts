import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import { startAppOn, RunningApp } from '../../src/composition-root';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { openTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET } from '../support/test-app';
import { describeIf, NEEDS_POSTGRES } from '../support/skip';

/**
 * The real PostgreSQL stopped while the service runs, and started again (checklist 30, 31).
 * It stops the machine's PostgreSQL, so it runs alone, as its own step of .ci/run
 * (OSAAMO_TEST_RESTART_POSTGRES=1); in the suite, the same is tested through a proxy.
 */
const skipReason =
  process.env.OSAAMO_TEST_RESTART_POSTGRES === '1'
    ? NEEDS_POSTGRES
    : "restarts the machine's PostgreSQL: set OSAAMO_TEST_RESTART_POSTGRES=1 and DATABASE_URL";
const version = fs.existsSync('/etc/postgresql')
  ? (fs.readdirSync('/etc/postgresql')[0] ?? '')
  : '';
const cluster = (action: 'start' | 'stop') =>
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], {
    stdio: 'ignore',
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postgresReady(): boolean {
  try {
    execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
    return true;
  } catch {
    return false;
  }
}

async function waitForPostgres(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (postgresReady()) return;
    await sleep(250);
  }
  throw new Error('PostgreSQL did not come back');
}

describeIf(skipReason, 'the real PostgreSQL stopped and started', () => {
  let db: TestDatabase;
  let app: RunningApp;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    const config = {
      ...loadConfig({ NODE_ENV: 'test' }),
      databaseUrl: db.url,
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      loadFixturesOnStart: false,
    };
    app = await startAppOn(await Database.open(config), config);
    await app.services.matches.index.whenReady();
    url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    try {
      // Never leave the machine without its database (starting a running cluster fails).
      if (!postgresReady()) cluster('start');
      await waitForPostgres();
    } finally {
      await app?.stop();
      await db?.close();
    }
  });

  const ask = () =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ taxonomyInfo { skills } }` }),
    }).then(
      async (r) => (await r.json()) as { errors?: { extensions?: Record<string, unknown> }[] },
    );

  it('fails fast with SERVICE_UNAVAILABLE while stopped, keeps /healthz, and serves again once started', async () => {
    expect((await ask()).errors).toBeUndefined();
    cluster('stop');
    const started = Date.now();
    const during = await ask();
    expect(Date.now() - started).toBeLessThan(6000);
    expect(during.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    cluster('start');
    await waitForPostgres();
    expect((await ask()).errors).toBeUndefined();
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });
});
