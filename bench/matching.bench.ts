/**
 * npm run bench — the matching engine's ranking, in memory, on a synthetic market drawn from
 * the taxonomy (ESCO_DIR; the sample otherwise):
 *  - 100,000 jobseekers (~25 skills) and 20,000 vacancies (~12 requirements): index build time
 *    and heap, posting-list lengths, top-50 latency in both directions against scoring
 *    everyone with the same scorer (every query's pruned top-50 is checked against the
 *    exhaustive one, and the bench aborts on a difference), the share of profiles scored in
 *    full; the same after 1,000 incremental updates; the cost of an update and a compaction;
 *    each query also with the index's pruning off (every list walked, as before MaxScore),
 *    interleaved in the same run, in wall-clock and CPU time (the machine is shared);
 *  - 500,000 jobseekers: build and vacancy → top-50.
 * Run with --expose-gc for heap figures.
 */
import os from 'node:os';
import {
  DEFAULT_MATCH_PARAMS,
  CandidateIndex,
  CandidateProfile,
  rankExhaustive,
  RankedMatch,
  RankResult,
  scoreMatch,
  SkillGraph,
  skillGraphOf,
  VacancyIndex,
  VacancyProfile,
} from '../matching';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import { Population } from './population';
import { heapMb, ms, percentile, timed } from './support/stats';

const PEOPLE = Number(process.env.OSAAMO_BENCH_PEOPLE ?? 100_000);
const VACANCIES = Number(process.env.OSAAMO_BENCH_VACANCIES ?? 20_000);
const LARGE = Number(process.env.OSAAMO_BENCH_LARGE ?? 500_000);
const QUERIES = Number(process.env.OSAAMO_BENCH_QUERIES ?? 50);
const K = 50;

function* people(population: Population, count: number, prefix = 'p') {
  for (let i = 0; i < count; i++) yield population.person(`${prefix}${String(i).padStart(7, '0')}`);
}

function* vacancies(population: Population, count: number) {
  for (let i = 0; i < count; i++) yield population.vacancy(`v${String(i).padStart(6, '0')}`);
}

const key = (ranked: RankedMatch[]) =>
  ranked.map((r) => `${r.score.candidateId}/${r.score.vacancyId}/${r.score.total}`).join('\n');

function assertSame(pruned: RankResult, exhaustive: RankedMatch[], what: string): void {
  if (key(pruned.matches) !== key(exhaustive.slice(0, K))) {
    console.error(`ABORT: the pruned top-${K} differs from the exhaustive one for ${what}`);
    process.exit(1);
  }
}

function describeLengths(lengths: number[]): string {
  const nonEmpty = lengths.filter((l) => l > 0);
  return `${nonEmpty.length} skills; p50 ${percentile(nonEmpty, 50)}, p90 ${percentile(nonEmpty, 90)}, p99 ${percentile(nonEmpty, 99)}, max ${Math.max(...nonEmpty)}`;
}

interface DirectionFigures {
  indexed: number[];
  /** CPU time of the process (user + system) per query: less sensitive to a shared machine. */
  indexedCpu: number[];
  /** The same index with pruning off (every posting list walked, no place prefilter). */
  unpruned: number[];
  unprunedCpu: number[];
  exhaustive: number[];
  scoredShare: number[];
  estimatedShare: number[];
  touchedShare: number[];
  walkedShare: number[];
}

/** Wall-clock and CPU milliseconds of `work`. */
function timedCpu<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const { value, ms } = timed(work);
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** An index whose pruning can be switched off for the comparison. */
interface Prunable {
  pruning: boolean;
}

/**
 * Times the pruned ranking of every query and, next to it (which first alternates), the same
 * index with pruning off (a warm-up pass of both, then the timed pass, so that the exhaustive baseline's garbage
 * does not land in their figures), then scores everyone for each query, times that, and checks
 * that both top-50 are the same as the exhaustive one.
 */
