/**
 * Part of npm run bench: start-up and re-import at 100,000 jobseekers and 20,000 vacancies
 * (OSAAMO_BENCH_STARTUP_PEOPLE / _VACANCIES) on PostgreSQL, full ESCO when ESCO_DIR is set.
 *
 * 1. Loading the jobseekers for the match index the old way (a row per claim) and the new way
 *    (a row per person, claims aggregated in SQL), in the same run and the same snapshot, with
 *    the index build and its heap per record (run with --expose-gc).
 * 2. An empty server process to /readyz 200.
 * 3. A full re-import (every jobseeker in the change feed): the replay, the top-50 latency
 *    before and after the background compaction, against the fresh build's.
 */
import 'reflect-metadata';
import { Database } from '../src/db/database';
import { JsonlImporter } from '../src/import/jsonl-importer';
import { EscoImporter } from '../src/taxonomy/import/esco-importer';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import {
  CandidateIndex,
  CandidateProfile,
  DEFAULT_MATCH_PARAMS,
  SkillGraph,
  VacancyProfile,
} from '../matching';
import {
  loadCandidateMunicipalities,
  loadCandidates,
  loadSkillGraph,
  loadVacancies,
  Queryable,
} from '../src/matches/profile-loader';
import { MatchIndex } from '../src/matches/match-index';
import { Population } from './population';
import { marketLines } from './support/market';
import { loadCandidatesRowByRow } from './support/row-by-row-loader';
import { heapMb, percentile } from './support/stats';
import { postgresScratch } from './support/postgres';
import { startServer, untilReady } from './support/server-process';

const PEOPLE = Number(process.env.OSAAMO_BENCH_STARTUP_PEOPLE ?? 100_000);
const VACANCIES = Number(process.env.OSAAMO_BENCH_STARTUP_VACANCIES ?? 20_000);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Loads the jobseekers with `load` and builds the candidate index: times and heap per record. */
async function loadAndBuild(
  label: string,
  db: Queryable,
  graph: SkillGraph,
  load: (db: Queryable) => Promise<CandidateProfile[]>,
): Promise<{ loadMs: number; buildMs: number; index: CandidateIndex }> {
  const heapBefore = heapMb();
  const started = Date.now();
  const [people, homes] = [await load(db), await loadCandidateMunicipalities(db)];
  const loadMs = Date.now() - started;
  const built = Date.now();
  const index = CandidateIndex.build(
    graph,
    people.map((profile) => ({ profile, tag: homes.get(profile.id) ?? '' })),
    DEFAULT_MATCH_PARAMS,
  );
  const buildMs = Date.now() - built;
  const heapPerRecord = ((heapMb() - heapBefore) * 2 ** 20) / index.size;
  console.log(
    `  ${label}: load ${seconds(loadMs)}, index build ${seconds(buildMs)}, heap ${(heapPerRecord / 1024).toFixed(1)} KiB per jobseeker (${((heapPerRecord * 1e6) / 2 ** 30).toFixed(2)} GiB per million)`,
  );
  return { loadMs, buildMs, index };
}

