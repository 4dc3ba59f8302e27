import { BoundedSelection, RankQuery, RankResult, SlotSteps } from './select';
import { SeedFloor, walkEnd } from './stages';

/** The postings a walk read, reported in the query's stats. */
export interface WalkTally {
  walked: number;
}

/**
 * What one query of an index brings to the ranking loop: its terms (most valuable first), and
 * the stages whose work differs by direction. Built per query from the index's set-up; the
 * posting walk's hot loops stay in the index (`walk`), called once per query.
 */
export interface RankPlan {
  /** Records already reached (by the occupation postings): `touched[0..reached)`. */
  reached: number;
  termCount: number;
  /** `remaining[b]`: the most the terms after the first b can add to a record's skills. */
  remaining: Float64Array;
  /** Postings the query's terms hold (what seeds can save). */
  walkable: number;
  slotCount: number;
  live: number;
  touched: Uint32Array;
  bounds: Float64Array;
  /** Offers likely winners to `seeds` (called when the index prunes and seeds are wanted). */
  seed: (reached: number, minScore: number) => void;
  /** The bound of a record no walked term reached, given what the unwalked terms can add. */
  walkBound: (remaining: number) => number;
  /**
   * Walks the first `end` terms (each reached record's gain above `left`, what the unwalked
   * ones could give anyway), adds the records it reaches to `touched` from `reached` on, sets
   * every touched record's bound and the postings read; returns how many are touched.
   */
  walk: (end: number, left: number, reached: number, tally: WalkTally) => number;
  steps: SlotSteps;
  /** No record the walk missed can score above this (with `left` unwalked). */
  untouchedMaxBound: (left: number) => number;
  untouchedBound: (slot: number, left: number) => number;
  /** Live, passing the query's place filter, and not touched. */
  isUntouchedCandidate: (slot: number) => boolean;
}

/**
 * The ranking loop both indexes run (MaxScore, see stages.ts): seeds give a floor the k-th
 * result reaches; the walk takes just the terms that can lift a record above it; the bounded
 * selection scores the reached records best bound first, then any unreached one that could
 * still matter. One instance per index, reused by its queries.
 */
export class RankLoop {
  private readonly tally: WalkTally = { walked: 0 };

  constructor(
    private readonly seeds: SeedFloor,
    private readonly selection: BoundedSelection,
  ) {}

  run<T>(
    query: RankQuery<T>,
    plan: RankPlan,
    pruning: boolean,
    postingsPerSeed: number,
  ): RankResult {
    const minScore = query.minScore ?? 0;
    const seeds = this.seeds;
    seeds.start(query.k, plan.walkable, postingsPerSeed);
    if (pruning && seeds.open) plan.seed(plan.reached, minScore);
    const floor = Math.max(minScore, seeds.floor);
    const end = pruning
      ? walkEnd(plan.remaining, plan.termCount, floor, plan.walkBound)
      : plan.termCount;
    const left = plan.remaining[end]!;
    this.tally.walked = 0;
    const touched = plan.walk(end, left, plan.reached, this.tally);

    const selection = this.selection;
    selection.start(query, plan.steps, floor);
    selection.drain(plan.touched, 0, touched, plan.bounds, left === 0);
    selection.scanUntouched({
      slotCount: plan.slotCount,
      maxBound: plan.untouchedMaxBound(left),
      bound: (slot) => plan.untouchedBound(slot, left),
      isCandidate: plan.isUntouchedCandidate,
    });
    return selection.finish({
      live: plan.live,
      touched,
      walked: this.tally.walked,
      walkable: plan.walkable,
    });
  }
}
