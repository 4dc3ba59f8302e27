import fs from 'node:fs';

/** Where global setup leaves the migrated template for test files to copy. */
export interface TestTemplate {
  kind: 'embedded' | 'postgres';
  /** embedded: a gzip dump of a migrated PGlite data folder with the sample taxonomy. */
  dumpFile?: string;
  /** postgres: the admin URL and the template database's name. */
  adminUrl?: string;
  templateDatabase?: string;
}

export function templateInfoFile(): string {
  const file = process.env.OSAAMO_TEST_TEMPLATE_INFO;
  if (!file)
    throw new Error(
      'Test template missing: run the tests through jest (globalSetup); a test file that opens a database belongs to the database project, not to UNIT_TESTS in jest.config.js',
    );
  return file;
}

export function readTemplate(): TestTemplate {
  return JSON.parse(fs.readFileSync(templateInfoFile(), 'utf8')) as TestTemplate;
}
