/**
 * The cell key method of statistical disclosure control (the Australian Bureau of Statistics'
 * TableBuilder; recommended across the EU for the 2021 census), for counts of people shown to
 * those who may not list the people themselves.
 *
 * Every person has a fixed random record key in 0..bigN−1 (the caller computes it; here it is
 * only a number). A cell — the people one count counts — has as its key the sum of its records'
 * keys mod bigN, and its count is shown with the perturbation the ptable gives for (count, cell
 * key). So the same people always get the same answer (asking again, or another way that counts
 * the same people, averages nothing away), while two cells that differ by a few people have
 * independent keys and independent perturbations: their difference is the true difference plus
 * noise, not an exact small count. A total is a cell of its own, perturbed, never the sum of its
 * perturbed cells (so it does not equal that sum). Counts below the threshold are hidden after
 * perturbation; zero stays zero (it singles out nobody).
 */

/** One perturbation of a ptable row and how likely it is. */
export interface PerturbationChance {
  perturbation: number;
  probability: number;
}

export interface CellKeyParams {
  /**
   * Record keys and cell keys lie in 0..bigN−1; a cell key, scrambled, is a uniform draw that
   * picks the perturbation. 2^32 (the scrambling works on 32 bits): far above the number of
   * people, so cell keys of different cells practically never coincide.
   */
  bigN: number;
  /** A perturbed count below this is not shown (null); a true zero is shown as 0. Default 5. */
  threshold: number;
  /**
   * Row n is the distribution of the perturbation of a count n (the last row serves every larger
   * count): zero mean, never below −n. Default: 0 unchanged; 1 by −1, 0, +1 (¼, ½, ¼); from 2
   * on −2, −1, 0, +1, +2 with 0.15, 0.25, 0.2, 0.25, 0.15 (variance 1.7). Two independent cells
   * perturb alike with probability Σp² = 0.21, so a difference of two cells equals the true one
   * about one time in five, and which time cannot be told from the answers.
   */
  ptable: readonly (readonly PerturbationChance[])[];
}

export const DEFAULT_CELL_KEY_PARAMS: CellKeyParams = {
  bigN: 2 ** 32,
  threshold: 5,
  ptable: [
    [{ perturbation: 0, probability: 1 }],
    [
      { perturbation: -1, probability: 0.25 },
      { perturbation: 0, probability: 0.5 },
      { perturbation: 1, probability: 0.25 },
    ],
    [
      { perturbation: -2, probability: 0.15 },
      { perturbation: -1, probability: 0.25 },
      { perturbation: 0, probability: 0.2 },
      { perturbation: 1, probability: 0.25 },
      { perturbation: 2, probability: 0.15 },
    ],
  ],
};

/** A cell's key with one more record in it. */
export function addRecordKey(cellKey: number, recordKey: number, bigN: number): number {
  return (cellKey + recordKey) % bigN;
}

/** The key of a cell holding these records. */
export function cellKeyOf(recordKeys: Iterable<number>, bigN: number): number {
  let key = 0;
  for (const k of recordKeys) key = addRecordKey(key, k, bigN);
  return key;
}

/** A count and its cell key, built record by record. */
export class Cell {
  count = 0;
  key = 0;

  constructor(private readonly bigN: number) {}

  add(recordKey: number): void {
    this.count++;
    this.key = addRecordKey(this.key, recordKey, this.bigN);
  }
}

/** The perturbation the ptable gives a count of n with this cell key. */
export function perturbation(
  count: number,
  cellKey: number,
  params: CellKeyParams = DEFAULT_CELL_KEY_PARAMS,
): number {
  const row = params.ptable[Math.min(count, params.ptable.length - 1)];
  if (!row?.length) throw new Error('The perturbation table has no row for this count');
  // The key scrambled (as the ABS ptable's columns are shuffled), then read as a uniform draw in
  // [0, 1) off the row's cumulative chances. Read unscrambled, a cell and the same cell plus one
  // person with a small record key would fall in the same stretch of the row, and every
  // difference over that person would be exact.
  const draw = (scramble(cellKey) + 0.5) / 2 ** 32;
  let cumulative = 0;
  for (const chance of row) {
    cumulative += chance.probability;
    if (draw < cumulative) return chance.perturbation;
  }
  return row[row.length - 1]!.perturbation;
}

/** A bijection of 32-bit integers that spreads neighbouring keys apart (lowbias32, C. Wellons). */
function scramble(key: number): number {
  let x = key >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The count as perturbed (never below zero by the ptable's construction). */
export function perturbedCount(
  count: number,
  cellKey: number,
  params: CellKeyParams = DEFAULT_CELL_KEY_PARAMS,
): number {
  return count + perturbation(count, cellKey, params);
}

/**
 * What may be shown of a count to those who may not list its people: 0 for none, else the
 * perturbed count, or null when that is below the threshold.
 */
export function protectedCount(
  count: number,
  cellKey: number,
  params: CellKeyParams = DEFAULT_CELL_KEY_PARAMS,
): number | null {
  if (count === 0) return 0;
  const perturbed = perturbedCount(count, cellKey, params);
  return perturbed < params.threshold ? null : perturbed;
}
