import { RankedMatch } from '../rank';
import { MatchParams } from '../params';
import { MatchScore, totalWithSkillsValue } from '../score';
import { CandidateProfile, VacancyProfile } from '../types';
import { BOUND_SLACK } from './bounds';
import { BoundQueue, TopK } from './heaps';

export interface RankQuery<T> {
  /** How many results: the page's offset + size (+1 to know whether there is a next page). */
  k: number;
  /** Results below this score are left out. Default 0. */
  minScore?: number;
  /** Also return pairs that fail exactly one hard requirement, labelled with it. */
  includeNearMisses?: boolean;
  /** Filters applied before scoring (municipality, distance, languages, scope). */
  accept?: (item: T, tag: string) => boolean;
}

export interface RankStats {
  /** Live records in the index. */
  live: number;
  /** Records reached through the posting lists (sharing a skill with the other side). */
  touched: number;
  /** Records whose total was computed from the known skills component (filters and hard requirements applied). */
  estimated: number;
  /** Records scored in full with scoreMatch (breakdown and explanation). */
  fullyScored: number;
}

/** The records no posting reached: their skills score 0, so one bound per record (or one for all). */
export interface Untouched {
  slotCount: number;
  /** Live and not reached through the postings. */
  isCandidate: (slot: number) => boolean;
  bound: (slot: number) => number;
  /** No untouched record's bound exceeds this: once the threshold passes it, the scan stops. */
  maxBound: number;
}

export interface RankResult {
  matches: RankedMatch[];
  stats: RankStats;
}

/**
 * Scores records in full, highest upper bound first, until no bound can beat the k-th result:
 * the records reached through the postings in bound order, then (only if their shared bound
 * could still matter) the others. Exact: a record is skipped only when its bound, which is
 * never below its score, is below the threshold, so the result equals scoring everyone.
 */
export class BoundedSelection {
  private readonly queue = new BoundQueue();

  select(
    query: Omit<RankQuery<unknown>, 'accept'>,
    touched: Uint32Array,
    touchedCount: number,
    bounds: Float64Array,
    untouched: Untouched,
    estimate: (slot: number) => number,
    score: (slot: number) => MatchScore,
    idOf: (score: MatchScore) => string,
    live: number,
  ): RankResult {
    const top = new TopK(query.k);
    const minScore = query.minScore ?? 0;
    let estimated = 0;
    let fullyScored = 0;
    const consider = (slot: number) => {
      // First the cheap total (skills known, no breakdown), which also applies the filters
      // and the hard requirements; only a pair that can still enter is scored in full.
      estimated++;
      const total = estimate(slot);
      if (total < 0) return;
      if (total + BOUND_SLACK < minScore || (top.full && total + BOUND_SLACK < top.threshold))
        return;
      const result = score(slot);
      fullyScored++;
      if (result.total < minScore) return;
      const failures = result.hardFailures.length;
      if (failures === 0) top.offer({ score: result, nearMiss: null }, idOf(result));
      else if (failures === 1 && query.includeNearMisses)
        top.offer({ score: result, nearMiss: result.hardFailures[0] }, idOf(result));
    };
    const queue = this.queue;
    queue.reset(touchedCount);
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      if (bounds[slot] >= minScore) queue.add(slot, bounds[slot]);
    }
    queue.heapify();
    while (queue.length > 0 && !(top.full && queue.topBound < top.threshold)) consider(queue.pop());
    for (let slot = 0; slot < untouched.slotCount; slot++) {
      if (untouched.maxBound < minScore || (top.full && untouched.maxBound < top.threshold)) break;
      if (!untouched.isCandidate(slot)) continue;
      const bound = untouched.bound(slot);
      if (bound < minScore || (top.full && bound < top.threshold)) continue;
      consider(slot);
    }
    return {
      matches: top.sorted(),
      stats: { live, touched: touchedCount, estimated, fullyScored },
    };
  }
}

/**
 * A pair's total from its known skills component (scoreMatch's component functions, no
 * breakdown), or -1 when more hard requirements fail than the query allows.
 */
export class CheapTotal {
  private readonly failures: string[] = [];
  private readonly missing: string[] = [];

  constructor(private readonly params: MatchParams) {}

  of(
    skillsValue: number | null,
    candidate: CandidateProfile,
    vacancy: VacancyProfile,
    nearMissesToo: boolean,
  ): number {
    return totalWithSkillsValue(
      skillsValue,
      candidate,
      vacancy,
      this.params,
      this.failures,
      this.missing,
      nearMissesToo ? 1 : 0,
    );
  }
}
