/**
 * npm run test:explore -- [--runs N] [test files…] — runs the property tests (every test file
 * that imports fast-check, or the files named) N times (default 10), each time with a fresh
 * random seed, and prints the seed of every failing run. The suite itself always runs with one
 * fixed seed (test/support/property-seed.ts); this is how new counterexamples are found.
 * Replay one: `OSAAMO_PROPERTY_SEED=<seed> npx jest <file>`.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';

function propertyTestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return propertyTestFiles(file);
    return entry.name.endsWith('.test.ts') &&
      /from 'fast-check'/.test(fs.readFileSync(file, 'utf8'))
      ? [path.relative(PROJECT_ROOT, file)]
      : [];
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 10;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  const files = args.length ? args : propertyTestFiles(path.join(PROJECT_ROOT, 'test'));
  console.log(`Exploring ${runs} fresh seeds over ${files.join(', ')}`);
  const failed: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const seed = randomInt(0, 2 ** 31);
    const jest = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest', { paths: [PROJECT_ROOT] }), '--silent', ...files],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, OSAAMO_PROPERTY_SEED: String(seed) },
        encoding: 'utf8',
      },
    );
    const ok = jest.status === 0;
    console.log(`run ${run}/${runs}: seed ${seed} ${ok ? 'passed' : 'FAILED'}`);
    if (!ok) {
      failed.push(seed);
      // Jest reports on stderr: the failing property, its counterexample and fast-check's seed.
      console.log(jest.stderr.split('\n').slice(-120).join('\n'));
    }
  }
  if (failed.length) {
    console.log(`\nFailing seeds: ${failed.join(', ')}`);
    console.log(`Replay: OSAAMO_PROPERTY_SEED=${failed[0]} npx jest ${files.join(' ')}`);
    process.exitCode = 1;
  } else console.log(`\nAll ${runs} seeds passed.`);
}

main();
