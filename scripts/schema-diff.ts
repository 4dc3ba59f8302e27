/**
 * npm run schema:diff -- [git-ref]: the breaking and dangerous changes of the built schema
 * against schema/schema.graphql at a git ref (default origin/main, else HEAD), with graphql-js's
 * own findBreakingChanges. Exits 1 on a breaking change, so that a review or CI step on a
 * branch can stop one that was not meant (the drift test already demands that every change to
 * the schema is committed deliberately).
 */
import { execFileSync } from 'node:child_process';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import { PROJECT_ROOT } from '../src/config';
import { buildAppSchema } from '../src/api/schema';

function committedSchema(ref: string): string {
  return execFileSync('git', ['show', `${ref}:schema/schema.graphql`], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
}

async function main(): Promise<void> {
  const wanted = process.argv[2];
  let ref = wanted ?? 'origin/main';
  let text: string;
  try {
    text = committedSchema(ref);
  } catch {
    if (wanted) throw new Error(`No schema/schema.graphql at ${ref}`);
    ref = 'HEAD';
    text = committedSchema(ref);
  }
  const before = buildSchema(text);
  const after = await buildAppSchema();
  const breaking = findBreakingChanges(before, after);
  const dangerous = findDangerousChanges(before, after);
  console.log(
    `Schema against ${ref}: ${breaking.length} breaking, ${dangerous.length} dangerous changes`,
  );
  for (const c of breaking) console.log(`  BREAKING ${c.type}: ${c.description}`);
  for (const c of dangerous) console.log(`  dangerous ${c.type}: ${c.description}`);
  if (breaking.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`${error instanceof Error ? error.message : error}`);
  process.exit(2);
});
