import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Database } from '../../src/db/database';
import { withDatabase } from './global-setup';
import { readTemplate } from './template';

export interface TestDatabase {
  database: Database;
  /** The URL of this test file's own database (postgres), or of the embedded server. */
  url: string;
  close(): Promise<void>;
}

/**
 * A database of this test file's own, copied from the migrated template (with the sample
 * taxonomy): an in-memory PGlite loaded from the template dump, or a PostgreSQL database
 * created from the template database and dropped afterwards.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  return openDatabase(true);
}

/** A fresh, empty database (no migrations) for tests of migrations themselves. */
export async function openEmptyDatabase(): Promise<TestDatabase> {
  return openDatabase(false);
}

async function openDatabase(fromTemplate: boolean): Promise<TestDatabase> {
  const template = readTemplate();
  if (template.kind === 'embedded') {
    const database = await Database.open(
      { embeddedDataDir: 'memory://' },
      { embeddedTemplateFile: fromTemplate ? template.dumpFile : undefined },
    );
    return { database, url: database.embedded!.url, close: () => database.close() };
  }
  const name = `osaamo_test_${randomBytes(6).toString('hex')}`;
  const clause = fromTemplate ? ` TEMPLATE ${template.templateDatabase}` : '';
  await adminQuery(template.adminUrl!, `CREATE DATABASE ${name}${clause}`);
  const url = withDatabase(template.adminUrl!, name);
  const database = await Database.open({ databaseUrl: url, embeddedDataDir: '' });
  return {
    database,
    url,
    async close() {
      await database.close();
      await adminQuery(template.adminUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