function measure<Q extends { id: string }>(
  queries: Q[],
  index: Prunable,
  pruned: (query: Q) => RankResult,
  exhaustive: (query: Q) => RankedMatch[],
): DirectionFigures {
  const figures: DirectionFigures = {
    indexed: [],
    indexedCpu: [],
    unpruned: [],
    unprunedCpu: [],
    exhaustive: [],
    scoredShare: [],
    estimatedShare: [],
    touchedShare: [],
    walkedShare: [],
  };
  const run = (query: Q, pruning: boolean) => {
    index.pruning = pruning;
    try {
      return timedCpu(() => pruned(query));
    } finally {
      index.pruning = true;
    }
  };
  for (const query of queries) {
    run(query, true);
    run(query, false);
  }
  const results = queries.map((query, i) => {
    // Which goes first alternates: the second run of a query finds its data in the caches.
    const early = i % 2 === 0 ? undefined : run(query, false);
    const result = run(query, true);
    figures.indexed.push(result.ms);
    figures.indexedCpu.push(result.cpuMs);
    record(figures, result.value);
    const before = early ?? run(query, false);
    figures.unpruned.push(before.ms);
    figures.unprunedCpu.push(before.cpuMs);
    return [result.value, before.value] as const;
  });
  queries.forEach((query, i) => {
    const full = timed(() => exhaustive(query));
    assertSame(results[i]![0], full.value, `query ${query.id}`);
    assertSame(results[i]![1], full.value, `query ${query.id} with pruning off`);
    figures.exhaustive.push(full.ms);
  });
  return figures;
}

function vacancyToCandidates(
  index: CandidateIndex,
  candidates: CandidateProfile[],
  queries: VacancyProfile[],
  graph: SkillGraph,
): DirectionFigures {
  return measure(
    queries,
    index,
    (vacancy) => index.rank(vacancy, { k: K }),
    (vacancy) =>
      rankExhaustive(
        candidates,
        (c) => scoreMatch(c, vacancy, graph, DEFAULT_MATCH_PARAMS),
        (s) => s.candidateId,
      ),
  );
}

function candidateToVacancies(
  index: VacancyIndex,
  all: VacancyProfile[],
  queries: CandidateProfile[],
  graph: SkillGraph,
): DirectionFigures {
  return measure(
    queries,
    index,
    (candidate) => index.rank(candidate, { k: K }),
    (candidate) =>
      rankExhaustive(
        all,
        (v) => scoreMatch(candidate, v, graph, DEFAULT_MATCH_PARAMS),
        (s) => s.vacancyId,
      ),
  );
}

function record(figures: DirectionFigures, result: RankResult): void {
  const { live, touched, estimated, fullyScored, walked, walkable } = result.stats;
  figures.walkedShare.push(walkable === 0 ? 0 : walked / walkable);
  figures.scoredShare.push(fullyScored / live);
  figures.estimatedShare.push(estimated / live);
  figures.touchedShare.push(touched / live);
}

const share = (values: number[]) =>
  `p50 ${(100 * percentile(values, 50)).toFixed(2)} %, p95 ${(100 * percentile(values, 95)).toFixed(2)} %`;

function report(label: string, f: DirectionFigures): void {
  const p50 = percentile(f.indexed, 50);
  const ratio = (a: number[], b: number[], p: number) =>
    `${(percentile(a, p) / percentile(b, p)).toFixed(2)}×`;
  console.log(
    `  ${label}: p50 ${ms(p50)}, p95 ${ms(percentile(f.indexed, 95))}, max ${ms(Math.max(...f.indexed))}` +
      ` | exhaustive p50 ${ms(percentile(f.exhaustive, 50))} | ratio ${(percentile(f.exhaustive, 50) / p50).toFixed(0)}×` +
      `\n      pruning off (same index, same run): p50 ${ms(percentile(f.unpruned, 50))}, p95 ${ms(percentile(f.unpruned, 95))}` +
      ` | off / on: p50 ${ratio(f.unpruned, f.indexed, 50)}, p95 ${ratio(f.unpruned, f.indexed, 95)}` +
      `\n      CPU time per query: on p50 ${ms(percentile(f.indexedCpu, 50))}, p95 ${ms(percentile(f.indexedCpu, 95))}; off p50 ${ms(percentile(f.unprunedCpu, 50))}, p95 ${ms(percentile(f.unprunedCpu, 95))}` +
      ` | off / on: p50 ${ratio(f.unprunedCpu, f.indexedCpu, 50)}` +
      `\n      postings walked ${share(f.walkedShare)} of the lists' entries; reached ${share(f.touchedShare)}; total estimated ${share(f.estimatedShare)}; scored in full ${share(f.scoredShare)}` +
      ` | ${f.indexed.length} queries, all equal to exhaustive (pruning on and off)`,
  );
}

