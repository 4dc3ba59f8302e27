/**
 * npm run bench — a load test with mixed reads and writes on loopback: 8 connections for 15 s
 * against the server on PostgreSQL (the embedded database without one), with the fixtures.
 * Reads: a jobseeker's matches, a vacancy's matches, a vacancy list. Writes: match outcomes,
 * each sent twice with the same Idempotency-Key (often at the same time). Afterwards the rows
 * are counted: one per key that was answered with success; none lost, none duplicated. The rate
 * limit is raised for it, and any answer other than a success fails the run (support/load.ts).
 */
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { startAppOn } from '../src/composition-root';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/database';
import { describeLoad, runLoad } from './support/load';
import { postgresScratch } from './support/postgres';

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'error';
  const scratch = await postgresScratch('load');
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      OSAAMO_JWT_SECRET: 'load-test-secret-load-test-secret-load!',
      OSAAMO_PSEUDONYM_SECRET: 'load-test-pseudonyms-load-test-pseudonyms!',
      OSAAMO_RATE_LIMIT_BURST: '100000000',
      OSAAMO_RATE_LIMIT_PER_SECOND: '100000000',
    }),
    databaseUrl: scratch?.url,
    embeddedDataDir: 'memory://',
    port: 0,
    loadFixturesOnStart: true,
  };
  const database = await Database.open(config);
  const app = await startAppOn(database, config);
  try {
    await app.services.matches.index.whenReady();
    const ds = database.dataSource;
    const jobseekers: { id: string }[] = await ds.query(
      `SELECT j.id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code WHERE m.employment_area = 'kuopio' ORDER BY j.id`,
    );
    const vacancies: { id: string }[] = await ds.query(
      `SELECT id FROM vacancy WHERE status = 'open' ORDER BY id`,
    );
    const token = await app.services.tokens.issue({
      id: 'load',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
    const succeeded = new Set<string>();
    const kinds = { reads: 0, writes: 0 };
    const result = await runLoad({
      url: `${url}/graphql`,
      connections: 8,
      amount: 20_000,
      maxSeconds: 15,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-osaamo-purpose': 'load test',
      },
      body: (i) => {
        const jobseeker = jobseekers[i % jobseekers.length]!.id;
        const vacancy = vacancies[i % vacancies.length]!.id;
        const mix = i % 10;
        if (mix < 3) {
          // Two requests per key: the pair after this one repeats it.
          const key = `load-${Math.floor(i / 20)}-${mix}`;
          kinds.writes++;
          return {
            key,
            body: JSON.stringify({
              query: `mutation ($input: MatchOutcomeInput!) { recordMatchOutcome(input: $input) { id } }`,
              variables: {
                input: {
                  vacancyId: vacancies[Math.floor(i / 20) % vacancies.length]!.id,
                  jobseeker: jobseekers[Math.floor(i / 20) % jobseekers.length]!.id,
                  status: 'PROPOSED',
                  reason: key,
                },
              },
            }),
            headers: { 'idempotency-key': key },
          };
        }
        kinds.reads++;
        const query =
          mix < 6
            ? `query ($j: ID!) { matchesForJobseeker(jobseekerId: $j, first: 20, includeExternal: false) { edges { node { score vacancyId } } } }`
            : mix < 8
              ? `query ($v: ID!) { matchesForVacancy(vacancyId: $v, first: 20) { edges { node { score jobseeker { id } } } } }`
              : `{ vacancies(first: 20) { edges { node { title municipality { nameFi } } } } }`;
        return { body: JSON.stringify({ query, variables: { j: jobseeker, v: vacancy } }) };
      },
      answered: (key) => succeeded.add(key),
    });
    const [{ rows, keys }] = await ds.query(
      `SELECT count(*)::int AS rows, count(DISTINCT reason)::int AS keys FROM match_outcome WHERE reason LIKE 'load-%'`,
    );
    console.log(
      `Load test: ${database.kind}, 8 connections, 15 s, fixtures (${jobseekers.length} jobseekers of the area, ${vacancies.length} open vacancies)`,
    );
    console.log(`  reads ${kinds.reads}, writes ${kinds.writes}: ${describeLoad(result)}`);
    console.log(
      `  outcome rows ${rows} for ${succeeded.size} keys answered with success (distinct keys in the rows: ${keys}): ${rows === succeeded.size && keys === rows ? 'nothing lost, nothing duplicated' : 'MISMATCH'}`,
    );
    if (rows !== succeeded.size || keys !== rows) process.exitCode = 1;
  } finally {
    // Requests autocannon abandoned at the end still run on the server: let them finish.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await app.stop();
    await scratch?.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
