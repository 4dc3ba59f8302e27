import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../src/config';
import { fixturePersonalData, personalDataInLogs } from './personal-data-in-logs';
import { TestTemplate } from './template';

export default async function globalTeardown(): Promise<void> {
  const infoFile = process.env.OSAAMO_TEST_TEMPLATE_INFO;
  if (!infoFile || !fs.existsSync(infoFile)) return;
  const template = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as TestTemplate;
  if (template.kind === 'postgres' && template.adminUrl) {
    const admin = new Client({ connectionString: template.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template.templateDatabase}`);
    await admin.end();
  }
  // No personal data in the logs of the whole suite (checklist 20, 24): a failure names the
  // events, never the data.
  const logDir = process.env.OSAAMO_TEST_LOG_DIR;
  const counted = { lines: 0 };
  const found =
    logDir && fs.existsSync(logDir)
      ? personalDataInLogs(
          logDir,
          fixturePersonalData(path.join(PROJECT_ROOT, 'fixtures/people/kuopio-area.jsonl')),
          counted,
        )
      : [];
  console.log(
    `Scanned ${counted.lines} log lines of the suite for personal data: ${found.length} found.`,
  );
  fs.rmSync(path.dirname(infoFile), { recursive: true, force: true });
  if (found.length)
    throw new Error(
      `Personal data in the test suite's logs: ${found.length} lines, in ${[...new Set(found)].join(', ')}`,
    );
}
