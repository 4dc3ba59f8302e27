/**
 * Part of npm run bench: the running server on PostgreSQL with 100,000 jobseekers and 20,000
 * vacancies (OSAAMO_BENCH_SERVER_PEOPLE / _VACANCIES) drawn from the taxonomy (ESCO_DIR; the
 * sample otherwise): the time from starting an empty process to /readyz 200 (the match index
 * built from the database), then matchesForVacancy under concurrent load (autocannon).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { TEST_JWT_SECRET_FOR_BENCH } from './support/secrets';
import { PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { JsonlImporter } from '../src/import/jsonl-importer';
import { TokenService } from '../src/auth/token.service';
import { EscoImporter } from '../src/taxonomy/import/esco-importer';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import { Client } from 'pg';
import { DEFAULT_MATCH_PARAMS } from '../matching';
import { loadSkillGraph } from '../src/matches/profile-loader';
import { Population } from './population';
import { marketLines } from './support/market';
import { vacancyRankingSql } from './support/ranking-sql';
import { percentile } from './support/stats';
import { postgresScratch } from './support/postgres';

const PEOPLE = Number(process.env.OSAAMO_BENCH_SERVER_PEOPLE ?? 100_000);
const VACANCIES = Number(process.env.OSAAMO_BENCH_SERVER_VACANCIES ?? 20_000);
/** The skill graph's edges as a table, for the SQL ranking (required, held, credit factor). */
async function writeSkillEdges(database: Database): Promise<void> {
  const graph = await loadSkillGraph(database.dataSource, DEFAULT_MATCH_PARAMS.skillGraph);
  const skills: { uri: string }[] = await database.dataSource.query(`SELECT uri FROM esco_skill`);
  const required: string[] = [];
  const held: string[] = [];
  const factor: number[] = [];
  for (const { uri } of skills) {
    for (const edge of graph.neighbours(uri)) {
      required.push(uri);
      held.push(edge.skillUri);
      factor.push(Math.min(edge.similarity, DEFAULT_MATCH_PARAMS.relatedSkillCap));
    }
  }
  await database.dataSource.query(
    `CREATE TABLE bench_skill_edge (required_uri text NOT NULL, held_uri text NOT NULL, factor float8 NOT NULL)`,
  );
  for (let i = 0; i < required.length; i += 50_000) {
    await database.dataSource.query(
      `INSERT INTO bench_skill_edge SELECT * FROM unnest($1::text[], $2::text[], $3::float8[])`,
      [required.slice(i, i + 50_000), held.slice(i, i + 50_000), factor.slice(i, i + 50_000)],
    );
  }
  await database.dataSource.query(`CREATE INDEX ON bench_skill_edge (required_uri)`);
  await database.dataSource.query(`ANALYZE`);
}

/**
 * The same top-50 by the best single SQL query we could write, against one GraphQL request
 * at a time on the running server: agreement, latencies and the ratio; EXPLAIN ANALYZE of one.
 */
