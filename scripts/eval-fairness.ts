/**
 * The fairness evaluation (part of npm run eval): on a market of competence twins drawn from
 * the taxonomy (ESCO_DIR, else the sample), each group's share of the places in the vacancies'
 * top 10 against its share of the qualified candidates, per age band, gender and mother tongue,
 * for the default parameters and two variants; a group under four fifths of the best group's
 * ratio is flagged, and each gap is attributed by neutralising one rule at a time.
 */
import path from 'node:path';
import {
  attributeGaps,
  DEFAULT_MATCH_PARAMS,
  describeAttribution,
  fairnessMarket,
  FOUR_FIFTHS,
  MatchParams,
  matchParamsVersion,
  measureFairness,
  skillGraphOf,
  TOP_PLACES,
} from '../matching';
import { readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';

const SEED = 1;
const TWINS = 600;
const VACANCIES = 200;

const PARAMETER_SETS: [string, MatchParams][] = [
  ['defaults', DEFAULT_MATCH_PARAMS],
  ['staleness off (stalenessFloor 1)', { ...DEFAULT_MATCH_PARAMS, stalenessFloor: 1 }],
  ['languageShortfallShare 0.8', { ...DEFAULT_MATCH_PARAMS, languageShortfallShare: 0.8 }],
];

function main(): void {
  const started = Date.now();
  const dir = process.env.ESCO_DIR ?? SAMPLE_TAXONOMY_DIR;
  const view = readTaxonomyView(dir);
  const graph = skillGraphOf(view, DEFAULT_MATCH_PARAMS.skillGraph);
  const { vacancies, pools } = fairnessMarket(view, graph, SEED, TWINS, VACANCIES);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const num = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  console.log(
    `Fairness of exposure on ${process.env.ESCO_DIR ? `the full ESCO (${path.basename(dir)})` : 'the sample taxonomy'}: ${TWINS} competence twins (one variant per group of each dimension), ${VACANCIES} vacancies, seed ${SEED}`,
  );
  console.log(
    `  qualified: holds every essential skill of the vacancy at the level asked (languages, experience, recency, related skills, occupation left out)`,
  );
  console.log(
    `  exposure: places in each vacancy's top ${TOP_PLACES} of the default list (ties at the last place share it); ratio = exposure share ÷ qualified share; flagged (!) under ${FOUR_FIFTHS} of the best group's`,
  );
  for (const [name, params] of PARAMETER_SETS) {
    console.log(`\nParameters: ${name} (version ${matchParamsVersion(params)})`);
    console.log(
      `  ${'dimension'.padEnd(14)} ${'group'.padEnd(9)} ${'qualified'.padStart(10)} ${'exposure'.padStart(10)} ${'ratio'.padStart(6)} ${'of best'.padStart(8)}`,
    );
    const attributions: string[] = [];
    for (const pool of pools) {
      const result = measureFairness(pool, vacancies, graph, params);
      for (const g of result.groups)
        console.log(
          `  ${pool.dimension.padEnd(14)} ${g.group.padEnd(9)} ${pct(g.qualifiedShare).padStart(10)} ${pct(g.exposureShare).padStart(10)} ${num(g.ratio).padStart(6)} ${num(g.ofBest).padStart(8)}${g.flagged ? ' !' : ''}`,
        );
      for (const a of attributeGaps(result, pool, vacancies, graph, params))
        attributions.push(
          `  ${pool.dimension} ${describeAttribution(a)}`,
          `      ratio with each rule off: ${a.trials.map((t) => `${t.neutraliser} ${num(t.ratio)}`).join(', ')}`,
        );
    }
    console.log(attributions.length ? '  Attribution:' : '  No gaps to attribute.');
    for (const line of attributions) console.log(`  ${line}`);
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main();
