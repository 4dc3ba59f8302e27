import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { RunningApp, startAppOn } from '../../src/composition-root';
import { Actor } from '../../src/auth/actor';
import { AppConfig, loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { FEED_POSITION_HEADER } from '../../src/api/plugins/read-your-writes.plugin';
import { TEST_JWT_SECRET } from '../support/test-app';
import { describeIf } from '../support/skip';

/**
 * Two instances, one on a primary and one whose match index follows a hot standby streaming
 * from it (issue 17, beyond one database). It needs a pair of clusters of its own, so it runs
 * as its own step of .ci/run through .ci/replica-pair, which sets the two URLs below.
 */
const primaryAdmin = process.env.OSAAMO_TEST_REPLICA_PRIMARY_URL;
const standbyAdmin = process.env.OSAAMO_TEST_REPLICA_STANDBY_URL;
const skipReason =
  primaryAdmin && standbyAdmin
    ? null
    : 'needs a primary/standby pair: run it through .ci/replica-pair';

const DB = 'osaamo_replica_test';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const withDb = (url: string) => Object.assign(new URL(url), { pathname: `/${DB}` }).toString();
const counsellor: Actor = { id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' };

interface Instance {
  app: RunningApp;
  url: string;
}

describeIf(skipReason, 'instances on a primary and on its streaming replica', () => {
  let primary: Instance;
  let replica: Instance;
  let token: string;
  let vacancyId: string;

  const start = async (config: Partial<AppConfig>): Promise<Instance> => {
    const full: AppConfig = {
      ...loadConfig({ NODE_ENV: 'test' }),
      databaseUrl: withDb(primaryAdmin!),
      port: 0,
      host: '127.0.0.1',
      jwtSecret: TEST_JWT_SECRET,
      loadFixturesOnStart: false,
      ...config,
    };
    const app = await startAppOn(await Database.open(full), full);
    await app.services.matches.index.whenReady();
    return { app, url: `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}` };
  };

  const call = async (
    instance: Instance,
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-osaamo-purpose': 'replica test',
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return { body, position: response.headers.get(FEED_POSITION_HEADER) };
  };

  const matchedIds = async (instance: Instance, headers?: Record<string, string>) => {
    const { body } = await call(
      instance,
      `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 50) { edges { node { jobseeker { id } } } } }`,
      { id: vacancyId },
      headers,
    );
    const page = body.data!.matchesForVacancy as {
      edges: { node: { jobseeker: { id: string } } }[];
    };
    return page.edges.map((e) => e.node.jobseeker.id);
  };

  const erase = (instance: Instance, id: string) =>
    call(instance, `mutation ($id: ID!) { eraseJobseeker(id: $id) }`, { id });

  beforeAll(async () => {
    const admin = new Client({ connectionString: primaryAdmin });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.end();
    // The primary's instance migrates and loads the sample taxonomy and people.
    primary = await start({ loadFixturesOnStart: true });
    // Until the standby has replayed all of it.
    const standby = new Client({ connectionString: withDb(standbyAdmin!) });
    for (let tries = 0; ; tries++) {
      try {
        await standby.connect();
        break;
      } catch (error) {
        if (tries > 100) throw error;
        await sleep(100);
      }
    }
    const wanted: string = (
      await primary.app.database.dataSource.query(`SELECT pg_current_wal_lsn()::text AS lsn`)
    )[0].lsn;
    for (let tries = 0; tries < 200; tries++) {
      const { rows } = await standby.query(
        `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up`,
        [wanted],
      );
      if (rows[0].caught_up) break;
      await sleep(50);
    }
    await standby.end();
    replica = await start({ readReplicaUrl: withDb(standbyAdmin!), feedPollMs: 250 });
    token = await primary.app.services.tokens.issue(counsellor);
    [{ id: vacancyId }] = await primary.app.database.dataSource.query(
      `SELECT v.id FROM vacancy v JOIN municipality m ON m.code = v.municipality_code
       WHERE v.status = 'open' AND v.source = 'local' AND m.employment_area = 'kuopio'
       ORDER BY (SELECT count(*) FROM requirement_skill r WHERE r.vacancy_id = v.id) DESC, v.id LIMIT 1`,
    );
  });

  afterAll(async () => {
    await replica?.app.stop();
    await primary?.app.stop();
    const admin = new Client({ connectionString: primaryAdmin });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  });

  it('is a standby: it refuses LISTEN and writes', async () => {
    const standby = new Client({ connectionString: withDb(standbyAdmin!) });
    await standby.connect();
    try {
      await expect(standby.query('LISTEN osaamo_match_change')).rejects.toThrow(/recovery/);
      await expect(standby.query('CREATE TABLE t (x int)')).rejects.toThrow(/read-only/);
    } finally {
      await standby.end();
    }
  });

  it('listens on the primary only: the replica instance polls its standby', async () => {
    const [{ listeners }] = await primary.app.database.dataSource.query(
      `SELECT count(*)::int AS listeners FROM pg_stat_activity
       WHERE datname = $1 AND application_name LIKE 'osaamo-match-listener-%'`,
      [DB],
    );
    expect(listeners).toBe(1);
  });

  it('serves the same matches on both instances', async () => {
    const ids = await matchedIds(primary);
    expect(ids.length).toBeGreaterThan(3);
    expect(await matchedIds(replica)).toEqual(ids);
  });

  it('serves a change written through the primary instance on the replica instance within 2 s', async () => {
    const gone = (await matchedIds(replica))[0]!;
    await erase(primary, gone);
    const started = Date.now();
    while ((await matchedIds(replica)).includes(gone)) {
      expect(Date.now() - started).toBeLessThan(2_000);
      await sleep(20);
    }
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('lets a writer read its own write at once, on its instance or with the position it was told', async () => {
    // Written through the replica's instance (its writes go to the primary), read there at once.
    const [first, second] = (await matchedIds(replica)) as [string, string];
    const { position } = await erase(replica, first);
    expect(Number(position)).toBeGreaterThan(0);
    expect(await matchedIds(replica)).not.toContain(first);
    // Written through the primary's instance, read on the replica's with the position it answered.
    const told = await erase(primary, second);
    expect(await matchedIds(replica, { [FEED_POSITION_HEADER]: told.position! })).not.toContain(
      second,
    );
  });
});
