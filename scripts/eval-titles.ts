/**
 * npm run eval:titles -- [--split tune|heldout] [--language en|fi|sv] [--verbose]
 * Occupation linking of job titles as ads write them (issue 14), on the development set's titles
 * (fixtures/linking/titles-*), full ESCO: searchOccupations through the service the API uses
 * against a plain BM25 over each language's occupation labels and descriptions, MRR (top 10)
 * and recall@5 with paired bootstrap 95 % intervals (fixed seed, 1,000 resamples).
 * The held-out half is the default and the only one to report; --verbose (per-title answers) is
 * refused on it, so tuning never looks at held-out items.
 */
import 'reflect-metadata';
import { Database } from '../src/db/database';
import { TaxonomySearchService } from '../src/taxonomy/taxonomy-search.service';
import { parseEvaluationArgs } from '../src/taxonomy/linking/linking-evaluation';
import {
  EvaluationTaxonomy,
  evaluationTaxonomyFor,
  openEvaluationTaxonomy,
} from '../src/taxonomy/linking/evaluation-taxonomy';
import {
  LinkingTitle,
  TITLE_MEASURES,
  TITLE_RANK_DEPTH,
  TitleComparison,
  compareTitleSystems,
  occupationBm25BaselineOf,
  readTitleSet,
  scoreTitle,
  titleSetFile,
} from '../src/taxonomy/linking/title-evaluation';

function printComparison(language: string, c: TitleComparison, p50Ms: number): void {
  const f = (x: number) => x.toFixed(3);
  const names = { mrr: 'MRR', recallAt5: 'recall@5' };
  console.log(`\n  ${language}: ${c.titles} titles (engine p50 ${p50Ms.toFixed(2)} ms a title)`);
  console.log(
    `    ${''.padEnd(10)} ${'engine'.padEnd(22)} ${'BM25 baseline'.padEnd(22)} engine − BM25`,
  );
  for (const m of TITLE_MEASURES) {
    const cell = (i: { value: number; low: number; high: number }) =>
      `${f(i.value)} [${f(i.low)}, ${f(i.high)}]`.padEnd(22);
    const margin = c.margin[m];
    console.log(
      `    ${names[m].padEnd(10)} ${cell(c.engine[m])} ${cell(c.baseline[m])} ${margin.value >= 0 ? '+' : ''}${f(margin.value)} [${f(margin.low)}, ${f(margin.high)}]`,
    );
  }
}

async function main(): Promise<void> {
  const { split, languages, verbose } = parseEvaluationArgs(process.argv.slice(2));
  console.log(
    `Occupation linking of ad titles (issue 14), ${split} half, full ESCO; 95 % bootstrap intervals`,
  );
  const databases = new Map<EvaluationTaxonomy, Database | undefined>();
  const services = new Map<EvaluationTaxonomy, TaxonomySearchService>();
  try {
    for (const language of languages) {
      const titles = readTitleSet(titleSetFile(language, split));
      if (!titles) {
        console.log(`\n  ${language}: skipped, ${titleSetFile(language, split)} is not there`);
        continue;
      }
      const which = evaluationTaxonomyFor(language);
      if (!databases.has(which))
        databases.set(which, await openEvaluationTaxonomy(which, (l) => console.log(l)));
      const database = databases.get(which);
      if (!database) {
        console.log(
          `\n  ${language}: skipped, set ${which === 'en' ? 'ESCO_DIR' : 'ESCO_MULTILINGUAL_DIR (or ESCO_DIR beside v1.1.1-multilingual)'} for the full ESCO`,
        );
        continue;
      }
      let search = services.get(which);
      if (!search) {
        search = new TaxonomySearchService(database.dataSource);
        await search.refresh();
        services.set(which, search);
      }
      const baseline = await occupationBm25BaselineOf(database, language);
      const engineAnswers: string[][] = [];
      const baselineAnswers: string[][] = [];
      const times: number[] = [];
      for (const t of titles) {
        const started = process.hrtime.bigint();
        const hits = search.searchOccupations(t.text, language, TITLE_RANK_DEPTH);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        engineAnswers.push(hits.map((h) => h.conceptUri));
        baselineAnswers.push(baseline.search(t.text, TITLE_RANK_DEPTH).map((h) => h.conceptUri));
      }
      times.sort((a, b) => a - b);
      printComparison(
        language,
        compareTitleSystems(titles, engineAnswers, baselineAnswers),
        times[Math.floor(times.length / 2)]!,
      );
      if (verbose) await printItems(database, language, titles, engineAnswers, baselineAnswers);
    }
  } finally {
    for (const database of databases.values()) await database?.close();
  }
}

/** Per-title answers (tuning half only): the first five of each system, hits marked. */
async function printItems(
  database: Database,
  language: string,
  titles: LinkingTitle[],
  engine: string[][],
  baseline: string[][],
): Promise<void> {
  const rows: { concept_uri: string; label: string; language: string }[] =
    await database.dataSource.query(
      `SELECT concept_uri, label, language FROM esco_label
        WHERE concept_kind = 'occupation' AND language IN ('en', $1) AND label_type = 'preferred'`,
      [language],
    );
  const labelOf = new Map<string, string>();
  for (const r of rows)
    if (!labelOf.has(r.concept_uri) || r.language === 'en') labelOf.set(r.concept_uri, r.label);
  const show = (uris: string[], t: LinkingTitle) =>
    uris.map((u) => `${t.occupations.includes(u) ? '✓' : '·'}${labelOf.get(u) ?? u}`).join(' | ');
  titles.forEach((t, i) => {
    const e = scoreTitle(t, engine[i]!);
    const b = scoreTitle(t, baseline[i]!);
    console.log(`\n  ${t.id} RR ${e.mrr.toFixed(2)} (bm25 ${b.mrr.toFixed(2)}) ${t.text}`);
    console.log(`    gold:   ${t.occupations.map((u) => labelOf.get(u) ?? u).join(' | ')}`);
    console.log(`    engine: ${show(engine[i]!.slice(0, 5), t)}`);
    console.log(`    bm25:   ${show(baseline[i]!.slice(0, 5), t)}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
