import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { startAppOn, RunningApp } from '../../src/composition-root';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { openTestDatabase, TestDatabase } from '../support/test-database';
import { TcpProxy } from '../support/tcp-proxy';
import { TEST_JWT_SECRET } from '../support/test-app';
import { describeIf, NEEDS_POSTGRES } from '../support/skip';

// Against the real PostgreSQL, through a proxy that can take it away (checklist 30, 31).

describeIf(NEEDS_POSTGRES, 'PostgreSQL going away and coming back', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let app: RunningApp;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    target.hostname = '127.0.0.1';
    target.port = String(port);
    const config = {
      ...loadConfig({ NODE_ENV: 'test' }),
      databaseUrl: target.toString(),
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      loadFixturesOnStart: false,
    };
    const database = await Database.open(config);
    app = await startAppOn(database, config);
    await app.services.matches.index.whenReady();
    url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy.restore();
    await app?.stop();
    await proxy.stop();
    await db.close();
  });

  const search = () =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ taxonomyInfo { skills } }` }),
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as {
        data?: unknown;
        errors?: { extensions?: Record<string, unknown> }[];
      },
    }));

  it('fails fast with SERVICE_UNAVAILABLE while it is down, stays alive, and recovers without a restart', async () => {
    expect((await search()).body.errors).toBeUndefined();
    proxy.cut();
    const started = Date.now();
    const during = await search();
    expect(Date.now() - started).toBeLessThan(6000);
    expect(during.body.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    proxy.restore();
    // The very next request succeeds: the pool replaces the cut connections by itself.
    const after = await search();
    expect(after.body.errors).toBeUndefined();
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });
});
