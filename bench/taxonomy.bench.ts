/**
 * npm run bench — taxonomy figures, measured in one run on this machine:
 *  - the full ESCO import (ESCO_DIR; the sample otherwise) on the embedded database and, when
 *    DATABASE_URL or the local server answers, on PostgreSQL;
 *  - search latency (p50, p95) over the labelled queries, against the ILIKE baseline as a ratio;
 *  - searchOccupations on ad titles (the linking set's tuning half; issue 14).
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { EscoImporter } from '../src/taxonomy/import/esco-importer';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { ILIKE_BASELINE_SQL, loadLabelledQueries } from '../src/taxonomy/search/evaluation';
import { readTitleSet, titleSetFile } from '../src/taxonomy/linking/title-evaluation';
import { TaxonomySearchService } from '../src/taxonomy/taxonomy-search.service';
import { loadSkillGraph } from '../src/matches/profile-loader';
import { DEFAULT_MATCH_PARAMS } from '../matching';
import { postgresScratch } from './support/postgres';
import { percentile } from './support/stats';

const escoDir = process.env.ESCO_DIR;
const taxonomyDir = escoDir ?? SAMPLE_TAXONOMY_DIR;
const languages = escoDir ? ['en'] : undefined;

async function timeImport(database: Database, label: string): Promise<void> {
  await database.migrate();
  const first = await new EscoImporter(database.dataSource).import(taxonomyDir, languages);
  const again = await new EscoImporter(database.dataSource).import(taxonomyDir, languages);
  console.log(
    `  ${label.padEnd(24)} first ${(first.elapsedMs / 1000).toFixed(1)} s, re-import ${(again.elapsedMs / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(
    `Taxonomy: ${escoDir ? `full ESCO at ${escoDir} (English)` : 'the sample (set ESCO_DIR for the full ESCO)'}`,
  );
  console.log('\nImport');
  const embedded = await Database.open({ embeddedDataDir: 'memory://' });
  await timeImport(embedded, 'embedded (PGlite)');
  const scratch = await postgresScratch('taxonomy');
  if (scratch) {
    const postgres = await Database.open({ databaseUrl: scratch.url, embeddedDataDir: '' });
    try {
      await timeImport(postgres, 'PostgreSQL');
    } finally {
      await postgres.close();
      await scratch.drop();
    }
  } else {
    console.log('  PostgreSQL               skipped: no server at DATABASE_URL or 127.0.0.1:5432');
  }

  console.log('\nSearch (labelled queries, repeated 20 times)');
  const search = new TaxonomySearchService(embedded.dataSource);
  const buildStarted = process.hrtime.bigint();
  await search.refresh();
  console.log(
    `  index build from the database: ${(Number(process.hrtime.bigint() - buildStarted) / 1e6).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
  const queries = loadLabelledQueries(
    path.join(PROJECT_ROOT, 'test', 'search', 'labelled-queries.tsv'),
    path.join(SAMPLE_TAXONOMY_DIR, '..', 'source'),
  ).filter((q) => !escoDir || q.language === 'en');
  const ours: number[] = [];
  const ilike: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      let t = process.hrtime.bigint();
      if (q.kind === 'skill') search.searchSkills(q.query, q.language, 10);
      else search.searchOccupations(q.query, q.language, 10);
      ours.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      await embedded.dataSource.query(ILIKE_BASELINE_SQL, [q.kind, q.query]);
      ilike.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const row = (name: string, values: number[]) =>
    console.log(
      `  ${name.padEnd(24)} p50 ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms`,
    );
  row('label index (in memory)', ours);
  row('ILIKE on embedded', ilike);
  console.log(
    `  ratio (ILIKE p50 / ours p50): ${(percentile(ilike, 50) / percentile(ours, 50)).toFixed(1)}×`,
  );
  // Ad titles as the development set writes them (issue 14): lists, employers, places, terms.
  const titles = readTitleSet(titleSetFile(escoDir ? 'en' : 'fi', 'tune')) ?? [];
  const titleTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const t of titles) {
      const started = process.hrtime.bigint();
      search.searchOccupations(t.text, escoDir ? 'en' : 'fi', 10);
      titleTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  console.log(`\nOccupation search on ${titles.length} ad titles (tuning half), repeated 20 times`);
  row('searchOccupations', titleTimes);
  const graphStarted = process.hrtime.bigint();
  const graph = await loadSkillGraph(embedded.dataSource, DEFAULT_MATCH_PARAMS.skillGraph);
  const graphMs = Number(process.hrtime.bigint() - graphStarted) / 1e6;
  const probe = '28cb374e-6261-4133-8371-f9a5470145da';
  console.log(
    `\nSkill graph (matching) built from the database in ${graphMs.toFixed(0)} ms; "operate forklift" has ${graph.neighbours(`http://data.europa.eu/esco/skill/${probe}`).length} related skills`,
  );
  await embedded.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
