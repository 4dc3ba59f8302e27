/**
 * The occupation-linking evaluation of issue 14 (npm run eval:titles): the development set's job
 * titles as ads write them (fixtures/linking/titles-<language>.<split>.jsonl), MRR (rank of the
 * first correct occupation within the top 10) and recall@5 (share of the correct occupations,
 * at most five, in the top 5), with paired bootstrap 95 % intervals. Pure but for reading the
 * set and the baseline's documents: the systems under test are functions passed in.
 */
import path from 'node:path';
import { Database } from '../../db/database';
import { Bm25Index } from './bm25-baseline';
import {
  BOOTSTRAP,
  Interval,
  LINKING_SET_DIR,
  LinkingSplit,
  mulberry32,
  readSetFile,
} from './linking-evaluation';
import { bm25BaselineOf } from './evaluation-taxonomy';

export interface LinkingTitle {
  id: string;
  text: string;
  /** Correct occupations, best first; any of them counts. */
  occupations: string[];
}

/** Ranks counted by MRR: a first correct occupation below this counts as not found. */
export const TITLE_RANK_DEPTH = 10;

export function titleSetFile(language: string, split: LinkingSplit): string {
  return path.join(LINKING_SET_DIR, `titles-${language}.${split}.jsonl`);
}

/** The titles of one file; undefined when the file is not there. */
export function readTitleSet(file: string): LinkingTitle[] | undefined {
  return readSetFile<LinkingTitle>(
    file,
    (item) => typeof item.text === 'string' && Array.isArray(item.occupations),
    'text and occupations',
  );
}

export interface TitleScores {
  mrr: number;
  recallAt5: number;
}

export const TITLE_MEASURES: (keyof TitleScores)[] = ['mrr', 'recallAt5'];

/** One title's measures for a ranked answer (occupation URIs, best first). */
export function scoreTitle(title: LinkingTitle, ranked: string[]): TitleScores {
  const gold = new Set(title.occupations);
  const top = ranked.slice(0, TITLE_RANK_DEPTH);
  const first = top.findIndex((uri) => gold.has(uri));
  const inTop5 = new Set(ranked.slice(0, 5).filter((uri) => gold.has(uri))).size;
  return {
    mrr: first >= 0 ? 1 / (first + 1) : 0,
    recallAt5: gold.size ? inTop5 / Math.min(5, gold.size) : 0,
  };
}

export type TitleIntervals = Record<keyof TitleScores, Interval>;

export interface TitleComparison {
  titles: number;
  engine: TitleIntervals;
  baseline: TitleIntervals;
  /** engine − baseline, paired over the same resamples. */
  margin: TitleIntervals;
}

/**
 * Both systems' means with percentile bootstrap 95 % intervals: each resample draws the titles
 * with replacement (the harness's seed and count), the margin taken on the same resample.
 */
export function compareTitleSystems(
  titles: LinkingTitle[],
  engine: string[][],
  baseline: string[][],
  { resamples, seed }: { resamples: number; seed: number } = BOOTSTRAP,
): TitleComparison {
  if (engine.length !== titles.length || baseline.length !== titles.length)
    throw new Error('compareTitleSystems needs one answer of each system per title');
  const e = titles.map((t, i) => scoreTitle(t, engine[i]!));
  const b = titles.map((t, i) => scoreTitle(t, baseline[i]!));
  const mean = (scores: TitleScores[], sample: number[], m: keyof TitleScores) =>
    sample.length ? sample.reduce((sum, i) => sum + scores[i]![m], 0) / sample.length : 0;
  const random = mulberry32(seed);
  const draws = {
    engine: { mrr: [] as number[], recallAt5: [] as number[] },
    baseline: { mrr: [] as number[], recallAt5: [] as number[] },
    margin: { mrr: [] as number[], recallAt5: [] as number[] },
  };
  const sample = new Array<number>(titles.length);
  for (let round = 0; round < resamples; round++) {
    for (let k = 0; k < sample.length; k++) sample[k] = Math.floor(random() * sample.length);
    for (const m of TITLE_MEASURES) {
      const se = mean(e, sample, m);
      const sb = mean(b, sample, m);
      draws.engine[m].push(se);
      draws.baseline[m].push(sb);
      draws.margin[m].push(se - sb);
    }
  }
  const all = titles.map((_, i) => i);
  const interval = (point: number, values: number[]): Interval => {
    const sorted = [...values].sort((x, y) => x - y);
    return {
      value: point,
      low: sorted[Math.floor(0.025 * (sorted.length - 1))]!,
      high: sorted[Math.ceil(0.975 * (sorted.length - 1))]!,
    };
  };
  const of = (which: keyof typeof draws, point: (m: keyof TitleScores) => number) =>
    Object.fromEntries(
      TITLE_MEASURES.map((m) => [m, interval(point(m), draws[which][m])]),
    ) as TitleIntervals;
  return {
    titles: titles.length,
    engine: of('engine', (m) => mean(e, all, m)),
    baseline: of('baseline', (m) => mean(b, all, m)),
    margin: of('margin', (m) => mean(e, all, m) - mean(b, all, m)),
  };
}

/**
 * The BM25 baseline for titles in one language: each occupation's labels (preferred,
 * alternative, hidden) and description in that language as one document (the harness's BM25).
 */
export function occupationBm25BaselineOf(database: Database, language: string): Promise<Bm25Index> {
  return bm25BaselineOf(database, language, 'esco_occupation');
}
