/** Exact top-k ranking over packed in-memory indexes, in both directions. */
export * from './candidate-index';
export * from './vacancy-index';
export type { RankQuery, RankResult, RankStats } from './select';
