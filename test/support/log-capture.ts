// Runs in every test worker: every log line of the suite, at every level, goes to a file that
// the global teardown scans for personal data (checklist 20, 24). A passing run prints no log
// line (many tests provoke warnings on purpose); OSAAMO_TEST_LOG_ECHO=true echoes warnings and
// errors to the console when a failure needs them.
import fs from 'node:fs';
import path from 'node:path';
import { setLogSink } from '../../src/kernel/logger';

const dir = process.env.OSAAMO_TEST_LOG_DIR;
if (dir) {
  process.env.LOG_LEVEL = 'debug';
  const file = path.join(dir, `${process.pid}.jsonl`);
  setLogSink((line) => {
    fs.appendFileSync(file, line + '\n');
    if (/"level":"(warn|error)"/.test(line) && process.env.OSAAMO_TEST_LOG_ECHO === 'true')
      process.stdout.write(line + '\n');
  });
}