/** p50 and p95 of top-50 for each vacancy, after one warm-up round. */
function rankTimes(index: CandidateIndex, vacancies: VacancyProfile[]): string {
  heapMb(); // a full collection first (with --expose-gc), so no run pays for another's garbage
  for (const v of vacancies.slice(0, 20)) index.rank(v, { k: 50 });
  const times = vacancies.map((v) => {
    const start = process.hrtime.bigint();
    index.rank(v, { k: 50 });
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
}

async function serverToReady(databaseUrl: string): Promise<number> {
  const port = 4950 + (process.pid % 40);
  const started = Date.now();
  const server = startServer(databaseUrl, port);
  try {
    return await untilReady(`http://127.0.0.1:${port}`, started);
  } finally {
    server.kill();
  }
}

/**
 * A scratch database holding the market, or (OSAAMO_BENCH_STARTUP_DATABASE_URL) one prepared
 * earlier with the same generator, to measure again without importing again.
 */
async function marketDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const prepared = process.env.OSAAMO_BENCH_STARTUP_DATABASE_URL;
  if (prepared) return { url: prepared, drop: () => Promise.resolve() };
  const scratch = await postgresScratch('startup');
  if (!scratch) return undefined;
  const escoDir = process.env.ESCO_DIR;
  const database = await Database.open({ databaseUrl: scratch.url, embeddedDataDir: '' });
  try {
    await database.migrate();
    const ds = database.dataSource;
    await new EscoImporter(ds).import(escoDir ?? SAMPLE_TAXONOMY_DIR, escoDir ? ['en'] : undefined);
    const municipalities: string[] = (
      await ds.query(`SELECT code FROM municipality WHERE employment_area = 'kuopio' ORDER BY code`)
    ).map((r: { code: string }) => r.code);
    const population = new Population(readTaxonomyView(escoDir ?? SAMPLE_TAXONOMY_DIR), 42);
    const loaded = await new JsonlImporter(ds).importLines([
      ...marketLines(population, municipalities, PEOPLE, VACANCIES),
    ]);
    if (loaded.rejected.length)
      throw new Error(`rejected lines: ${JSON.stringify(loaded.rejected.slice(0, 3))}`);
    await ds.query('ANALYZE');
  } catch (error) {
    await scratch.drop();
    throw error;
  } finally {
    await database.close();
  }
  return scratch;
}

async function main(): Promise<void> {
  const market = await marketDatabase();
  if (!market) {
    console.log('\nStart-up: skipped (no PostgreSQL at DATABASE_URL or 127.0.0.1:5432)');
    return;
  }
  const database = await Database.open({ databaseUrl: market.url, embeddedDataDir: '' });
  try {
    const ds = database.dataSource;
    const [{ jobseekers, vacancies: vacancyCount, skills }] = await ds.query(
      `SELECT (SELECT count(*) FROM jobseeker)::int AS jobseekers, (SELECT count(*) FROM vacancy)::int AS vacancies,
              (SELECT count(*) FROM esco_skill)::int AS skills`,
    );
    const [{ claims }] = await ds.query(
      `SELECT count(*)::int AS claims FROM assessed_skill s JOIN active_competence_assessment a ON a.id = s.assessment_id`,
    );
    console.log(
      `\nStart-up on PostgreSQL (${skills} skills): ${jobseekers} jobseekers with ${claims} claims, ${vacancyCount} vacancies`,
    );

    const graph = await loadSkillGraph(ds, DEFAULT_MATCH_PARAMS.skillGraph);
    const runner = ds.createQueryRunner();
    await runner.connect();
    let fresh: CandidateIndex;
    try {
      await runner.startTransaction('REPEATABLE READ');
      const db = runner.manager;
      const old = await loadAndBuild('row per claim (before)', db, graph, loadCandidatesRowByRow);
      const now = await loadAndBuild('row per person (now)  ', db, graph, (d) => loadCandidates(d));
      await runner.commitTransaction();
      console.log(
        `  load ${(old.loadMs / now.loadMs).toFixed(1)}× faster, load and build ${seconds(old.loadMs + old.buildMs)} → ${seconds(now.loadMs + now.buildMs)} (${((old.loadMs + old.buildMs) / (now.loadMs + now.buildMs)).toFixed(1)}×)`,
      );
      fresh = now.index;
    } finally {
      await runner.release();
    }

    console.log(`  empty process to /readyz 200: ${seconds(await serverToReady(market.url))}`);

    const vacancyIds: string[] = (
      await ds.query(`SELECT id FROM vacancy ORDER BY md5(id::text) LIMIT 200`)
    ).map((r: { id: string }) => r.id);
    const vacancies = await loadVacancies(ds, vacancyIds);
    const matchIndex = new MatchIndex(ds, () => Promise.resolve(graph), DEFAULT_MATCH_PARAMS);
    await matchIndex.build();
    console.log(`  top-50 on a fresh build: ${rankTimes(fresh, vacancies)}`);
    // What a re-import replacing everyone leaves in the feed: every jobseeker, once.
    await ds.query(
      `INSERT INTO match_change (kind, entity_id) SELECT 'jobseeker', id FROM jobseeker ORDER BY id`,
    );
    const replayStarted = Date.now();
    await matchIndex.catchUp();
    const { candidates } = await matchIndex.whenReady();
    console.log(
      `  full re-import replayed in ${seconds(Date.now() - replayStarted)}; top-50 before compaction: ${rankTimes(candidates, vacancies)}`,
    );
    const compactStarted = Date.now();
    const compacted = await matchIndex.compactInBackground();
    console.log(
      `  background compaction ${compacted ? 'ran' : 'was not due'} in ${seconds(Date.now() - compactStarted)}; top-50 after it: ${rankTimes(candidates, vacancies)}`,
    );
    const again = new MatchIndex(ds, () => Promise.resolve(graph), DEFAULT_MATCH_PARAMS);
    console.log(
      `  a fresh build again, now: top-50 ${rankTimes((await again.whenReady()).candidates, vacancies)}`,
    );
  } finally {
    await database.close();
    await market.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
