import { AddressInfo } from 'node:net';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { RunningApp, startAppOn } from '../../src/composition-root';
import { Database } from '../../src/db/database';
import { CostRateLimiter } from '../../src/api/plugins/rate-limit';
import { startTestApp, TestApp, testConfig } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Every operation costs the floor (50) first: searchSkills(first: 20) { score matchedLabel }
// costs 50 + 1 + 20 × 2 = 91 and { __typename } 50 + 1 = 51. A budget of 240 buys two of the
// first (182) and then one of the second (233), but never three of the first (273).
const BUDGET = { rateLimit: { burst: 240, perSecond: 1 } };
const EXPENSIVE = `{ searchSkills(text: "hitsaus", first: 20) { score matchedLabel } }`;

const postTo = async (url: string, query: string, token?: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] },
  };
};

/** Rate limits per caller, weighted by cost (checklist 27). */
describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(BUDGET);
  });
  afterAll(() => t.stop());

  const post = (query: string, token?: string) => postTo(t.url, query, token);

  it('refuses a caller past its budget with 429, RATE_LIMITED and when to retry; an expensive query uses more of it', async () => {
    const token = await t.token({ id: 'heavy', role: 'counsellor', employmentArea: 'kuopio' });
    expect((await post(EXPENSIVE, token)).status).toBe(200);
    expect((await post(EXPENSIVE, token)).status).toBe(200);
    const third = await post(EXPENSIVE, token);
    expect(third.status).toBe(429);
    expect(third.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    expect(third.body.errors![0]!.extensions!.retryAfterSeconds).toBe(Number(third.retryAfter));
    // What is left of the budget still buys cheap queries.
    expect((await post(`{ __typename }`, token)).status).toBe(200);
  });

  it('keeps callers apart: another user is not limited by the first', async () => {
    const other = await t.token({ id: 'light', role: 'counsellor', employmentArea: 'kuopio' });
    expect((await post(EXPENSIVE, other)).status).toBe(200);
  });
});

/**
 * One limit for all instances: the counts are in the database. Two instances on one database
 * (on the embedded one they share its connection; on PostgreSQL each has its own pool).
 */
describe('one rate limit across instances', () => {
  let a: TestApp;
  let b: RunningApp;
  let bUrl: string;
  const limit = BUDGET;

  beforeAll(async () => {
    a = await startTestApp(limit);
    const database = process.env.DATABASE_URL
      ? await Database.open({ databaseUrl: a.db.url, embeddedDataDir: '' })
      : a.db.database;
    b = await startAppOn(database, testConfig(limit));
    await b.services.matches.index.whenReady();
    bUrl = `http://127.0.0.1:${(b.http.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('refuses on one instance a caller who spent the budget on the other', async () => {
    const token = await a.token({ id: 'roaming', role: 'counsellor', employmentArea: 'kuopio' });
    expect((await postTo(a.url, EXPENSIVE, token)).status).toBe(200);
    expect((await postTo(a.url, EXPENSIVE, token)).status).toBe(200);
    // The second was decided on instance a's own view and written behind its answer.
    const spent = async () =>
      Number(
        (
          await a.app.database.dataSource.query(
            `SELECT coalesce(max(points), 0) AS n FROM rate_limit`,
          )
        )[0].n,
      );
    for (let waited = 0; waited < 5_000 && (await spent()) < 182; waited += 20) await sleep(20);
    expect(await spent()).toBeGreaterThanOrEqual(182);

    const refused = await postTo(bUrl, EXPENSIVE, token);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The refused cost is given back: what is left still buys cheap queries, on either.
    expect((await postTo(bUrl, `{ __typename }`, token)).status).toBe(200);
    expect((await postTo(a.url, `{ __typename }`, token)).status).toBe(200);
  });

  it('keeps no caller id in the table', async () => {
    const keys: { key: string }[] = await a.app.database.dataSource.query(
      `SELECT key FROM rate_limit`,
    );
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) expect(key).toMatch(/^cost:[0-9a-f]{32}$/);
  });
});

describe('the rate limiter', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('decides for a caller it has seen without waiting for the database', async () => {
    const dataSource = t.app.database.dataSource;
    const limiter = new CostRateLimiter({ burst: 100, perSecond: 1 }, dataSource, 'secret');
    expect(await limiter.take('counsellor:c-1', 10)).toBeNull();

    // From here the store answers only when the test lets it.
    const pool = (dataSource.driver as PostgresDriver).master as { query: (q: unknown) => unknown };
    const original = pool.query.bind(pool);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const query = jest.spyOn(pool, 'query').mockImplementation(async (q: unknown) => {
      await gate;
      return original(q);
    });
    try {
      const decided = (taken: Promise<number | null>) =>
        Promise.race([taken, sleep(2_000).then(() => 'waited for the database')]);
      expect(await decided(limiter.take('counsellor:c-1', 80))).toBeNull();
      // Over the budget: refused at once, and nothing is sent.
      expect(await decided(limiter.take('counsellor:c-1', 20))).toBeGreaterThan(0);
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      open();
      query.mockRestore();
    }
  });
});
