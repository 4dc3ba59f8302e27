import fs from 'node:fs';
import path from 'node:path';

/**
 * A suite (or test) that runs only where what it needs is there. Skipped, it says why once: the
 * reason goes to the suite's log directory and the global teardown prints one line per skip
 * (suite-logs.ts), so a passing run shows what it did not cover and nothing else.
 */
export function describeIf(skipReason: string | null, name: string, body: () => void): void {
  if (!skipReason) return describe(name, body);
  recordSkip(name, skipReason);
  describe.skip(`${name} (skipped: ${skipReason})`, body);
}

/** As describeIf, for one test. */
export function itIf(
  skipReason: string | null,
  name: string,
  body: () => Promise<void>,
  timeout?: number,
): void {
  if (!skipReason) return it(name, body, timeout);
  recordSkip(name, skipReason);
  it.skip(`${name} (skipped: ${skipReason})`, body, timeout);
}

/** The reason to skip a suite that needs a PostgreSQL server (the embedded one cannot do it). */
export const NEEDS_POSTGRES = process.env.DATABASE_URL
  ? null
  : 'needs a PostgreSQL server: set DATABASE_URL';

function recordSkip(name: string, reason: string): void {
  const dir = process.env.OSAAMO_TEST_LOG_DIR;
  if (!dir) return;
  const testPath = expect.getState().testPath;
  const file = testPath ? path.relative(process.cwd(), testPath) : 'a test file';
  fs.appendFileSync(
    path.join(dir, `skipped-${process.pid}.txt`),
    `Skipped ${file}: ${name} (${reason})\n`,
  );
}

/** Every skip recorded in `dir`, one line each. */
export function skipsIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('skipped-'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter(Boolean)
    .sort();
}
