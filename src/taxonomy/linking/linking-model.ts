/**
 * The linker's field weights, learned per language from the taxonomy itself (issue 14): ESCO
 * gives thousands of labelled pairs for free. One alternative label of each of a sample of
 * concepts is held out of the index and used as a query that should find its concept; the
 * field weights are fitted by coordinate ascent on the mean reciprocal rank of those queries.
 * Run at import (see linking-model.store.ts), stored, and only loaded by the server. Pure.
 */
import { DEFAULT_FIELD_WEIGHTS, FieldIndex, FieldText, FieldWeights } from './field-index';

export const LEARNING = {
  /** Held-out labels (queries) per language; more is steadier and slower. */
  queries: 1500,
  /** Multiplicative steps tried for each weight, and rounds over all weights. */
  steps: [0.5, 2],
  rounds: 2,
  /** A query's concept counts when ranked within this many. */
  depth: 20,
  seed: 14,
} as const;

/** Fields whose weights are fitted ("english" only exists for fi/sv; it keeps its default). */
const FITTED: (keyof FieldWeights['weights'])[] = [
  'preferred',
  'alternative',
  'hidden',
  'description',
  'group',
  'occupation',
];

export interface LearnedWeights {
  weights: FieldWeights;
  /** MRR of the held-out labels with the default and with the learned weights. */
  mrrBefore: number;
  mrrAfter: number;
  queries: number;
}

export function learnFieldWeights(
  conceptUris: string[],
  texts: FieldText[],
  language: string,
): LearnedWeights {
  const random = seeded(LEARNING.seed);
  const alternatives = new Map<string, number[]>();
  texts.forEach((t, i) => {
    if (t.field !== 'alternative') return;
    const list = alternatives.get(t.conceptUri);
    if (list) list.push(i);
    else alternatives.set(t.conceptUri, [i]);
  });
  // Concepts with at least two alternative labels keep one; a random one is the query.
  const eligible = [...alternatives].filter(([, list]) => list.length >= 2);
  if (!eligible.length) {
    const defaults = structuredClone(DEFAULT_FIELD_WEIGHTS);
    return { weights: defaults, mrrBefore: 0, mrrAfter: 0, queries: 0 };
  }
  const held = new Set<number>();
  const queries: { text: string; concept: number }[] = [];
  const conceptIds = new Map(conceptUris.map((uri, i) => [uri, i]));
  for (let k = 0; k < eligible.length && queries.length < LEARNING.queries; k++) {
    const j = k + Math.floor(random() * (eligible.length - k));
    [eligible[k], eligible[j]] = [eligible[j]!, eligible[k]!];
    const [uri, list] = eligible[k]!;
    const pick = list[Math.floor(random() * list.length)]!;
    held.add(pick);
    queries.push({ text: texts[pick]!.text, concept: conceptIds.get(uri)! });
  }
  const index = new FieldIndex(
    conceptUris,
    texts.filter((_, i) => !held.has(i)),
    language,
  );
  const prepared = queries.map((q) => ({ terms: index.queryTerms(q.text), concept: q.concept }));
  const mrr = (params: FieldWeights): number => {
    let sum = 0;
    for (const { terms, concept } of prepared) {
      let target = 0;
      const others: number[] = [];
      index.score(terms, params, (c, s) => (c === concept ? (target = s) : others.push(s)));
      if (!target) continue;
      const rank = 1 + others.filter((s) => s > target).length;
      if (rank <= LEARNING.depth) sum += 1 / rank;
    }
    return prepared.length ? sum / prepared.length : 0;
  };
  let best = structuredClone(DEFAULT_FIELD_WEIGHTS);
  const before = mrr(best);
  let bestMrr = before;
  for (let round = 0; round < LEARNING.rounds; round++) {
    for (const field of FITTED) {
      for (const step of LEARNING.steps) {
        const candidate = structuredClone(best);
        candidate.weights[field] = (candidate.weights[field] || 0.1) * step;
        const value = mrr(candidate);
        if (value > bestMrr + 1e-4) [best, bestMrr] = [candidate, value];
      }
    }
  }
  return { weights: best, mrrBefore: before, mrrAfter: bestMrr, queries: prepared.length };
}

/** Mulberry32: the same sample on every import. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
