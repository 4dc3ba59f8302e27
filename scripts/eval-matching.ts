/**
 * The matching evaluation (part of npm run eval): nDCG@10 and MRR in both directions for the
 * engine, the engine without the skill graph, Jaccard over skill sets, weighted requirement
 * coverage, level-weighted coverage and occupation-title equality, on data generated from the taxonomy (ESCO_DIR, else
 * the sample). Weights are tuned on seed 1 and reported on seed 2.
 */
import path from 'node:path';
import { runEvaluation } from '../matching';
import { readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';

function main(): void {
  const dir = process.env.ESCO_DIR ?? SAMPLE_TAXONOMY_DIR;
  const taxonomy = readTaxonomyView(dir);
  console.log(
    `Matching evaluation on ${process.env.ESCO_DIR ? `the full ESCO (${path.basename(dir)})` : 'the sample taxonomy (set ESCO_DIR for the full ESCO)'}`,
  );
  for (const [seed, role] of [
    [1, 'tuning'],
    [2, 'reported'],
  ] as const) {
    const result = runEvaluation(taxonomy, seed, 200);
    console.log(`\nSeed ${seed} (${role}), ${result.queries} queries each way`);
    console.log(
      `  ${'method'.padEnd(32)} ${'vacancy→people'.padStart(18)} ${'person→vacancies'.padStart(18)}`,
    );
    console.log(
      `  ${''.padEnd(32)} ${'nDCG@10   MRR'.padStart(18)} ${'nDCG@10   MRR'.padStart(18)}`,
    );
    for (const m of result.methods) {
      const f = (x: number) => x.toFixed(3);
      console.log(
        `  ${m.method.padEnd(32)} ${`${f(m.vacancyToCandidates.ndcg10)}  ${f(m.vacancyToCandidates.mrr)}`.padStart(18)} ${`${f(m.candidateToVacancies.ndcg10)}  ${f(m.candidateToVacancies.mrr)}`.padStart(18)}`,
      );
    }
    console.log(
      `  transferable skills: a fitting candidate from another occupation above a weak same-title one in ${(result.transferableAboveWeakSameTitle * 100).toFixed(1)} %`,
    );
    console.log(
      `  competence before title: fitting candidates from another occupation above same-title ones with about half the required skills in ${(result.competenceAboveSameTitle * 100).toFixed(1)} %`,
    );
    console.log(
      `  same-title candidate with good skills ranked first in ${(result.goodSameTitleFirst * 100).toFixed(1)} %`,
    );
  }
}

main();
