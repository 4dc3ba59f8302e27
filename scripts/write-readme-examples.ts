/**
 * npm run readme:examples — rewrites the README's "First steps" block from
 * src/api/http/examples.ts (test/api/examples.test.ts fails when the two differ).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { loadFixtureUsers } from '../src/auth/fixture-users';
import { README_END, README_START, readmeFirstSteps } from '../src/api/http/examples';

export function writeReadmeFirstSteps(): void {
  const file = path.join(PROJECT_ROOT, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no block ${README_START} … ${README_END}`);
  const block = readmeFirstSteps(loadFixtureUsers());
  fs.writeFileSync(file, readme.slice(0, start) + block + readme.slice(end + README_END.length));
  console.log('Wrote the First steps block of README.md');
}

if (require.main === module) writeReadmeFirstSteps();
