/**
 * The skill-linking evaluation of issue 14 (npm run eval:linking): the development set's
 * sentences (fixtures/linking/skills-<language>.<split>.jsonl), the measures (R-Precision@5,
 * MRR, precision and recall of the thresholded mode) and paired bootstrap intervals. Pure: the
 * systems under test are functions passed in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';

/** The development set; LINKING_SET_DIR points elsewhere (a scratch set while writing one). */
export const LINKING_SET_DIR =
  process.env.LINKING_SET_DIR ?? path.join(PROJECT_ROOT, 'fixtures', 'linking');

export type LinkingSplit = 'tune' | 'heldout';

export interface LinkingSentence {
  id: string;
  kind: 'ad' | 'cv' | 'noise';
  text: string;
  /** One group per competence: any URI of a group counts as finding it, once. */
  skills: string[][];
}

export function linkingSetFile(language: string, split: LinkingSplit): string {
  return path.join(LINKING_SET_DIR, `skills-${language}.${split}.jsonl`);
}

/** The items of one JSON Lines file of the set, each checked; undefined when the file is not there. */
export function readSetFile<T>(
  file: string,
  check: (item: T) => boolean,
  needs: string,
): T[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const item = JSON.parse(line) as T;
      if (!check(item)) throw new Error(`${file}:${i + 1}: needs ${needs}`);
      return item;
    });
}

/** The sentences of one file; undefined when the file is not there. */
export function readLinkingSet(file: string): LinkingSentence[] | undefined {
  return readSetFile<LinkingSentence>(
    file,
    (item) => typeof item.text === 'string' && Array.isArray(item.skills),
    'text and skills',
  );
}

/**
 * The evaluation scripts' arguments: `--split tune|heldout` (default heldout), `--language`,
 * `--verbose`. Items are shown only from the tuning half: the held-out half stays unread.
 */
export function parseEvaluationArgs(argv: string[]): {
  split: LinkingSplit;
  languages: string[];
  verbose: boolean;
} {
  let split: LinkingSplit = 'heldout';
  let languages = ['en', 'fi', 'sv'];
  const verbose = argv.includes('--verbose');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--split') split = argv[++i] as LinkingSplit;
    else if (argv[i] === '--language') languages = [argv[++i]!];
  }
  if (split !== 'tune' && split !== 'heldout') throw new Error('--split is tune or heldout');
  if (verbose && split === 'heldout')
    throw new Error(
      '--verbose shows items: only with --split tune (the held-out half stays unread)',
    );
  return { split, languages, verbose };
}

/** What a system gives for one sentence: its ranked skills and its thresholded (precise) ones. */
export interface SystemAnswer {
  ranked: string[];
  thresholded: string[];
}

/** Per-sentence counts, summed or averaged over a sample of sentences. */
interface SentenceScore {
  /** Whether the sentence has gold skills (R-Precision and MRR count only those). */
  gold: boolean;
  rPrecision: number;
  reciprocalRank: number;
  /** Thresholded mode: predictions that hit a new group, predictions that hit none, groups. */
  truePositives: number;
  falsePositives: number;
  groups: number;
  groupsFound: number;
}

export interface LinkingScores {
  rPrecisionAt5: number;
  mrr: number;
  precision: number;
  recall: number;
}

export const MEASURES: (keyof LinkingScores)[] = ['rPrecisionAt5', 'mrr', 'precision', 'recall'];

export function scoreSentence(sentence: LinkingSentence, answer: SystemAnswer): SentenceScore {
  const groups = sentence.skills;
  const groupOf = (uri: string) => groups.findIndex((group) => group.includes(uri));
  const r = Math.min(5, groups.length);
  const topHits = new Set(
    answer.ranked
      .slice(0, r)
      .map(groupOf)
      .filter((g) => g >= 0),
  );
  const firstHit = answer.ranked.findIndex((uri) => groupOf(uri) >= 0);
  const found = new Set<number>();
  let falsePositives = 0;
  let truePositives = 0;
  for (const uri of new Set(answer.thresholded)) {
    const g = groupOf(uri);
    if (g < 0) falsePositives++;
    else if (!found.has(g)) {
      found.add(g);
      truePositives++;
    }
  }
  return {
    gold: groups.length > 0,
    rPrecision: r ? topHits.size / r : 0,
    reciprocalRank: firstHit >= 0 ? 1 / (firstHit + 1) : 0,
    truePositives,
    falsePositives,
    groups: groups.length,
    groupsFound: found.size,
  };
}

