/**
 * Writes a migration with the SQL that brings a database built by the existing migrations up to
 * the entities: `npm run migration:generate -- <Name>`. Needs a PostgreSQL server
 * (DATABASE_URL, default the local one); works in a scratch database it drops afterwards.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/db/database';
import { PROJECT_ROOT } from '../src/config';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Usage: migration:generate <PascalCaseName>');
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `osaamo_migration_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const dataSource = createDataSource(url.toString(), false);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('The entities match the migrations: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const quote = (q: string) => '`' + q.replace(/`/g, '\\`') + '`';
    const up = sql.upQueries
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .join('\n');
    const down = sql.downQueries
      .reverse()
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .join('\n');
    const className = `${name}${timestamp}`;
    const file = path.join(PROJECT_ROOT, 'migrations', `${timestamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n` +
        `  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(
      `Wrote ${path.relative(PROJECT_ROOT, file)}; add ${className} to migrations/index.ts`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
