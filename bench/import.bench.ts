/**
 * Part of npm run bench: the JSON Lines import of 10,000 jobseekers (each with personal data,
 * languages, one or two assessments of ~10 skills, and consents), on the embedded database and
 * on PostgreSQL. The jobseekers are the area fixtures' 300, repeated with new customer ids.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { Client } from 'pg';
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
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    console.log('  PostgreSQL           skipped: no server at DATABASE_URL or 127.0.0.1:5432');
    return;
  }
  const name = `osaamo_bench_import_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const postgres = await Database.open({ databaseUrl: url.toString(), embeddedDataDir: '' });
  try {
    await run('PostgreSQL', postgres, lines);
  } finally {
    await postgres.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
