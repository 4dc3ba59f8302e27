import fc from 'fast-check';
import {
  DEFAULT_MATCH_PARAMS,
  CandidateIndex,
  CandidateProfile,
  MatchParams,
  MatchScore,
  rankExhaustive,
  RankedMatch,
  RankResult,
  scoreMatch,
  SkillGraph,
  VacancyIndex,
  VacancyProfile,
} from '../../matching';

/**
 * The indexes must return exactly what scoring everyone returns: the same ids, the same
 * scores, in the same order, after any sequence of inserts, replacements, removals and
 * compactions. fast-check draws the taxonomy, the people, the vacancies and the queries.
 */
import { candidateArb, graphArb, paramsArb, vacancyArb } from './arbitraries';

const queryArb = fc.record({
  k: fc.integer({ min: 1, max: 12 }),
  minScore: fc.option(fc.double({ min: 0, max: 0.9, noNaN: true })),
  includeNearMisses: fc.boolean(),
  requireEssentialSkill: fc.boolean(),
  onlyTag: fc.option(fc.constantFrom('297', '749')),
});

/** Each step: insert or replace record i, remove record i, or compact. */
const stepsArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('upsert' as const), i: fc.nat(14) }),
    fc.record({ kind: fc.constant('remove' as const), i: fc.nat(14) }),
    fc.record({ kind: fc.constant('compact' as const) }),
  ),
  { maxLength: 12 },
);

const summary = (ranked: RankedMatch[]) =>
  ranked.map((r) => [r.score.candidateId, r.score.vacancyId, r.score.total, r.nearMiss]);

/** What both indexes offer the property below. */
interface RankingIndex<R, Q> {
  size: number;
  upsert(profile: R, tag: string): void;
  remove(id: string): boolean;
  compact(): void;
  rank(
    query: Q,
    options: {
      k: number;
      minScore: number;
      includeNearMisses: boolean;
      requireEssentialSkill: boolean;
      accept: (item: R, tag: string) => boolean;
    },
  ): RankResult;
}

/**
 * Builds an index from random records, applies random inserts, replacements, removals and
 * compactions, then compares its rankings for random queries with rankExhaustive over the
 * records it should hold.
 */
function assertRanksAsExhaustive<R extends { id: string }, Q>(side: {
  recordArb: (id: string) => fc.Arbitrary<{ profile: R; tag: string }>;
  prefix: string;
  queryArb: (id: string) => fc.Arbitrary<{ profile: Q }>;
  build: (
    graph: SkillGraph,
    records: Iterable<{ profile: R; tag: string }>,
    params: MatchParams,
  ) => RankingIndex<R, Q>;
  score: (record: R, query: Q, graph: SkillGraph, params: MatchParams) => MatchScore;
  idOf: (score: MatchScore) => string;
  /** The parameter sets drawn (the defaults unless given). */
  params?: fc.Arbitrary<MatchParams>;
  numRuns?: number;
}): void {
  fc.assert(
    fc.property(
      side.params ?? fc.constant(DEFAULT_MATCH_PARAMS),
      graphArb,
      fc.array(fc.nat(14), { maxLength: 15 }),
      stepsArb,
      fc.array(fc.tuple(side.queryArb('q'), queryArb), { minLength: 1, maxLength: 4 }),
      fc.infiniteStream(side.recordArb('x')),
      (params, graph, initial, steps, queries, drawn) => {
        const current = new Map<string, { profile: R; tag: string }>();
        const draw = (i: number) => {
          const record = drawn.next().value;
          return { ...record, profile: { ...record.profile, id: `${side.prefix}${i}` } };
        };
        for (const i of initial) current.set(`${side.prefix}${i}`, draw(i));
        const index = side.build(graph, current.values(), params);
        for (const step of steps) {
          if (step.kind === 'upsert') {
            const record = draw(step.i);
            current.set(record.profile.id, record);
            index.upsert(record.profile, record.tag);
          } else if (step.kind === 'remove') {
            const id = `${side.prefix}${step.i}`;
            expect(index.remove(id)).toBe(current.delete(id));
          } else index.compact();
        }
        expect(index.size).toBe(current.size);
        for (const [{ profile: query }, q] of queries) {
          const accept = (_: R, tag: string) => !q.onlyTag || tag === q.onlyTag;
          const expected = rankExhaustive(
            [...current.values()].filter((r) => accept(r.profile, r.tag)).map((r) => r.profile),
            (record) => side.score(record, query, graph, params),
            side.idOf,
            {
              minScore: q.minScore ?? 0,
              includeNearMisses: q.includeNearMisses,
              requireEssentialSkill: q.requireEssentialSkill,
            },
          ).slice(0, q.k);
          const actual = index.rank(query, {
            k: q.k,
            minScore: q.minScore ?? 0,
            includeNearMisses: q.includeNearMisses,
            requireEssentialSkill: q.requireEssentialSkill,
            accept,
          });
          expect(summary(actual.matches)).toEqual(summary(expected));
        }
      },
    ),
    { numRuns: side.numRuns ?? 300 },
  );
}

