/**
 * npm run eval:search — recall@5 and MRR of the taxonomy search on the labelled queries
 * (test/search/labelled-queries.tsv), against a plain ILIKE substring baseline: on the sample
 * taxonomy, and with ESCO_DIR on the full English taxonomy (English queries only).
 */
import 'reflect-metadata';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { EscoImporter } from '../src/taxonomy/import/esco-importer';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import {
  evaluate,
  EvaluationSummary,
  ILIKE_BASELINE_SQL,
  LabelledQuery,
  loadLabelledQueries,
} from '../src/taxonomy/search/evaluation';
import { TaxonomySearchService } from '../src/taxonomy/taxonomy-search.service';

const QUERIES = path.join(PROJECT_ROOT, 'test', 'search', 'labelled-queries.tsv');
const verbose = process.argv.includes('--verbose');

async function evaluateOn(
  title: string,
  taxonomyDir: string,
  languages: string[] | undefined,
  queries: LabelledQuery[],
): Promise<void> {
  // A fresh in-memory embedded database, or a scratch schema-free use of DATABASE_URL is not needed.
  const database = await Database.open({ embeddedDataDir: 'memory://' });
  try {
    await database.migrate();
    await new EscoImporter(database.dataSource).import(taxonomyDir, languages);
    const search = new TaxonomySearchService(database.dataSource);
    await search.refresh();
    const ours = await evaluate(queries, (q) =>
      (q.kind === 'skill'
        ? search.searchSkills(q.query, q.language, 10)
        : search.searchOccupations(q.query, q.language, 10)
      ).map((hit) => hit.conceptUri),
    );
    const baseline = await evaluate(queries, async (q) =>
      (await database.dataSource.query(ILIKE_BASELINE_SQL, [q.kind, q.query])).map(
        (r: { concept_uri: string }) => r.concept_uri,
      ),
    );
    console.log(`\n${title}: ${queries.length} queries`);
    console.log(`  ${'search'.padEnd(16)} ${'recall@5'.padStart(9)} ${'MRR'.padStart(7)}`);
    print('label index', ours);
    print('ILIKE baseline', baseline);
    for (const language of ['fi', 'sv', 'en']) {
      const subset = ours.outcomes.filter((o) => o.query.language === language);
      if (subset.length === 0 || subset.length === queries.length) continue;
      const r = subset.reduce((s, o) => s + o.recallAt5, 0) / subset.length;
      const m = subset.reduce((s, o) => s + o.reciprocalRank, 0) / subset.length;
      console.log(
        `    ${language}: ${subset.length} queries, recall@5 ${r.toFixed(3)}, MRR ${m.toFixed(3)}`,
      );
    }
    const misses = ours.outcomes.filter((o) => o.reciprocalRank < 1);
    if (verbose || misses.length <= 15) {
      for (const o of misses) {
        console.log(
          `    not first: [${o.query.language}] ${o.query.query} (${o.query.note}) rank ${o.reciprocalRank ? 1 / o.reciprocalRank : '>10'}`,
        );
      }
    }
  } finally {
    await database.close();
  }
}

function print(name: string, summary: EvaluationSummary): void {
  console.log(
    `  ${name.padEnd(16)} ${summary.recallAt5.toFixed(3).padStart(9)} ${summary.mrr.toFixed(3).padStart(7)}`,
  );
}

async function main(): Promise<void> {
  const queries = loadLabelledQueries(QUERIES, path.join(SAMPLE_TAXONOMY_DIR, '..', 'source'));
  await evaluateOn('Sample taxonomy (fi, sv, en)', SAMPLE_TAXONOMY_DIR, undefined, queries);
  const escoDir = process.env.ESCO_DIR;
  if (escoDir) {
    await evaluateOn(
      'Full ESCO, English',
      escoDir,
      ['en'],
      queries.filter((q) => q.language === 'en'),
    );
  } else {
    console.log(
      '\nFull ESCO: skipped (set ESCO_DIR to the ESCO download, e.g. ../shared/esco/v1.1.1)',
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
