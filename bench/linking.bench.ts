/**
 * npm run bench — skill linking (issue 14) on the full English ESCO (ESCO_DIR; the sample
 * otherwise): the import with the linking model learned after it, the index build at start-up
 * and its memory, linking one sentence (p50, p95) and extracting from a 2,000-character ad
 * (p50, p95). The workload is the tuning half's English sentences.
 */
import 'reflect-metadata';
import { Database } from '../src/db/database';
import { createGuidanceService } from '../src/composition-root';
import { loadSkillGraph } from '../src/matches/profile-loader';
import { DEFAULT_MATCH_PARAMS } from '../matching';
import { EscoImporter } from '../src/taxonomy/import/esco-importer';
import { linkingSetFile, readLinkingSet } from '../src/taxonomy/linking/linking-evaluation';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { TaxonomySearchService } from '../src/taxonomy/taxonomy-search.service';
import { percentile } from './support/stats';

const escoDir = process.env.ESCO_DIR;

async function main(): Promise<void> {
  console.log(
    `\nSkill linking (${escoDir ? `full ESCO at ${escoDir}, English` : 'the sample taxonomy; set ESCO_DIR for the full ESCO'})`,
  );
  const database = await Database.open({ embeddedDataDir: 'memory://' });
  try {
    await database.migrate();
    const report = await new EscoImporter(database.dataSource).import(
      escoDir ?? SAMPLE_TAXONOMY_DIR,
      escoDir ? ['en'] : undefined,
    );
    const model = report.linkingModels?.find((m) => m.language === 'en');
    console.log(
      `  import ${(report.elapsedMs / 1000).toFixed(1)} s, then the linking model ${((report.linkingModelMs ?? 0) / 1000).toFixed(1)} s` +
        (model
          ? ` (${model.queries} held-out labels, MRR ${model.mrrBefore.toFixed(3)} → ${model.mrrAfter.toFixed(3)})`
          : ''),
    );
    (globalThis as { gc?: () => void }).gc?.();
    // Typed arrays live outside the JS heap: count both.
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const heapBefore = used();
    const search = new TaxonomySearchService(database.dataSource);
    const started = process.hrtime.bigint();
    await search.refresh();
    const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
    (globalThis as { gc?: () => void }).gc?.();
    const heapMb = (used() - heapBefore) / 2 ** 20;
    console.log(
      `  start-up: label indexes and linker loaded in ${(loadMs / 1000).toFixed(1)} s, memory +${heapMb.toFixed(0)} MB (heap and array buffers)`,
    );
    const graph = await loadSkillGraph(database.dataSource, DEFAULT_MATCH_PARAMS.skillGraph);
    const guidance = createGuidanceService(database.dataSource, search, async () => graph);
    const sentences = (readLinkingSet(linkingSetFile('en', 'tune')) ?? []).map((s) => s.text);
    if (!sentences.length)
      sentences.push('You drive a forklift and load pallets in our warehouse.');
    const ads: string[] = [];
    for (let start = 0; ads.length < 40; start += 7) {
      let ad = '';
      for (let i = start; ad.length < 2000; i++) ad += sentences[i % sentences.length] + '\n';
      ads.push(ad.slice(0, 2000));
    }
    for (const s of sentences.slice(0, 20)) guidance.linkSkills(s, 'en', 5); // warm-up
    const one: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const s of sentences) {
        const t = process.hrtime.bigint();
        guidance.linkSkills(s, 'en', 5);
        one.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    const ad: number[] = [];
    for (const text of ads) {
      const t = process.hrtime.bigint();
      await guidance.extractSkills(text, 'en');
      ad.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const row = (name: string, values: number[]) =>
      console.log(
        `  ${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (${values.length} runs)`,
      );
    row('linkSkills, one sentence', one);
    row('extractSkills, a 2,000-character ad', ad);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