async function compareWithSql(
  databaseUrl: string,
  serverUrl: string,
  token: string,
  vacancyIds: string[],
): Promise<void> {
  const sql = vacancyRankingSql(DEFAULT_MATCH_PARAMS);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // The planner cannot estimate the rows of the CTEs (about 25,000 people with a related
  // skill, estimated at a dozen) and loops over them once per jobseeker; without nested loops
  // it hashes them (7.9 s against over 2 minutes for the first vacancy tried).
  await client.query('SET enable_nestloop = off');
  try {
    const sqlTimes: number[] = [];
    const apiTimes: number[] = [];
    let agreeing = 0;
    for (const id of vacancyIds) {
      const startedSql = process.hrtime.bigint();
      const { rows } = await client.query<{ id: string; score: number }>(sql, [id]);
      sqlTimes.push(Number(process.hrtime.bigint() - startedSql) / 1e6);
      const startedApi = process.hrtime.bigint();
      const response = await fetch(`${serverUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-osaamo-purpose': 'benchmark',
        },
        body: JSON.stringify({
          query: `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 50) { edges { node { score jobseeker { id } } } } }`,
          variables: { id },
        }),
      });
      const body = (await response.json()) as {
        data: {
          matchesForVacancy: { edges: { node: { score: number; jobseeker: { id: string } } }[] };
        };
      };
      apiTimes.push(Number(process.hrtime.bigint() - startedApi) / 1e6);
      const api = body.data.matchesForVacancy.edges.map((e) => e.node);
      const same =
        api.length === rows.length &&
        api.every(
          (m, i) =>
            m.jobseeker.id === rows[i]!.id && Math.abs(m.score - Number(rows[i]!.score)) < 1e-9,
        );
      if (same) agreeing++;
    }
    const sqlP50 = percentile(sqlTimes, 50);
    const apiP50 = percentile(apiTimes, 50);
    console.log(
      `  the same top-50 in one SQL query: p50 ${sqlP50.toFixed(0)} ms against ${apiP50.toFixed(1)} ms for one GraphQL request (${(sqlP50 / apiP50).toFixed(0)}×); identical ids and scores for ${agreeing} of ${vacancyIds.length} vacancies`,
    );
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [vacancyIds[0]]);
    console.log(`\n  SQL (bench/support/ranking-sql.ts):\n${sql}\n\n  EXPLAIN ANALYZE:`);
    for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const scratch = await postgresScratch('server');
  if (!scratch) {
    console.log('\nServer: skipped (no PostgreSQL at DATABASE_URL or 127.0.0.1:5432)');
    return;
  }
  const escoDir = process.env.ESCO_DIR;
  try {
    const database = await Database.open({ databaseUrl: scratch.url, embeddedDataDir: '' });
    await database.migrate();
    await new EscoImporter(database.dataSource).import(
      escoDir ?? SAMPLE_TAXONOMY_DIR,
      escoDir ? ['en'] : undefined,
    );
    const municipalities: string[] = (
      await database.dataSource.query(
        `SELECT code FROM municipality WHERE employment_area = 'kuopio' ORDER BY code`,
      )
    ).map((r: { code: string }) => r.code);
    const population = new Population(readTaxonomyView(escoDir ?? SAMPLE_TAXONOMY_DIR), 42);
    const loaded = await new JsonlImporter(database.dataSource).importLines([
      ...marketLines(population, municipalities, PEOPLE, VACANCIES),
    ]);
    if (loaded.rejected.length)
      throw new Error(`rejected lines: ${JSON.stringify(loaded.rejected.slice(0, 3))}`);
    const [{ id: vacancyId }] = await database.dataSource.query(
      `SELECT id FROM vacancy ORDER BY external_id LIMIT 1`,
    );
    const vacancyIds: string[] = (
      await database.dataSource.query(`SELECT id FROM vacancy ORDER BY random() LIMIT 200`)
    ).map((r: { id: string }) => r.id);
    await writeSkillEdges(database);
    await database.close();
    console.log(
      `\nServer on PostgreSQL: ${loaded.loaded.jobseeker} jobseekers, ${loaded.loaded.vacancy} vacancies loaded in ${(loaded.elapsedMs / 1000).toFixed(1)} s`,
    );

    const port = 4900 + (process.pid % 50);
    const started = Date.now();
    const server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/server.js')], {
      env: {
        ...process.env,
        DATABASE_URL: scratch.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        OSAAMO_JWT_SECRET: TEST_JWT_SECRET_FOR_BENCH,
        OSAAMO_PSEUDONYM_SECRET: `${TEST_JWT_SECRET_FOR_BENCH}-pseudonyms`,
        OSAAMO_LOAD_FIXTURES: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      for (;;) {
        const status = await fetch(`${url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) break;
        if (Date.now() - started > 300_000) throw new Error('the server did not become ready');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      console.log(
        `  empty process to /readyz 200: ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      const token = await new TokenService(TEST_JWT_SECRET_FOR_BENCH).issue({
        id: 'bench',
        role: 'counsellor',
        employmentArea: 'kuopio',
      });
      await compareWithSql(scratch.url, url, token, vacancyIds.slice(0, 5));
      let next = 0;
      const result = await autocannon({
        url: `${url}/graphql`,
        connections: 8,
        duration: 20,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-osaamo-purpose': 'benchmark',
        },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                query: `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 50) { edges { node { score jobseeker { pseudonym } } } } }`,
                variables: { id: vacancyIds[next++ % vacancyIds.length] ?? vacancyId },
              }),
            }),
          },
        ],
      });
      console.log(
        `  matchesForVacancy (top 50, ${vacancyIds.length} vacancies in turn, 8 connections, 20 s): p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} requests/s, ${result.non2xx} non-2xx, ${result.errors} errors`,
      );
    } finally {
      server.kill();
    }
  } finally {
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
