import { MatchScore } from './score';

export interface RankOptions {
  /** Results below this score are left out. Default 0. */
  minScore?: number;
  /** Also return pairs that fail exactly one hard requirement, labelled with it. Default false. */
  includeNearMisses?: boolean;
}

export interface RankedMatch {
  score: MatchScore;
  /** The one hard requirement a near miss fails; null for a full match. */
  nearMiss: string | null;
}

/** The one hard requirement a pair fails when it fails exactly one (a near miss); null otherwise. */
export function nearMissOf(score: MatchScore): string | null {
  const [only] = score.hardFailures;
  return score.hardFailures.length === 1 && only !== undefined ? only : null;
}

/**
 * A scored pair as a ranking lists it: a full match, a near miss (only when they are asked
 * for), or null when it is left out (more than one hard requirement failed).
 */
export function listedMatch(score: MatchScore, includeNearMisses: boolean): RankedMatch | null {
  if (score.hardFailures.length === 0) return { score, nearMiss: null };
  const nearMiss = includeNearMisses ? nearMissOf(score) : null;
  return nearMiss === null ? null : { score, nearMiss };
}

/** The rankings' order: score descending, then id ascending (deterministic). */
export function ranksBefore(aScore: number, aId: string, bScore: number, bId: string): boolean {
  return aScore > bScore || (aScore === bScore && aId < bId);
}

/** A comparator for sort() in the rankings' order. */
export function byScoreThenId(aScore: number, aId: string, bScore: number, bId: string): number {
  return bScore - aScore || (aId < bId ? -1 : aId > bId ? 1 : 0);
}

/**
 * Scores every pair and ranks them: score descending, then the other side's id, so the order
 * is deterministic. Pairs failing a hard requirement are left out, or kept as near misses when
 * they fail exactly one. This exhaustive ranking is the reference the indexed ranking must equal.
 */
export function rankExhaustive<T>(
  others: T[],
  score: (other: T) => MatchScore,
  idOf: (score: MatchScore) => string,
  options: RankOptions = {},
): RankedMatch[] {
  const minScore = options.minScore ?? 0;
  const ranked: RankedMatch[] = [];
  for (const other of others) {
    const result = score(other);
    if (result.total < minScore) continue;
    const listed = listedMatch(result, options.includeNearMisses ?? false);
    if (listed) ranked.push(listed);
  }
  return ranked.sort((a, b) =>
    byScoreThenId(a.score.total, idOf(a.score), b.score.total, idOf(b.score)),
  );
}
