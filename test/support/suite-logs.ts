import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { fixturePersonalData, personalDataInLogs } from './personal-data-in-logs';
import { propertySeed } from './property-seed';
import { skipsIn } from './skip';

/**
 * Once per run, whichever jest project starts first (both global setups call it): a directory
 * for every worker's log lines (log-capture.ts), and the property tests' seed printed, so a
 * failure can be replayed (OSAAMO_PROPERTY_SEED=<seed>).
 */
export function prepareSuiteLogs(): void {
  process.env.LOG_LEVEL ??= 'warn';
  if (process.env.OSAAMO_TEST_LOG_DIR) return;
  console.log(`Property tests run with fast-check seed ${propertySeed()} (OSAAMO_PROPERTY_SEED).`);
  process.env.OSAAMO_TEST_LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-test-logs-'));
}

/**
 * Once per run, after every test of every project (both global teardowns call it; the second
 * finds nothing left): no personal data in the logs of the whole suite (checklist 20, 24). A
 * failure names the events, never the data.
 */
export function scanSuiteLogs(): void {
  const logDir = process.env.OSAAMO_TEST_LOG_DIR;
  if (!logDir || !fs.existsSync(logDir)) return;
  delete process.env.OSAAMO_TEST_LOG_DIR;
  for (const line of skipsIn(logDir)) console.log(line);
  const counted = { lines: 0 };
  const found = personalDataInLogs(
    logDir,
    fixturePersonalData(path.join(PROJECT_ROOT, 'fixtures/people/kuopio-area.jsonl')),
    counted,
  );
  console.log(
    `Scanned ${counted.lines} log lines of the suite for personal data: ${found.length} found.`,
  );
  fs.rmSync(logDir, { recursive: true, force: true });
  if (found.length)
    throw new Error(
      `Personal data in the test suite's logs: ${found.length} lines, in ${[...new Set(found)].join(', ')}`,
    );
}
