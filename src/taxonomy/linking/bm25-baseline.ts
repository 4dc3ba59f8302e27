/**
 * The keyword baseline of the linking evaluation (issue 14): plain Okapi BM25 over each
 * concept's labels (preferred, alternative, hidden) and description in one language, as one
 * document per concept. Lower-cased word tokens, no stemming, no stop words. Not used by the
 * engine: it is what the engine has to beat.
 */
export const BM25_PARAMS = { k1: 1.2, b: 0.75 } as const;

/**
 * The baseline's precise mode: the top results whose score is at least this share of the best
 * (at most `maxThresholded`), as keyword search would be used to propose skills.
 */
export const BM25_THRESHOLD = { shareOfBest: 0.5, maxThresholded: 2 } as const;

const WORD = /[\p{L}\p{N}]+/gu;

export function bm25Tokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

export interface Bm25Document {
  conceptUri: string;
  text: string;
}

export class Bm25Index {
  private readonly uris: string[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private averageLength = 0;

  constructor(documents: Bm25Document[]) {
    let total = 0;
    for (const document of documents) {
      const doc = this.uris.length;
      this.uris.push(document.conceptUri);
      const tokens = bm25Tokens(document.text);
      this.lengths.push(tokens.length);
      total += tokens.length;
      const counts = new Map<string, number>();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    }
    this.averageLength = documents.length ? total / documents.length : 0;
  }

  /** Concepts by BM25 score, best first (ties by URI). */
  search(text: string, first: number): { conceptUri: string; score: number }[] {
    const { k1, b } = BM25_PARAMS;
    const n = this.uris.length;
    const scores = new Map<number, number>();
    for (const term of bm25Tokens(text)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + k1 * (1 - b + (b * this.lengths[doc]!) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1] || (this.uris[x[0]]! < this.uris[y[0]]! ? -1 : 1))
      .slice(0, first)
      .map(([doc, score]) => ({ conceptUri: this.uris[doc]!, score }));
  }

  /** Ranked and thresholded answers for the evaluation. */
  answer(text: string, first: number): { ranked: string[]; thresholded: string[] } {
    const hits = this.search(text, first);
    const best = hits[0]?.score ?? 0;
    return {
      ranked: hits.map((h) => h.conceptUri),
      thresholded: hits
        .filter((h) => h.score >= BM25_THRESHOLD.shareOfBest * best)
        .slice(0, BM25_THRESHOLD.maxThresholded)
        .map((h) => h.conceptUri),
    };
  }
}
