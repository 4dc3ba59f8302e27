import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { EscoImporter } from '../../src/taxonomy/import/esco-importer';
import { SAMPLE_TAXONOMY_DIR } from '../../src/taxonomy/sample/load-sample-taxonomy';
import {
  evaluate,
  ILIKE_BASELINE_SQL,
  LabelledQuery,
  loadLabelledQueries,
} from '../../src/taxonomy/search/evaluation';
import { TaxonomySearchService } from '../../src/taxonomy/taxonomy-search.service';
import { describeWithEsco, ESCO_DIR } from '../support/esco-dir';
import { openTestDatabase, TestDatabase } from '../support/test-database';

const queries = loadLabelledQueries(
  path.join(PROJECT_ROOT, 'test', 'search', 'labelled-queries.tsv'),
  path.join(SAMPLE_TAXONOMY_DIR, '..', 'source'),
);

function searchWith(service: TaxonomySearchService) {
  return (q: LabelledQuery) =>
    (q.kind === 'skill'
      ? service.searchSkills(q.query, q.language, 10)
      : service.searchOccupations(q.query, q.language, 10)
    ).map((hit) => hit.conceptUri);
}

function ilikeWith(database: Database) {
  return async (q: LabelledQuery) =>
    (await database.dataSource.query(ILIKE_BASELINE_SQL, [q.kind, q.query])).map(
      (r: { concept_uri: string }) => r.concept_uri,
    );
}

describe('search quality on the labelled queries (sample taxonomy)', () => {
  let db: TestDatabase;
  let service: TaxonomySearchService;
  beforeAll(async () => {
    db = await openTestDatabase();
    service = new TaxonomySearchService(db.database.dataSource);
    await service.refresh();
  });
  afterAll(() => db.close());

  it('has at least 80 queries in Finnish, Swedish and English', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(queries.map((q) => q.language))).toEqual(new Set(['fi', 'sv', 'en']));
  });

  it('meets the recall@5 and MRR thresholds, in every language', async () => {
    const all = await evaluate(queries, searchWith(service));
    expect(all.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(all.mrr).toBeGreaterThanOrEqual(0.93);
    for (const language of ['fi', 'sv', 'en']) {
      const subset = await evaluate(
        queries.filter((q) => q.language === language),
        searchWith(service),
      );
      expect({ language, ok: subset.recallAt5 >= 0.9 && subset.mrr >= 0.9 }).toEqual({
        language,
        ok: true,
      });
    }
  });

  it('finds the nurse for "sairaanhoitajan" and welding skills for "hitsauksen"', () => {
    expect(service.searchOccupations('sairaanhoitajan', 'fi', 1)[0]!.conceptUri).toBe(
      'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50',
    );
    const welding = service.searchSkills('hitsauksen', 'fi', 5);
    expect(welding.length).toBeGreaterThanOrEqual(3);
    expect(welding.slice(0, 3).every((hit) => /hitsa/.test(hit.label))).toBe(true);
  });

  it('beats the plain ILIKE substring baseline by a wide margin', async () => {
    const ours = await evaluate(queries, searchWith(service));
    const baseline = await evaluate(queries, ilikeWith(db.database));
    expect(ours.recallAt5 - baseline.recallAt5).toBeGreaterThan(0.2);
    expect(ours.mrr - baseline.mrr).toBeGreaterThan(0.2);
  });
});

describeWithEsco('search quality on the full English ESCO (ESCO_DIR)', () => {
  let database: Database;
  let service: TaxonomySearchService;
  beforeAll(async () => {
    database = await Database.open({ embeddedDataDir: 'memory://' });
    await database.migrate();
    await new EscoImporter(database.dataSource).import(ESCO_DIR!, ['en']);
    service = new TaxonomySearchService(database.dataSource);
    await service.refresh();
  }, 300_000); // the full ESCO import and its linking model: over a minute on a loaded machine
  afterAll(() => database.close());

  it('keeps recall@5 and MRR above their thresholds among 13,896 skills and 3,007 occupations', async () => {
    const english = queries.filter((q) => q.language === 'en');
    const ours = await evaluate(english, searchWith(service));
    const baseline = await evaluate(english, ilikeWith(database));
    expect(ours.recallAt5).toBeGreaterThanOrEqual(0.85);
    expect(ours.mrr).toBeGreaterThanOrEqual(0.7);
    expect(ours.recallAt5).toBeGreaterThan(baseline.recallAt5);
    expect(ours.mrr).toBeGreaterThan(baseline.mrr);
  });
});
