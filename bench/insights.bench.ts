/**
 * npm run bench — requirement insights at 100,000 jobseekers (ESCO_DIR; the sample otherwise):
 * the pool and every variant of a vacancy's profile in one pass over the candidate index's
 * columns, against one exhaustive scoring pass of the profile as it is (what each of the
 * 1 + 3 × requirements + licences variants would cost if scored separately). Checks the counts
 * against the pass over profiles for the first vacancies and aborts on a difference.
 */
import os from 'node:os';
import {
  CandidateIndex,
  DEFAULT_MATCH_PARAMS,
  PoolCounter,
  requirementInsights,
  scoreMatch,
  skillGraphOf,
} from '../matching';
import { readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { Population } from './population';
import { ms, percentile, timed } from './support/stats';

const PEOPLE = Number(process.env.OSAAMO_BENCH_PEOPLE ?? 100_000);
const QUERIES = 20;
const CHECKED = 3;
const THRESHOLD = 0.5;

function main(): void {
  const escoDir = process.env.ESCO_DIR;
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; taxonomy: ${escoDir ? 'full ESCO' : 'the sample'}`,
  );
  const view = readTaxonomyView(escoDir ?? SAMPLE_TAXONOMY_DIR);
  const graph = skillGraphOf(view);
  const population = new Population(view, 7);
  const people = Array.from({ length: PEOPLE }, (_, i) =>
    population.person(`p${String(i).padStart(7, '0')}`),
  );
  const index = CandidateIndex.build(graph, people, DEFAULT_MATCH_PARAMS);
  const vacancies = Array.from({ length: QUERIES }, (_, i) => population.vacancy(`v${i}`).profile);
  console.log(
    `\nRequirement insights: ${PEOPLE} jobseekers, ${QUERIES} vacancies, threshold ${THRESHOLD}`,
  );
  const run = (i: number) => {
    const counter = new PoolCounter(vacancies[i]!, graph, DEFAULT_MATCH_PARAMS, THRESHOLD);
    index.feedPool(counter);
    return counter.result();
  };
  for (let i = 0; i < QUERIES; i++) run(i); // warm-up
  const insights: number[] = [];
  const scoredShare: number[] = [];
  const variants: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const { value, ms: took } = timed(() => run(i));
    insights.push(took);
    scoredShare.push(value.scored / PEOPLE);
    variants.push(1 + value.skills.length * 3 + value.licences.length);
  }
  const onePass: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    onePass.push(
      timed(() => {
        let pool = 0;
        for (const { profile } of people) {
          const s = scoreMatch(profile, vacancies[i]!, graph, DEFAULT_MATCH_PARAMS);
          if (s.hardFailures.length === 0 && s.total >= THRESHOLD) pool++;
        }
        return pool;
      }).ms,
    );
  }
  for (let i = 0; i < CHECKED; i++) {
    const slow = requirementInsights(
      people.map((p) => p.profile),
      vacancies[i]!,
      graph,
      DEFAULT_MATCH_PARAMS,
      THRESHOLD,
    );
    if (JSON.stringify(slow) !== JSON.stringify(run(i))) {
      console.error('ABORT: the index pass counts differently from the pass over profiles');
      process.exit(1);
    }
  }
  const p50 = percentile(insights, 50);
  const naive = percentile(onePass, 50) * percentile(variants, 50);
  console.log(
    `  all variants in one pass: p50 ${ms(p50)}, p95 ${ms(percentile(insights, 95))} (target 300 ms); scored in full ${(100 * percentile(scoredShare, 50)).toFixed(1)} % of jobseekers`,
  );
  console.log(
    `  one exhaustive pass of the profile as it is: p50 ${ms(percentile(onePass, 50))}; ×${percentile(variants, 50)} variants ≈ ${ms(naive)} scored separately (${(naive / p50).toFixed(0)}× the one pass)`,
  );
  console.log(`  counts checked against the pass over profiles for ${CHECKED} vacancies: equal`);
}

main();
