import { MatchParams } from './params';
import { MatchScore } from './score';
import { meetsAnEssentialSkill } from './skills-met';

export interface RankOptions {
  /** Results below this score are left out. Default 0. */
  minScore?: number;
  /** Also return pairs that fail exactly one hard requirement, labelled with it. Default false. */
  includeNearMisses?: boolean;
  /**
   * Leave out pairs that meet none of the vacancy's essential skills (skillsMet's definition);
   * a vacancy naming none is kept. Default false.
   */
  requireEssentialSkill?: boolean;
}

/** What a list of matches leaves out: below `minScore`, and (when asked) no essential skill met. */
export interface ListFloor {
  minScore: number;
  requireEssentialSkill: boolean;
}

/**
 * The floor of a match list from the caller's filter. A caller who sets neither `minScore` nor
 * `includeNearMisses: true` gets the default floor: `params.defaultMinScore`, and only pairs
 * meeting at least one of the vacancy's essential skills. Setting `minScore` (0 included) takes
 * that score as the whole floor; asking for near misses without a `minScore` lifts the floor
 * entirely (score 0, no skill rule), so near misses and weak pairs stay available when asked for.
 */
export function listFloor(
  minScore: number | null | undefined,
  includeNearMisses: boolean | null | undefined,
  params: MatchParams,
): ListFloor {
  if (minScore != null) return { minScore, requireEssentialSkill: false };
  if (includeNearMisses) return { minScore: 0, requireEssentialSkill: false };
  return { minScore: params.defaultMinScore, requireEssentialSkill: true };
}

/** Whether a scored pair clears a list's floor (its hard requirements are judged apart). */
export function meetsFloor(score: MatchScore, floor: ListFloor): boolean {
  return (
    score.total >= floor.minScore && (!floor.requireEssentialSkill || meetsAnEssentialSkill(score))
  );
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
 * they fail exactly one; with `requireEssentialSkill`, so are pairs meeting no essential skill. This exhaustive ranking is the reference the indexed ranking must equal.
 */
export function rankExhaustive<T>(
  others: T[],
  score: (other: T) => MatchScore,
  idOf: (score: MatchScore) => string,
  options: RankOptions = {},
): RankedMatch[] {
  const floor = {
    minScore: options.minScore ?? 0,
    requireEssentialSkill: options.requireEssentialSkill ?? false,
  };
  const ranked: RankedMatch[] = [];
  for (const other of others) {
    const result = score(other);
    if (!meetsFloor(result, floor)) continue;
    const listed = listedMatch(result, options.includeNearMisses ?? false);
    if (listed) ranked.push(listed);
  }
  return ranked.sort((a, b) =>
    byScoreThenId(a.score.total, idOf(a.score), b.score.total, idOf(b.score)),
  );
}
