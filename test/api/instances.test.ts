import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/config';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { TokenService } from '../../src/auth/token.service';
import { openTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET } from '../support/test-app';
import users from '../../fixtures/people/users.json';
import { createEuresFake } from '../../scripts/fakes/eures-fake';
import { FakeServer } from '../../scripts/fakes/fake-server';
import { describeIf, NEEDS_POSTGRES } from '../support/skip';

/**
 * Two server processes on one PostgreSQL: a change made through one is served by the other
 * within a second, also when the other's LISTEN connection was cut while the change was
 * written (the notification is lost; the reconnect replays the change table). The embedded
 * database has one instance, so this runs on PostgreSQL only.
 */
const onPostgres = (name: string, body: () => void) => describeIf(NEEDS_POSTGRES, name, body);

interface Instance {
  process: ChildProcess;
  url: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startInstance(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/server.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      OSAAMO_JWT_SECRET: TEST_JWT_SECRET,
      OSAAMO_LOAD_FIXTURES: 'false',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await readiness(url).catch(() => undefined);
    if (ready?.status === 'ready') return { process: child, url };
    await sleep(100);
  }
  child.kill();
  throw new Error(`the instance on ${url} did not become ready`);
}

async function readiness(url: string): Promise<{ status: string; matchChangeId?: number }> {
  const response = await fetch(`${url}/readyz`);
  return (await response.json()) as { status: string; matchChangeId?: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds until `instance` has applied change `id`, or Infinity after `limitMs`. */
async function msUntilApplied(instance: Instance, id: number, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (((await readiness(instance.url)).matchChangeId ?? 0) >= id) return Date.now() - started;
    await sleep(20);
  }
  return Infinity;
}

onPostgres('several instances on one PostgreSQL', () => {
  let db: TestDatabase;
  let a: Instance;
  let b: Instance;
  let counsellor: string;
  const jobseekerId = users.find((u) => u.user === 'tyonhakija-1')!.jobseekerId!;

  beforeAll(async () => {
    // The instances run the built server, as in production.
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT });
    db = await openTestDatabase();
    await loadSamplePeopleIfEmpty(db.database.dataSource);
    [a, b] = await Promise.all([startInstance(db.url), startInstance(db.url)]);
    counsellor = await new TokenService(TEST_JWT_SECRET).issue({
      id: 'neuvoja',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
  }, 180_000);

  afterAll(async () => {
    a?.process.kill();
    b?.process.kill();
    await db?.close();
  });

  const graphql = async <T>(instance: Instance, query: string, variables: object) => {
    const response = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${counsellor}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const vacanciesFor = async (instance: Instance) =>
    (
      await graphql<{ matchesForJobseeker: { edges: { node: { vacancyId: string } }[] } }>(
        instance,
        `
          query ($id: ID!) {
            matchesForJobseeker(jobseekerId: $id, first: 100, filter: { includeNearMisses: true }) {
              edges {
                node {
                  vacancyId
                }
              }
            }
          }
        `,
        { id: jobseekerId },
      )
    ).matchesForJobseeker.edges.map((e) => e.node.vacancyId);
  const close = (instance: Instance, id: string) =>
    graphql(
      instance,
      `
        mutation ($id: ID!) {
          setVacancyStatus(id: $id, status: CLOSED) {
            id
          }
        }
      `,
      {
        id,
      },
    );
  const lastChange = async () =>
    Number(
      (await db.database.dataSource.query(`SELECT max(id)::text AS id FROM match_change`))[0].id,
    );

  it('serves a change made through one instance from the other within a second', async () => {
    const before = await vacanciesFor(b);
    expect(before.length).toBeGreaterThan(1);
    await close(a, before[0]!);
    expect(await msUntilApplied(b, await lastChange(), 1000)).toBeLessThan(1000);
    const after = await vacanciesFor(b);
    expect(after).not.toContain(before[0]);
    expect(after).toEqual(await vacanciesFor(a));
  });

  it('replays a change written while its listening connection was cut', async () => {
    const before = await vacanciesFor(b);
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
        [`osaamo-match-listener-${b.process.pid}`],
      );
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    // Written at once, while the listener is down: its notification reaches nobody on b.
    await close(a, before[0]!);
    expect(await msUntilApplied(b, await lastChange(), 1000)).toBeLessThan(1000);
    expect(await vacanciesFor(b)).not.toContain(before[0]);
  });
});

onPostgres('graceful shutdown of a server process (checklist 29)', () => {
  let db: TestDatabase;
  let eures: FakeServer;
  let instance: Instance;

  beforeAll(async () => {
    // dist/ is built by the suite above, in this same file.
    db = await openTestDatabase();
    await loadSamplePeopleIfEmpty(db.database.dataSource);
    eures = await createEuresFake().start();
    instance = await startInstance(db.url, {
      OSAAMO_EURES_URL: eures.url,
      OSAAMO_SHUTDOWN_GRACE_SECONDS: '10',
    });
  }, 120_000);

  afterAll(async () => {
    instance?.process.kill('SIGKILL');
    await eures?.stop();
    await db?.close();
  });

  it('on SIGTERM finishes the request in flight, refuses new ones, and exits within its grace period', async () => {
    // A request that takes a while: EURES answers after 1.5 s.
    eures.fail({ kind: 'slow', delayMs: 1500 });
    const token = await new TokenService(TEST_JWT_SECRET).issue({
      id: 'neuvoja',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    const inFlight = fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `{ matchesForJobseeker(jobseekerId: "4ca8953c-55cc-4f40-a4f3-bbbedcc7ef03") { sources { source status } edges { node { score } } } }`,
      }),
    });
    await sleep(400);
    const exited = new Promise<number | null>((resolve) => instance.process.on('exit', resolve));
    const signalled = Date.now();
    instance.process.kill('SIGTERM');
    await sleep(200);
    await expect(fetch(`${instance.url}/healthz`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { matchesForJobseeker: { sources: { source: string; status: string }[] } };
    };
    expect(body.data.matchesForJobseeker.sources.find((s) => s.source === 'EURES')!.status).toBe(
      'OK',
    );
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
  });
});