function aggregate(scores: SentenceScore[], sample: Iterable<number>): LinkingScores {
  let gold = 0;
  let rp = 0;
  let rr = 0;
  let tp = 0;
  let fp = 0;
  let groups = 0;
  let found = 0;
  for (const i of sample) {
    const s = scores[i]!;
    if (s.gold) {
      gold++;
      rp += s.rPrecision;
      rr += s.reciprocalRank;
    }
    tp += s.truePositives;
    fp += s.falsePositives;
    groups += s.groups;
    found += s.groupsFound;
  }
  return {
    rPrecisionAt5: gold ? rp / gold : 0,
    mrr: gold ? rr / gold : 0,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: groups ? found / groups : 0,
  };
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

export type IntervalScores = Record<keyof LinkingScores, Interval>;

export interface Comparison {
  sentences: number;
  engine: IntervalScores;
  baseline: IntervalScores;
  /** engine − baseline, paired over the same resamples. */
  margin: IntervalScores;
}

export const BOOTSTRAP = { resamples: 1000, seed: 20261130 } as const;

/**
 * Scores of two systems on the same sentences with percentile bootstrap 95 % intervals: each
 * resample draws the sentences with replacement (fixed seed), and the margin is taken on the
 * same resample for both systems.
 */
export function compareSystems(
  sentences: LinkingSentence[],
  engine: SystemAnswer[],
  baseline: SystemAnswer[],
  { resamples, seed }: { resamples: number; seed: number } = BOOTSTRAP,
): Comparison {
  if (engine.length !== sentences.length || baseline.length !== sentences.length)
    throw new Error('compareSystems needs one answer of each system per sentence');
  const e = sentences.map((s, i) => scoreSentence(s, engine[i]!));
  const b = sentences.map((s, i) => scoreSentence(s, baseline[i]!));
  const all = sentences.map((_, i) => i);
  const random = mulberry32(seed);
  const draws: Record<'engine' | 'baseline' | 'margin', Record<keyof LinkingScores, number[]>> = {
    engine: { rPrecisionAt5: [], mrr: [], precision: [], recall: [] },
    baseline: { rPrecisionAt5: [], mrr: [], precision: [], recall: [] },
    margin: { rPrecisionAt5: [], mrr: [], precision: [], recall: [] },
  };
  const sample = new Array<number>(sentences.length);
  for (let round = 0; round < resamples; round++) {
    for (let k = 0; k < sample.length; k++) sample[k] = Math.floor(random() * sample.length);
    const se = aggregate(e, sample);
    const sb = aggregate(b, sample);
    for (const m of MEASURES) {
      draws.engine[m].push(se[m]);
      draws.baseline[m].push(sb[m]);
      draws.margin[m].push(se[m] - sb[m]);
    }
  }
  const pointE = aggregate(e, all);
  const pointB = aggregate(b, all);
  const interval = (point: number, values: number[]): Interval => {
    const sorted = [...values].sort((x, y) => x - y);
    return {
      value: point,
      low: sorted[Math.floor(0.025 * (sorted.length - 1))]!,
      high: sorted[Math.ceil(0.975 * (sorted.length - 1))]!,
    };
  };
  const of = (which: 'engine' | 'baseline' | 'margin', point: (m: keyof LinkingScores) => number) =>
    Object.fromEntries(
      MEASURES.map((m) => [m, interval(point(m), draws[which][m])]),
    ) as IntervalScores;
  return {
    sentences: sentences.length,
    engine: of('engine', (m) => pointE[m]),
    baseline: of('baseline', (m) => pointB[m]),
    margin: of('margin', (m) => pointE[m] - pointB[m]),
  };
}

/** A small seeded generator (Mulberry32): the same intervals on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
