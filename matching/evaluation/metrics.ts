/** nDCG@k of a ranked list of graded relevances (gain 2^rel − 1). */
export function ndcgAt(k: number, ranked: number[]): number {
  const dcg = (rels: number[]) =>
    rels.slice(0, k).reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...ranked].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

/** Reciprocal rank of the first item at or above `threshold` relevance. */
export function reciprocalRank(ranked: number[], threshold = 2): number {
  const i = ranked.findIndex((rel) => rel >= threshold);
  return i === -1 ? 0 : 1 / (i + 1);
}

export const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
