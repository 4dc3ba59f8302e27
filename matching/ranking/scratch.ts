/**
 * Working arrays of a query, allocated once and reused (queries run synchronously, one at a
 * time). Marks hold the epoch that last wrote a cell, so nothing is cleared between queries.
 */
export class QueryScratch {
  /** Best credit so far per unit of the inner loop (slot or requirement). */
  best = new Float64Array(0);
  bestMark = new Uint32Array(0);
  touchedNow = new Uint32Array(0);
  /** Skills component so far per slot, and the slots reached. */
  skillValue = new Float64Array(0);
  seenMark = new Uint32Array(0);
  touched = new Uint32Array(0);
  bounds = new Float64Array(0);
  /** Occupation fit per slot where the occupation postings gave one. */
  occupation = new Float64Array(0);
  occupationMark = new Uint32Array(0);
  /** The exact skills component per slot, where `exactMark` holds the query's epoch. */
  exact = new Float64Array(0);
  exactMark = new Uint32Array(0);
  /**
   * The cheap total per slot (-1 refused), where `estimateMark` holds the query's epoch: a
   * seed's total is not computed again when the selection considers it.
   */
  estimateValue = new Float64Array(0);
  estimateMark = new Uint32Array(0);
  /** Per skill number: a small table of the query's credits (see the indexes). */
  skillCredit = new Float64Array(0);
  skillHead = new Int32Array(0);
  skillMark = new Uint32Array(0);
  /** Per place code: 1 when a record there may pass the query's place requirement. */
  allowedPlaces = new Uint8Array(0);
  private epoch = 0;

  /** Room for `skills` skill numbers (8 credits each) and `places` place codes. */
  ensureSkills(skills: number, places: number): void {
    if (this.skillMark.length < skills) {
      const size = Math.max(1024, Math.ceil(skills * 1.5));
      this.skillCredit = new Float64Array(size * 8);
      this.skillHead = new Int32Array(size);
      this.skillMark = new Uint32Array(size);
    }
    if (this.allowedPlaces.length < places)
      this.allowedPlaces = new Uint8Array(Math.max(64, places * 2));
  }

  /**
   * Called once per query, before its first epoch: makes sure its epochs cannot wrap around
   * in the middle (a query compares marks against its first epoch).
   */
  beginQuery(): number {
    if (this.epoch > 0xffff0000) this.resetMarks();
    return this.epoch + 1;
  }

  ensure(units: number, slots: number): void {
    if (this.best.length < units) {
      const size = Math.max(1024, Math.ceil(units * 1.5));
      this.best = new Float64Array(size);
      this.bestMark = new Uint32Array(size);
      this.touchedNow = new Uint32Array(size);
      this.resetMarks();
    }
    if (this.skillValue.length < slots) {
      const size = Math.max(1024, Math.ceil(slots * 1.5));
      this.skillValue = new Float64Array(size);
      this.seenMark = new Uint32Array(size);
      this.touched = new Uint32Array(size);
      this.bounds = new Float64Array(size);
      this.occupation = new Float64Array(size);
      this.occupationMark = new Uint32Array(size);
      this.exact = new Float64Array(size);
      this.exactMark = new Uint32Array(size);
      this.estimateValue = new Float64Array(size);
      this.estimateMark = new Uint32Array(size);
      this.resetMarks();
    }
  }

  /**
   * Gives a live slot its occupation fit (the first given wins: same occupation before same
   * group); a slot no skill posting reached joins the reached ones. Returns the reached count.
   */
  reachByOccupation(
    slot: number,
    value: number,
    epoch: number,
    alive: Uint8Array,
    reached: number,
  ): number {
    if (!alive[slot] || this.occupationMark[slot] === epoch) return reached;
    this.occupationMark[slot] = epoch;
    this.occupation[slot] = value;
    if (this.seenMark[slot] !== epoch) {
      this.seenMark[slot] = epoch;
      this.skillValue[slot] = 0;
      this.touched[reached++] = slot;
    }
    return reached;
  }

  nextEpoch(): number {
    if (this.epoch === 0xffffffff) this.resetMarks();
    return ++this.epoch;
  }

  /** The slot's cheap total in this query (`first`: its first epoch), computed once. */
  estimateOnce(slot: number, first: number, estimate: (slot: number) => number): number {
    if (this.estimateMark[slot] === first) return this.estimateValue[slot]!;
    const total = estimate(slot);
    this.estimateMark[slot] = first;
    this.estimateValue[slot] = total;
    return total;
  }

  private resetMarks(): void {
    this.bestMark.fill(0);
    this.seenMark.fill(0);
    this.occupationMark.fill(0);
    this.exactMark.fill(0);
    this.estimateMark.fill(0);
    this.skillMark.fill(0);
    this.epoch = 0;
  }
}

/** `factor(fixed, level)` for each level 0–7: a lookup in the hot loop instead of a call. */
export function levelTable(
  fixed: number,
  factor: (fixed: number, level: number) => number,
): Float64Array {
  const table = new Float64Array(8);
  for (let level = 0; level < 8; level++) table[level] = factor(fixed, level);
  return table;
}
