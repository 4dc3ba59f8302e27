/** Writes schema/schema.graphql, sorted (npm run schema:emit). A test fails when it drifts. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { buildAppSchema, printSortedSchema } from '../src/api/schema';

buildAppSchema()
  .then((schema) => {
    const file = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, printSortedSchema(schema));
    console.log(`Wrote ${path.relative(PROJECT_ROOT, file)}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
