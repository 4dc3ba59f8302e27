/** Regenerates fixtures/esco-sample/csv from fixtures/esco-sample/source (npm run fixtures:taxonomy). */
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { writeSampleTaxonomy } from '../src/taxonomy/sample/sample-taxonomy';

const base = path.join(PROJECT_ROOT, 'fixtures', 'esco-sample');
writeSampleTaxonomy(path.join(base, 'source'), path.join(base, 'csv'));
console.log(`Wrote ${path.relative(PROJECT_ROOT, path.join(base, 'csv'))}`);
