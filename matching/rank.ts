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
    if (result.hardFailures.length === 0) ranked.push({ score: result, nearMiss: null });
    else if (options.includeNearMisses && result.hardFailures.length === 1)
      ranked.push({ score: result, nearMiss: result.hardFailures[0] });
  }
  return ranked.sort(
    (a, b) =>
      b.score.total - a.score.total ||
      (idOf(a.score) < idOf(b.score) ? -1 : idOf(a.score) > idOf(b.score) ? 1 : 0),
  );
}