function main(): void {
  const escoDir = process.env.ESCO_DIR;
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(
    `Taxonomy: ${escoDir ? `full ESCO at ${escoDir}` : 'the sample (set ESCO_DIR for full ESCO)'}`,
  );
  const view = readTaxonomyView(escoDir ?? SAMPLE_TAXONOMY_DIR);
  const graph = timed(() => skillGraphOf(view));
  console.log(`Skill graph: ${ms(graph.ms)}`);
  const population = new Population(view, 42);
  console.log(
    `\nMatching: ${PEOPLE} jobseekers, ${VACANCIES} vacancies, ${population.occupationCount} occupations, top-${K}`,
  );

  // Generated first, so that the build is timed alone; the heap is measured once the
  // generated records are dropped (the index keeps what it needs).
  const heapBefore = heapMb();
  let generatedPeople: ReturnType<Population['person']>[] | undefined = [
    ...people(population, PEOPLE),
  ];
  let generatedVacancies: ReturnType<Population['vacancy']>[] | undefined = [
    ...vacancies(population, VACANCIES),
  ];
  const candidateIndex = timed(() =>
    CandidateIndex.build(graph.value, generatedPeople!, DEFAULT_MATCH_PARAMS),
  );
  const vacancyIndex = timed(() =>
    VacancyIndex.build(graph.value, generatedVacancies!, DEFAULT_MATCH_PARAMS),
  );
  generatedPeople = undefined;
  generatedVacancies = undefined;
  const indexHeap = heapMb() - heapBefore;
  console.log(
    `  build: jobseekers ${ms(candidateIndex.ms)}, vacancies ${ms(vacancyIndex.ms)}; heap of both indexes ${indexHeap.toFixed(0)} MB`,
  );
  console.log(
    `  posting lists, jobseekers: ${describeLengths(candidateIndex.value.postingLengths())}`,
  );
  console.log(
    `  posting lists, vacancies:  ${describeLengths(vacancyIndex.value.postingLengths())}`,
  );

  // The exhaustive baseline scores profiles already in memory (as the index's materialised ones).
  const candidateProfiles: CandidateProfile[] = [];
  for (let i = 0; i < PEOPLE; i++)
    candidateProfiles.push(candidateIndex.value.profile(`p${String(i).padStart(7, '0')}`)!);
  const vacancyProfiles: VacancyProfile[] = [];
  for (let i = 0; i < VACANCIES; i++)
    vacancyProfiles.push(vacancyIndex.value.profile(`v${String(i).padStart(6, '0')}`)!);
  const queryPopulation = new Population(view, 7);
  const vacancyQueries = [...vacancies(queryPopulation, QUERIES)];
  const personQueries = [...people(queryPopulation, QUERIES, 'q')].map((r) => r.profile);
  const vacancyQueryProfiles = vacancyQueries.map((r) => r.profile);

  report(
    'vacancy → top-50 jobseekers',
    vacancyToCandidates(candidateIndex.value, candidateProfiles, vacancyQueryProfiles, graph.value),
  );
  report(
    'jobseeker → top-50 vacancies',
    candidateToVacancies(vacancyIndex.value, vacancyProfiles, personQueries, graph.value),
  );

  // 1,000 incremental updates: half replace a jobseeker, half a vacancy, all with new content.
  const updates = new Population(view, 99);
  const updateTimes: number[] = [];
  for (let i = 0; i < 500; i++) {
    const n = Math.floor((i * 7919) % PEOPLE);
    const id = `p${String(n).padStart(7, '0')}`;
    const record = updates.person(id);
    updateTimes.push(timed(() => candidateIndex.value.upsert(record.profile, record.tag)).ms);
    candidateProfiles[n] = record.profile;
    const m = Math.floor((i * 104729) % VACANCIES);
    const vid = `v${String(m).padStart(6, '0')}`;
    const vacancy = updates.vacancy(vid);
    updateTimes.push(timed(() => vacancyIndex.value.upsert(vacancy.profile, vacancy.tag)).ms);
    vacancyProfiles[m] = vacancy.profile;
  }
  console.log(
    `  1,000 incremental updates: p50 ${ms(percentile(updateTimes, 50))}, p99 ${ms(percentile(updateTimes, 99))}, max ${ms(Math.max(...updateTimes))}`,
  );
  const after = Math.max(10, Math.floor(QUERIES / 2));
  report(
    'after updates, vacancy → jobseekers',
    vacancyToCandidates(
      candidateIndex.value,
      candidateProfiles,
      vacancyQueryProfiles.slice(0, after),
      graph.value,
    ),
  );
  report(
    'after updates, jobseeker → vacancies',
    candidateToVacancies(
      vacancyIndex.value,
      vacancyProfiles,
      personQueries.slice(0, after),
      graph.value,
    ),
  );
  const compaction = timed(() => {
    candidateIndex.value.compact();
    vacancyIndex.value.compact();
  });
  console.log(`  compaction of both indexes: ${ms(compaction.ms)}`);

  if (LARGE > 0) {
    candidateProfiles.length = 0;
    const before = heapMb();
    let generated: ReturnType<Population['person']>[] | undefined = [
      ...people(new Population(view, 43), LARGE),
    ];
    const large = timed(() => CandidateIndex.build(graph.value, generated!, DEFAULT_MATCH_PARAMS));
    generated = undefined;
    console.log(
      `\n${LARGE} jobseekers: build ${ms(large.ms)}, heap ${(heapMb() - before).toFixed(0)} MB`,
    );
    const times: number[] = [];
    const unprunedTimes: number[] = [];
    const shares: number[] = [];
    for (const vacancy of vacancyQueryProfiles) large.value.rank(vacancy, { k: K });
    for (const vacancy of vacancyQueryProfiles) {
      const result = timed(() => large.value.rank(vacancy, { k: K }));
      times.push(result.ms);
      shares.push(result.value.stats.fullyScored / result.value.stats.live);
      large.value.pruning = false;
      unprunedTimes.push(timed(() => large.value.rank(vacancy, { k: K })).ms);
      large.value.pruning = true;
    }
    // Exactness at this size on a few queries (scoring 500,000 profiles takes seconds each).
    const all: CandidateProfile[] = [];
    for (let i = 0; i < LARGE; i++)
      all.push(large.value.profile(`p${String(i).padStart(7, '0')}`)!);
    for (const vacancy of vacancyQueryProfiles.slice(0, 5)) {
      assertSame(
        large.value.rank(vacancy, { k: K }),
        rankExhaustive(
          all,
          (c) => scoreMatch(c, vacancy, graph.value, DEFAULT_MATCH_PARAMS),
          (s) => s.candidateId,
        ),
        `vacancy ${vacancy.id} at ${LARGE}`,
      );
    }
    console.log(
      `  vacancy → top-50: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}; pruning off p50 ${ms(percentile(unprunedTimes, 50))}, p95 ${ms(percentile(unprunedTimes, 95))} (off / on p50 ${(percentile(unprunedTimes, 50) / percentile(times, 50)).toFixed(2)}×); scored in full p50 ${(100 * percentile(shares, 50)).toFixed(2)} %; 5 queries checked against exhaustive`,
    );
  }
}

if (require.main === module) main();
