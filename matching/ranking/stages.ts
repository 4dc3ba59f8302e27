/**
 * MaxScore over posting lists (as Lucene and Tantivy prune a disjunction): the lists a query
 * could walk are its terms, each with the most credit one of its postings can add, taken most
 * valuable first. A few likely winners (seeds) are estimated first, which gives a score the
 * k-th result will reach at least; the walk then takes just enough terms that a record reached
 * by none of them, whose skills component is at most what the unwalked terms can add
 * (`remaining`), cannot reach that score. The unwalked lists (mostly long lists of loosely
 * related skills) are never read: a record that comes up in the selection gets its exact
 * skills component from its own entries.
 */

/** Term numbers ordered by value, highest first (ties by number, so the order is stable). */
export function byValue(values: Float64Array, count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let t = 0; t < count; t++) order[t] = t;
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  return order;
}

/**
 * Where the walk ends: the fewest terms after which the bound of a record no walked term
 * reached (`untouchedBound` of what the unwalked terms can still add, `remaining[end]`) falls
 * below `floor`, a score the k-th result is known to reach.
 */
export function walkEnd(
  remaining: Float64Array,
  count: number,
  floor: number,
  untouchedBound: (remaining: number) => number,
): number {
  for (let end = 0; end < count; end++) if (untouchedBound(remaining[end]!) < floor) return end;
  return count;
}

/** How many seeds a query estimates at most, per result asked for (and at least). */
const SEEDS_PER_RESULT = 3;
const MIN_SEEDS = 100;
/**
 * Postings a seed must be able to save: estimating one costs about as much as walking this
 * many, so a query with short lists (most jobseeker → vacancies ones) takes fewer seeds or none.
 */
export const POSTINGS_PER_SEED = 100;
/** Fewer seeds than this many per result rarely give a useful floor. */
const LEAST_SEEDS_PER_RESULT = 2;

/**
 * The k-th best of the seeds' totals, each the exact total of a pair the query accepts: the
 * k-th result scores at least that much, so a record whose bound is below it cannot enter.
 */
export class SeedFloor {
  private heap = new Float64Array(64);
  private size = 0;
  private k = 0;
  private budget = 0;

  /** `walkable`: the postings the query's terms hold (what seeds can save); `cost`: a seed's in postings. */
  start(k: number, walkable: number, cost = POSTINGS_PER_SEED): void {
    this.k = k;
    this.size = 0;
    this.budget = Math.max(MIN_SEEDS, SEEDS_PER_RESULT * k);
    if (cost > 0) this.budget = Math.min(this.budget, Math.floor(walkable / cost));
    if (this.budget < LEAST_SEEDS_PER_RESULT * k) this.budget = 0;
    if (this.heap.length < k) this.heap = new Float64Array(k);
  }

  /** How many more seeds are wanted. */
  get left(): number {
    return this.budget;
  }

  /** Whether more seeds are wanted. */
  get open(): boolean {
    return this.budget > 0;
  }

  /** A seed's total (negative: refused, which still spends the budget). */
  offer(total: number, minScore: number): void {
    this.budget--;
    if (total < 0 || total < minScore || this.k === 0) return;
    const heap = this.heap;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= total) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = total;
      return;
    }
    if (total <= heap[0]!) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && heap[right]! < heap[left]! ? right : left;
      if (heap[child]! >= total) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = total;
  }

  /** The floor (slightly under the k-th total, for rounding); -Infinity with fewer than k. */
  get floor(): number {
    return this.size < this.k || this.k === 0 ? -Infinity : this.heap[0]! - SEED_SLACK;
  }
}

/** Seeds' totals come from the same functions as scoreMatch's but may round differently. */
const SEED_SLACK = 1e-9;

/** Seeds are chosen by a walk of the most valuable terms over this share of the postings. */
export const SEED_WALK_SHARE = 20;

/**
 * About the `count`-th largest of `value` over `slots[0..n)` (a histogram's bucket edge, so
 * possibly a little lower): the least value to take to have about `count` of them.
 */
export function valueOfTop(
  value: Float64Array,
  slots: Uint32Array,
  n: number,
  count: number,
): number {
  if (n <= count) return -Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) if (value[slots[i]!]! > max) max = value[slots[i]!]!;
  if (max <= 0) return -Infinity;
  const buckets = new Uint32Array(BUCKETS);
  const scale = (BUCKETS - 1) / max;
  for (let i = 0; i < n; i++) buckets[Math.floor(value[slots[i]!]! * scale)]!++;
  let taken = 0;
  for (let b = BUCKETS - 1; b >= 0; b--) {
    taken += buckets[b]!;
    if (taken >= count) return b / scale;
  }
  return -Infinity;
}

const BUCKETS = 256;