describe('CandidateIndex (vacancy → candidates)', () => {
  it('ranks exactly as scoring every candidate, after any inserts, removals and compactions', () => {
    assertRanksAsExhaustive<CandidateProfile, VacancyProfile>({
      recordArb: candidateArb,
      prefix: 'c',
      queryArb: vacancyArb,
      build: (graph, records, params) => CandidateIndex.build(graph, records, params),
      score: (candidate, vacancy, graph, params) => scoreMatch(candidate, vacancy, graph, params),
      idOf: (s) => s.candidateId,
    });
  });

  it('ranks exactly as scoring every candidate under any parameter set in range', () => {
    assertRanksAsExhaustive<CandidateProfile, VacancyProfile>({
      recordArb: candidateArb,
      prefix: 'c',
      queryArb: vacancyArb,
      build: (graph, records, params) => CandidateIndex.build(graph, records, params),
      score: (candidate, vacancy, graph, params) => scoreMatch(candidate, vacancy, graph, params),
      idOf: (s) => s.candidateId,
      params: paramsArb,
      numRuns: 150,
    });
  });

  it('serves the stored claims back unchanged', () => {
    const graph = SkillGraph.build({
      broader: [],
      related: [],
      essentialSkillsByOccupation: new Map(),
    });
    const record = fc.sample(candidateArb('c1'), { numRuns: 1, seed: 7 })[0]!;
    const index = CandidateIndex.build(graph, [record], DEFAULT_MATCH_PARAMS);
    expect(index.profile('c1')).toEqual(record.profile);
  });
});

describe('VacancyIndex (jobseeker → vacancies)', () => {
  it('ranks exactly as scoring every vacancy, after any inserts, removals and compactions', () => {
    assertRanksAsExhaustive<VacancyProfile, CandidateProfile>({
      recordArb: vacancyArb,
      prefix: 'v',
      queryArb: candidateArb,
      build: (graph, records, params) => VacancyIndex.build(graph, records, params),
      score: (vacancy, candidate, graph, params) => scoreMatch(candidate, vacancy, graph, params),
      idOf: (s) => s.vacancyId,
    });
  });

  it('ranks exactly as scoring every vacancy under any parameter set in range', () => {
    assertRanksAsExhaustive<VacancyProfile, CandidateProfile>({
      recordArb: vacancyArb,
      prefix: 'v',
      queryArb: candidateArb,
      build: (graph, records, params) => VacancyIndex.build(graph, records, params),
      score: (vacancy, candidate, graph, params) => scoreMatch(candidate, vacancy, graph, params),
      idOf: (s) => s.vacancyId,
      params: paramsArb,
      numRuns: 150,
    });
  });
});
