import { distance } from 'ml-distance';
import { CandidateProfile, VacancyProfile } from '../types';

/** A way to score a pair; the evaluation ranks by it (score, then id). */
export type PairScorer = (candidate: CandidateProfile, vacancy: VacancyProfile) => number;

/** Jaccard similarity of the candidate's and the vacancy's skill sets. */
export const jaccardBaseline: PairScorer = (candidate, vacancy) => {
  const universe = [
    ...new Set([
      ...candidate.skills.map((s) => s.skillUri),
      ...vacancy.skills.map((s) => s.skillUri),
    ]),
  ];
  if (universe.length === 0) return 0;
  const has = new Set(candidate.skills.map((s) => s.skillUri));
  const needs = new Set(vacancy.skills.map((s) => s.skillUri));
  return (
    1 -
    distance.jaccard(
      universe.map((u) => (has.has(u) ? 1 : 0)),
      universe.map((u) => (needs.has(u) ? 1 : 0)),
    )
  );
};

const WEIGHT = { essential: 3, important: 2, nice_to_have: 1 };

/** Share of the requirements' importance weight whose skills the candidate has (any level). */
export const coverageBaseline: PairScorer = (candidate, vacancy) => {
  const has = new Set(candidate.skills.map((s) => s.skillUri));
  const total = vacancy.skills.reduce((sum, r) => sum + WEIGHT[r.importance], 0);
  return total === 0
    ? 0
    : vacancy.skills.reduce((sum, r) => sum + (has.has(r.skillUri) ? WEIGHT[r.importance] : 0), 0) /
        total;
};

/**
 * Level-weighted coverage: each requirement, weighted by importance, credited
 * min(1, held level / required level) when the candidate has its exact skill. The one-line
 * formula the engine must clearly beat: no skill graph, no evidence, no occupation.
 */
export const levelCoverageBaseline: PairScorer = (candidate, vacancy) => {
  const level = new Map(candidate.skills.map((s) => [s.skillUri, s.proficiency]));
  let credited = 0;
  let total = 0;
  for (const r of vacancy.skills) {
    total += WEIGHT[r.importance];
    const held = level.get(r.skillUri);
    if (held !== undefined) credited += WEIGHT[r.importance] * Math.min(1, held / r.minProficiency);
  }
  return total === 0 ? 0 : credited / total;
};

/** 1 when the candidate wants the vacancy's occupation: matching by job title. */
export const titleBaseline: PairScorer = (candidate, vacancy) =>
  vacancy.occupationUri && candidate.desiredOccupationUris.includes(vacancy.occupationUri) ? 1 : 0;
