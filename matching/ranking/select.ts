import { listedMatch, RankedMatch } from '../rank';
import { MatchParams } from '../params';
import { MatchScore, MissingDataCode, totalWithSkillsValue } from '../score';
import { CandidateProfile, VacancyProfile } from '../types';
import { BOUND_SLACK } from './bounds';
import { BoundQueue, SlotTopK, TopK } from './heaps';

export interface RankQuery<T> {
  /** How many results: the page's offset + size (+1 to know whether there is a next page). */
  k: number;
  /** Results below this score are left out. Default 0. */
  minScore?: number;
  /** Also return pairs that fail exactly one hard requirement, labelled with it. */
  includeNearMisses?: boolean;
  /**
   * Leave out pairs that meet none of the vacancy's essential skills (skillsMet's definition;
   * a vacancy naming none is kept): the indexes refuse them in their estimate. Default false.
   */
  requireEssentialSkill?: boolean;
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
  /** Posting entries read by the walk. */
  walked: number;
  /** Posting entries in the lists the query could have walked (every expansion of every skill). */
  walkable: number;
}

/** The records no posting reached: one bound per record (or one for all). */
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

/** What a selection asks of the index about one slot. */
export interface SlotSteps {
  /** The cheap total (filters and hard requirements applied); -1 when refused. */
  estimate: (slot: number) => number;
  /** The full score with its breakdown. */
  score: (slot: number) => MatchScore;
  idOf: (score: MatchScore) => string;
  /** The id of the slot's record (what idOf gives for its score). */
  slotId: (slot: number) => string;
  /** The slot's bound from its exact skills component (the walk's may be looser). */
  exactBound: (slot: number) => number;
}

/**
 * Scores records in full, highest upper bound first, until no bound can beat the k-th result.
 * The index hands over the records its walk reached, stage by stage, each with a bound; a
 * bound the walk left loose is made exact when the record comes up, and the record goes back
 * into the queue if others now come first. Then (only if their bound could still matter) the
 * records no stage reached. Exact: a record is skipped only when its bound, which is never
 * below its score, is below the threshold, so the result equals scoring everyone.
 */
export class BoundedSelection {
  private readonly queue = new BoundQueue();
  /** By cheap total: only the finalists are scored in full, at the end. */
  private readonly top = new SlotTopK(2 * BOUND_SLACK);
  private k = 0;
  private minScore = 0;
  private hint = -Infinity;
  private includeNearMisses = false;
  private steps!: SlotSteps;
  private estimated = 0;
  /** Slots already scored in full (those whose total is too near the minimum score to tell). */
  private readonly scored = new Map<number, MatchScore>();

  /** `floor`: a score the k-th result is known to reach (from seeds), -Infinity if none. */
  start(query: Omit<RankQuery<unknown>, 'accept'>, steps: SlotSteps, floor = -Infinity): void {
    this.top.reset(query.k);
    this.k = query.k;
    this.minScore = query.minScore ?? 0;
    this.hint = floor;
    this.includeNearMisses = query.includeNearMisses ?? false;
    this.steps = steps;
    this.estimated = 0;
    this.scored.clear();
  }

  private below(bound: number): boolean {
    return (
      bound < this.minScore || bound < this.hint || (this.top.full && bound < this.top.threshold)
    );
  }

  /** Takes the slots `touched[from..to)`, with `bounds` exact or loose, best bound first. */
  drain(
    touched: Uint32Array,
    from: number,
    to: number,
    bounds: Float64Array,
    exact: boolean,
  ): void {
    const queue = this.queue;
    queue.reset(to - from);
    for (let i = from; i < to; i++) {
      const slot = touched[i]!;
      if (!this.below(bounds[slot]!)) queue.add(slot, bounds[slot]!, exact);
    }
    queue.heapify();
    while (queue.length > 0 && !(this.top.full && queue.topBound < this.top.threshold)) {
      const wasExact = queue.topExact;
      const slot = queue.pop();
      if (!wasExact) {
        const bound = this.steps.exactBound(slot);
        if (this.below(bound)) continue;
        if (queue.length > 0 && bound < queue.topBound) {
          queue.push(slot, bound);
          continue;
        }
      }
      this.consider(slot);
    }
  }

  /** The records no stage reached, when their bound could still matter. */
  scanUntouched(untouched: Untouched): void {
    for (let slot = 0; slot < untouched.slotCount; slot++) {
      if (this.below(untouched.maxBound)) break;
      if (!untouched.isCandidate(slot)) continue;
      if (this.below(untouched.bound(slot))) continue;
      this.consider(slot);
    }
  }

  /** Scores the finalists in full and ranks them by their scores. */
  finish(stats: Omit<RankStats, 'estimated' | 'fullyScored'>): RankResult {
    const top = new TopK(this.k);
    let fullyScored = this.scored.size;
    for (const slot of this.top.finalists()) {
      let result = this.scored.get(slot);
      if (!result) {
        result = this.steps.score(slot);
        fullyScored++;
      }
      if (result.total < this.minScore) continue;
      const listed = listedMatch(result, this.includeNearMisses);
      if (listed) top.offer(listed, this.steps.idOf(result));
    }
    return {
      matches: top.sorted(),
      stats: { ...stats, estimated: this.estimated, fullyScored },
    };
  }

  /**
   * The cheap total (skills known, no breakdown) applies the filters and the hard
   * requirements and is the pair's total (up to rounding): it decides who is a finalist.
   */
  private consider(slot: number): void {
    this.estimated++;
    const total = this.steps.estimate(slot);
    if (total < 0) return;
    if (this.below(total + BOUND_SLACK)) return;
    if (total < this.minScore + BOUND_SLACK) {
      // Rounding could put it on either side of the minimum: a finalist must surely qualify.
      const result = this.steps.score(slot);
      this.scored.set(slot, result);
      if (result.total < this.minScore) return;
    }
    this.top.offer(slot, total, this.steps.slotId(slot));
  }
}

/**
 * A pair's total from its known skills component (scoreMatch's component functions, no
 * breakdown), or -1 when more hard requirements fail than the query allows.
 */
export class CheapTotal {
  private readonly failures: string[] = [];
  private readonly missing: MissingDataCode[] = [];

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
