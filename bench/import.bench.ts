/**
 * Part of npm run bench: the JSON Lines import of 10,000 jobseekers (each with personal data,
 * languages, one or two assessments of ~10 skills, and consents), on the embedded database and
 * on PostgreSQL. The jobseekers are the area fixtures' 300, repeated with new customer ids.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { postgresScratch } from './support/postgres';
import { Database } from '../src/db/database';
import { JsonlImporter } from '../src/import/jsonl-importer';
import { SAMPLE_PEOPLE_FILE } from '../src/import/load-sample-people';
import { loadSampleTaxonomyIfEmpty } from '../src/taxonomy/sample/load-sample-taxonomy';

const COUNT = 10_000;

function jobseekerLines(): string[] {
  const templates = fs
    .readFileSync(SAMPLE_PEOPLE_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"type":"jobseeker"'))
    .map((l) => JSON.parse(l));
  return Array.from({ length: COUNT }, (_, i) => {
    const { id: _id, ...template } = templates[i % templates.length];
    return JSON.stringify({ ...template, customerId: `BENCH-${i}` });
  });
}

async function run(label: string, database: Database, lines: string[]): Promise<void> {
  await database.migrate();
  await loadSampleTaxonomyIfEmpty(database.dataSource);
  const importer = new JsonlImporter(database.dataSource);
  const first = await importer.importLines(lines);
  const again = await importer.importLines(lines);
  if (first.rejected.length || first.loaded.jobseeker !== COUNT)
    throw new Error(`${label}: expected ${COUNT} loaded, got ${JSON.stringify(first.loaded)}`);
  console.log(
    `  ${label.padEnd(20)} ${COUNT} jobseekers: first ${(first.elapsedMs / 1000).toFixed(1)} s (${Math.round(COUNT / (first.elapsedMs / 1000))}/s), re-import ${(again.elapsedMs / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  const lines = jobseekerLines();
  console.log(`\nJSON Lines import (${(lines.join('\n').length / 2 ** 20).toFixed(1)} MB)`);
  const embedded = await Database.open({ embeddedDataDir: 'memory://' });
  try {
    await run('embedded (PGlite)', embedded, lines);
  } finally {
    await embedded.close();
  }
  const scratch = await postgresScratch('import');
  if (!scratch) {
    console.log('  PostgreSQL           skipped: no server at DATABASE_URL or 127.0.0.1:5432');
    return;
  }
  const postgres = await Database.open({ databaseUrl: scratch.url, embeddedDataDir: '' });
  try {
    await run('PostgreSQL', postgres, lines);
  } finally {
    await postgres.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
