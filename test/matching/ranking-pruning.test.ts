import fc from 'fast-check';
import {
  DEFAULT_MATCH_PARAMS,
  CandidateIndex,
  CandidateProfile,
  distanceKm,
  GeoPoint,
  MatchScore,
  rankExhaustive,
  RankedMatch,
  RankResult,
  scoreMatch,
  SkillGraph,
  VacancyIndex,
  VacancyProfile,
} from '../../matching';
import { minDistanceKm } from '../../matching/ranking/place';
import { candidateArb, graphArb, vacancyArb } from './arbitraries';

/**
 * The pruned walk (seeds, MaxScore cut, exact skills from a record's own entries, place
 * prefilter) against scoring everyone, on populations large enough and k small enough that
 * the walk stops early; and the same index with pruning off. A run counts how many queries
 * left lists unwalked or skipped records by place, so the test fails if it never did.
 */

/**
 * Spreads the arbitraries' four towns over a few hundred kilometres (deterministically by
 * number), so that distances fall on every side of commutes and of the prefilter's cells.
 */
function moved<T extends { location: GeoPoint | null }>(profile: T, n: number): T {
  if (!profile.location) return profile;
  return {
    ...profile,
    location: {
      latitude: profile.location.latitude + (((n * 37) % 101) - 50) / 40,
      longitude: profile.location.longitude + (((n * 53) % 103) - 51) / 25,
    },
  };
}

const summary = (ranked: RankedMatch[]) =>
  ranked.map((r) => [r.score.candidateId, r.score.vacancyId, r.score.total, r.nearMiss]);

interface PrunableIndex<R, Q> {
  pruning: boolean;
  postingsPerSeed: number;
  upsert(profile: R, tag: string): void;
  remove(id: string): boolean;
  rank(
    query: Q,
    options: {
      k: number;
      minScore: number;
      includeNearMisses: boolean;
      requireEssentialSkill: boolean;
    },
  ): RankResult;
}

function assertPrunedRanksAsExhaustive<
  R extends { id: string; location: GeoPoint | null },
  Q extends { location: GeoPoint | null },
>(side: {
  recordArb: (id: string) => fc.Arbitrary<{ profile: R; tag: string }>;
  queryArb: (id: string) => fc.Arbitrary<{ profile: Q }>;
  build: (graph: SkillGraph, records: { profile: R; tag: string }[]) => PrunableIndex<R, Q>;
  score: (record: R, query: Q, graph: SkillGraph) => MatchScore;
  idOf: (score: MatchScore) => string;
}): void {
  let pruned = 0;
  fc.assert(
    fc.property(
      graphArb,
      fc.array(side.recordArb('r'), { minLength: 30, maxLength: 80 }),
      fc.array(side.recordArb('u'), { maxLength: 6 }),
      fc.array(
        fc.tuple(
          side.queryArb('q'),
          fc.integer({ min: 1, max: 4 }),
          fc.constantFrom(0, 0, 0.3),
          fc.boolean(),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      (graph, drawn, updates, queries) => {
        const records = drawn.map((r, i) => ({
          ...r,
          profile: moved({ ...r.profile, id: `r${i}` }, i),
        }));
        const index = side.build(graph, records);
        // Seeds however short the lists (the index weighs their cost against a few postings).
        index.postingsPerSeed = 0;
        // Some records replaced or removed after the build, so the delta postings count too.
        const current = new Map(records.map((r) => [r.profile.id, r]));
        updates.forEach((u, i) => {
          const id = `r${(i * 7) % records.length}`;
          if (i % 3 === 2) {
            index.remove(id);
            current.delete(id);
          } else {
            const record = { ...u, profile: moved({ ...u.profile, id }, i + 500) };
            index.upsert(record.profile, record.tag);
            current.set(id, record);
          }
        });
        for (const [
          { profile: drawnQuery },
          k,
          minScore,
          includeNearMisses,
          requireEssentialSkill,
        ] of queries) {
          const query = moved(drawnQuery, k * 11 + 3);
          const expected = rankExhaustive(
            [...current.values()].map((r) => r.profile),
            (record) => side.score(record, query, graph),
            side.idOf,
            { minScore, includeNearMisses, requireEssentialSkill },
          ).slice(0, k);
          index.pruning = true;
          const actual = index.rank(query, {
            k,
            minScore,
            includeNearMisses,
            requireEssentialSkill,
          });
          if (actual.stats.walked < actual.stats.walkable) pruned++;
          expect(summary(actual.matches)).toEqual(summary(expected));
          index.pruning = false;
          const unpruned = index.rank(query, {
            k,
            minScore,
            includeNearMisses,
            requireEssentialSkill,
          });
          expect(unpruned.stats.walked).toBe(unpruned.stats.walkable);
          expect(summary(unpruned.matches)).toEqual(summary(expected));
        }
      },
    ),
    { numRuns: 600, seed: 1717 },
  );
  expect(pruned).toBeGreaterThan(20);
}

describe('pruned ranking (MaxScore cut, seeds, place prefilter)', () => {
  it('vacancy → candidates: equals scoring everyone, and leaves lists unwalked', () => {
    assertPrunedRanksAsExhaustive<CandidateProfile, VacancyProfile>({
      recordArb: candidateArb,
      queryArb: vacancyArb,
      build: (graph, records) => CandidateIndex.build(graph, records, DEFAULT_MATCH_PARAMS),
      score: (candidate, vacancy, graph) =>
        scoreMatch(candidate, vacancy, graph, DEFAULT_MATCH_PARAMS),
      idOf: (s) => s.candidateId,
    });
  });

  it('jobseeker → vacancies: equals scoring everyone, and leaves lists unwalked', () => {
    assertPrunedRanksAsExhaustive<VacancyProfile, CandidateProfile>({
      recordArb: vacancyArb,
      queryArb: candidateArb,
      build: (graph, records) => VacancyIndex.build(graph, records, DEFAULT_MATCH_PARAMS),
      score: (vacancy, candidate, graph) =>
        scoreMatch(candidate, vacancy, graph, DEFAULT_MATCH_PARAMS),
      idOf: (s) => s.vacancyId,
    });
  });
});

describe('minDistanceKm (the place prefilter’s bound)', () => {
  it('never exceeds the distance to a point in the box', () => {
    const latitude = fc.double({ min: -89, max: 89, noNaN: true });
    const longitude = fc.double({ min: -180, max: 180, noNaN: true });
    fc.assert(
      fc.property(
        latitude,
        longitude,
        latitude,
        longitude,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lat, lon, south, west, u, v) => {
          const north = Math.min(90, south + 0.5);
          const east = west + 1;
          const inside = {
            latitude: south + u * (north - south),
            longitude: west + v * (east - west),
          };
          const point = { latitude: lat, longitude: lon };
          expect(minDistanceKm(point, south, west, north, east)).toBeLessThanOrEqual(
            distanceKm(point, inside) + 1e-6,
          );
        },
      ),
      { numRuns: 2000, seed: 1717 },
    );
  });
});
