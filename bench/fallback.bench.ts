/**
 * npm run bench — what the national and EURES fallback costs a jobseeker's query, measured in
 * one run against the fake services on loopback (so the figures are our cost, not the
 * internet's): local only (the baseline), the fallback answered from the cache, the fallback
 * asking both services (cache emptied before each query), and a service that does not answer
 * (bounded by the budget). On the embedded database and, when reachable, on PostgreSQL.
 */
import 'reflect-metadata';
import { startAppOn } from '../src/composition-root';
import { Actor } from '../src/auth/actor';
import { AppConfig, loadConfig } from '../src/config';
import { Database } from '../src/db/database';
import { createEuresFake } from '../scripts/fakes/eures-fake';
import { createNationalFake } from '../scripts/fakes/national-fake';
import { NationalSync } from '../src/external/national-sync';
import { PlaceLocator } from '../src/external/places';
import { NationalProvider } from '../src/external/providers/national-provider';
import { postgresScratch } from './support/postgres';
import { percentile } from './support/stats';

const JOBSEEKER = '4ca8953c-55cc-4f40-a4f3-bbbedcc7ef03'; // Rautavaara, few local matches
const COUNSELLOR: Actor = { id: 'bench', role: 'counsellor', employmentArea: 'kuopio' };
const RUNS = 100;
/** National ads in the index for the last measures: the fixtures copied to about this many. */
const NATIONAL_ADS = 20_000;

async function measure(
  label: string,
  runs: number,
  once: () => Promise<void>,
  base?: number,
  warmUp = 5,
) {
  for (let i = 0; i < warmUp; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const p50 = percentile(times, 50);
  const ratio = base ? `  (${(p50 / base).toFixed(1)}× local only)` : '';
  console.log(
    `  ${label.padEnd(40)} p50 ${p50.toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms  max ${Math.max(
      ...times,
    )
      .toFixed(1)
      .padStart(7)} ms${ratio}`,
  );
  return p50;
}

async function benchOn(
  database: Database,
  label: string,
  urls: { eures: string; national: string },
) {
  const env = {
    NODE_ENV: 'production',
    OSAAMO_JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
    OSAAMO_PSEUDONYM_SECRET: 'bench-pseudonyms-bench-pseudonyms-bench!',
    OSAAMO_EURES_URL: urls.eures,
    OSAAMO_NATIONAL_URL: urls.national,
    OSAAMO_NATIONAL_TOKEN: 'bench',
    OSAAMO_NATIONAL_SUBSCRIPTION_KEY: 'bench',
    OSAAMO_EXTERNAL_BUDGET_MS: '500',
    OSAAMO_EXTERNAL_RATE_PER_SECOND: '100000',
  };
  const config: AppConfig = { ...loadConfig(env), port: 0, loadFixturesOnStart: true };
  const app = await startAppOn(database, config);
  try {
    await app.services.matches.index.whenReady();
    const matches = app.services.matches;
    const query = (external: boolean) => () =>
      matches.forJobseeker(COUNSELLOR, JOBSEEKER, {}, 20, 0, external).then(() => undefined);
    const emptyCache = () =>
      database.dataSource.query(`DELETE FROM external_search; DELETE FROM external_vacancy`);
    console.log(`\n${label}`);
    const base = await measure('local only (includeExternal: false)', RUNS, query(false));
    await measure('fallback, answered from the cache', RUNS, query(true), base);
    await measure(
      'fallback, asking both services',
      RUNS,
      async () => {
        await emptyCache();
        await query(true)();
      },
      base,
    );
    // The national sync's ads in the index (issue 20): no per-query call to Job Market Finland.
    await syncNational(database, urls.national, config.external.national);
    const started = Date.now();
    await matches.index.catchUp();
    console.log(
      `  (${matches.index.sizes.national} national ads replayed into the index in ${Date.now() - started} ms)`,
    );
    await measure('local only, national ads indexed', RUNS, query(false), base);
    await measure('national from the index, EURES cached', RUNS, query(true), base);
    await measure(
      'national from the index, asking EURES',
      RUNS,
      async () => {
        await emptyCache();
        await query(true)();
      },
      base,
    );
    await database.dataSource.query(`DELETE FROM national_vacancy`);
    await matches.index.catchUp();
    return { app, emptyCache, query, base };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

/** A full national sync from the fake, its ads then copied (new ids) to about NATIONAL_ADS. */
async function syncNational(
  database: Database,
  url: string,
  config: AppConfig['external']['national'],
): Promise<void> {
  const db = database.dataSource;
  const places = new PlaceLocator(
    await db.query(`SELECT code, latitude, longitude FROM municipality`),
  );
  const groups = new Map<string, string>(
    (
      (await db.query(
        `SELECT uri, isco_group_code FROM esco_occupation WHERE isco_group_code IS NOT NULL`,
      )) as { uri: string; isco_group_code: string }[]
    ).map((r) => [r.uri, r.isco_group_code]),
  );
  const provider = new NationalProvider(
    { ...config, baseUrl: url },
    places,
    (uri) => groups.get(uri) ?? null,
  );
  await new NationalSync(db, provider).full(new AbortController().signal);
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM national_vacancy`);
  await db.query(
    `INSERT INTO national_vacancy (external_id, data, last_modified, expires_at)
     SELECT v.external_id || '-' || copy, jsonb_set(v.data, '{externalId}', to_jsonb(v.external_id || '-' || copy)),
            v.last_modified, v.expires_at
     FROM national_vacancy v, generate_series(1, $1::int) copy`,
    [Math.max(0, Math.ceil(NATIONAL_ADS / Math.max(1, n)) - 1)],
  );
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'error';
  const eures = await createEuresFake().start();
  const national = await createNationalFake().start();
  const urls = { eures: eures.url, national: national.url };
  console.log(
    'Fallback cost of one matchesForJobseeker (service level, fakes on loopback, budget 500 ms)',
  );
  const embedded = await Database.open({ embeddedDataDir: 'memory://' });
  const run = await benchOn(embedded, 'embedded (PGlite)', urls);
  // A service that never answers in time: the query is bounded by the budget.
  national.fail({ kind: 'slow', delayMs: 5000 });
  await measure(
    'national silent (breaker opens after 5)',
    10,
    async () => {
      await run.emptyCache();
      await run.query(true)();
    },
    run.base,
    0, // no warm-up: the first calls are the ones the budget bounds
  );
  national.clear();
  await run.app.stop();
  const scratch = await postgresScratch('fallback');
  if (scratch) {
    const postgres = await Database.open({ databaseUrl: scratch.url, embeddedDataDir: '' });
    try {
      const pg = await benchOn(postgres, 'PostgreSQL', urls);
      await pg.app.stop();
    } finally {
      await scratch.drop();
    }
  }
  await eures.stop();
  await national.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
