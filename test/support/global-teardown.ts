import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { scanSuiteLogs } from './suite-logs';
import { TestTemplate } from './template';

export default async function globalTeardown(): Promise<void> {
  const infoFile = process.env.OSAAMO_TEST_TEMPLATE_INFO;
  if (infoFile && fs.existsSync(infoFile)) {
    const template = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as TestTemplate;
    if (template.kind === 'postgres' && template.adminUrl) {
      const admin = new Client({ connectionString: template.adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${template.templateDatabase}`);
      await admin.end();
    }
    fs.rmSync(path.dirname(infoFile), { recursive: true, force: true });
  }
  scanSuiteLogs();
}
