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
  private epoch = 0;

  ensure(units: number, slots: number): void {
    if (this.best.length < units) {
      const size = Math.max(1024, Math.ceil(units * 1.5));
      this.best = new Float64Array(size);
      this.bestMark = new Uint32Array(size);
      this.touchedNow = new Uint32Array(size);
      this.epoch = 0;
      this.seenMark.fill(0);
      this.occupationMark.fill(0);
    }
    if (this.skillValue.length < slots) {
      const size = Math.max(1024, Math.ceil(slots * 1.5));
      this.skillValue = new Float64Array(size);
      this.seenMark = new Uint32Array(size);
      this.touched = new Uint32Array(size);
      this.bounds = new Float64Array(size);
      this.occupation = new Float64Array(size);
      this.occupationMark = new Uint32Array(size);
      this.epoch = 0;
      this.bestMark.fill(0);
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
    if (this.epoch === 0xffffffff) {
      this.bestMark.fill(0);
      this.seenMark.fill(0);
      this.occupationMark.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
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
