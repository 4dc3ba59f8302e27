/**
 * The margins of issue 14 for occupation linking of ad titles, on the held-out half of the
 * development set (fixtures/linking/titles-*.heldout.jsonl) and the full ESCO: searchOccupations
 * against the BM25 baseline over labels and descriptions. Only aggregates are computed here.
 */
import 'reflect-metadata';
import { Database } from '../../src/db/database';
import {
  escoDirFor,
  evaluationTaxonomyFor,
  openEvaluationTaxonomy,
} from '../../src/taxonomy/linking/evaluation-taxonomy';
import {
  TITLE_RANK_DEPTH,
  TitleComparison,
  compareTitleSystems,
  occupationBm25BaselineOf,
  readTitleSet,
  titleSetFile,
} from '../../src/taxonomy/linking/title-evaluation';
import { TaxonomySearchService } from '../../src/taxonomy/taxonomy-search.service';
import { describeWithEsco } from '../support/esco-dir';
import { describeIf } from '../support/skip';

jest.setTimeout(600_000);

async function heldOutComparison(
  database: Database,
  search: TaxonomySearchService,
  language: string,
): Promise<TitleComparison> {
  const titles = readTitleSet(titleSetFile(language, 'heldout'));
  if (!titles) throw new Error(`${titleSetFile(language, 'heldout')} is missing`);
  const baseline = await occupationBm25BaselineOf(database, language);
  return compareTitleSystems(
    titles,
    titles.map((t) =>
      search.searchOccupations(t.text, language, TITLE_RANK_DEPTH).map((h) => h.conceptUri),
    ),
    titles.map((t) => baseline.search(t.text, TITLE_RANK_DEPTH).map((h) => h.conceptUri)),
  );
}

describeWithEsco('occupation linking of ad titles on the full English ESCO (ESCO_DIR)', () => {
  let database: Database;
  let search: TaxonomySearchService;
  beforeAll(async () => {
    database = (await openEvaluationTaxonomy(evaluationTaxonomyFor('en')))!;
    search = new TaxonomySearchService(database.dataSource);
    await search.refresh();
  });
  afterAll(() => database?.close());

  it('leads BM25 by at least 0.05 MRR, the 95 % interval of the margin above zero', async () => {
    const c = await heldOutComparison(database, search, 'en');
    expect(c.engine.mrr.value).toBeGreaterThanOrEqual(0.4);
    expect(c.margin.mrr.value).toBeGreaterThanOrEqual(0.05);
    expect(c.margin.mrr.low).toBeGreaterThan(0);
  });
});

describeIf(
  escoDirFor('multi') ? null : 'no v1.1.1-multilingual beside ESCO_DIR or ESCO_MULTILINGUAL_DIR',
  'occupation linking of ad titles in Finnish and Swedish (ESCO_DIR beside v1.1.1-multilingual, or ESCO_MULTILINGUAL_DIR)',
  () => {
    let database: Database;
    let search: TaxonomySearchService;
    beforeAll(async () => {
      database = (await openEvaluationTaxonomy('multi'))!;
      search = new TaxonomySearchService(database.dataSource);
      await search.refresh();
    });
    afterAll(() => database?.close());

    it.each(['fi', 'sv'])('leads BM25 in MRR in %s', async (language) => {
      const c = await heldOutComparison(database, search, language);
      expect(c.margin.mrr.value).toBeGreaterThan(0);
    });
  },
);
