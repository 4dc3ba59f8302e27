/**
 * BM25F over everything ESCO says about a skill in one language: its labels (preferred,
 * alternative, hidden), its description, its skill groups and broader skills, the occupations
 * it belongs to, and (for a language other than English) its English labels, each a field
 * with its own weight. Terms are Snowball stems; a term any field shares counts once per concept
 * with the fields' weighted, length-normalised frequencies summed before saturation
 * (Robertson, Zaragoza & Taylor 2004). Pure: built from rows, no database.
 */
import { stem } from '../search/stemming';
import { labelTokens } from '../search/text';

export const LINK_FIELDS = [
  'preferred',
  'alternative',
  'hidden',
  'description',
  'group',
  'occupation',
  'english',
] as const;
export type LinkField = (typeof LINK_FIELDS)[number];
const FIELD_COUNT = LINK_FIELDS.length;

export interface FieldText {
  conceptUri: string;
  field: LinkField;
  text: string;
}

/** Field weights and BM25 parameters: learned at import (see linking-model.ts). */
export interface FieldWeights {
  weights: Record<LinkField, number>;
  /** Saturation, 0.5–3; BM25's usual 1.2. */
  k1: number;
  /** Length normalisation per field, 0–1; BM25's usual 0.75. */
  b: number;
}

/** Field weights and BM25F parameters, tuned on the tuning half of the English set. */
export const DEFAULT_FIELD_WEIGHTS: FieldWeights = {
  weights: {
    preferred: 3,
    alternative: 2,
    hidden: 2,
    description: 0.5,
    group: 0,
    occupation: 0.3,
    english: 1,
  },
  k1: 0.6,
  b: 0.9,
};

/**
 * Terms in more than this share of concepts carry nothing (each would touch thousands of
 * postings for an idf near zero): left out of queries.
 */
const MAX_DOCUMENT_SHARE = 0.25;

/**
 * Words with which ads and CVs frame a skill ("experience in", "you will", "osaat") and that
 * say nothing of which skill: left out of linking queries.
 */
const FRAMING_WORDS = new Set(
  (
    'experience experienced knowledge skills skill ability able abilities required requirement ' +
    'advantage plus bonus previous previously job role work worked working years year you your ' +
    'we our us i my me have has had been will can must should would are is be good great ' +
    'strong excellent basic solid also other etc new some any all who which that this these ' +
    'kokemus kokemusta osaat osaamista hallitset taitoa taidot sinulla olet sinä meillä me ' +
    'työ työssä työhön tehtävä tehtäviin tehtäviisi kuuluu hyvä hyvät vahva eduksi plussaa ' +
    'aiempi aiemmin vuotta vuoden olen minulla tein teen erfarenhet kunskap kunskaper du har ' +
    'vi vår våra jag min mitt är var god goda bra meriterande tidigare arbete arbetet år'
  ).split(' '),
);

/** The stems of a text in a language, stop words left out. */
export function stems(text: string, language: string, cache?: Map<string, string>): string[] {
  const out: string[] = [];
  for (const token of labelTokens(text)) {
    if (token.length < 2) continue;
    let s = cache?.get(token);
    if (s === undefined) {
      s = stem(token, language);
      cache?.set(token, s);
    }
    out.push(s);
  }
  return out;
}

export class FieldIndex {
  readonly conceptUris: string[];
  private readonly termIds = new Map<string, number>();
  /** Postings of term t: concepts postingConcepts[t][i] with frequencies postingTf[t][i * F + f]. */
  private postingConcepts: Int32Array[] = [];
  private postingTf: Float32Array[] = [];
  private idf: Float64Array = new Float64Array(0);
  /** Length of field f of concept c at c * F + f, and the mean length of each field. */
  private lengths: Float32Array;
  private readonly meanLength = new Float64Array(FIELD_COUNT);
  /** Scratch: accumulated score per concept, and which concepts were touched. */
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    conceptUris: string[],
    texts: FieldText[],
    readonly language: string,
  ) {
    this.conceptUris = conceptUris;
    const conceptIds = new Map(conceptUris.map((uri, i) => [uri, i]));
    this.lengths = new Float32Array(conceptUris.length * FIELD_COUNT);
    this.scores = new Float64Array(conceptUris.length);
    this.touched = new Int32Array(conceptUris.length);
    // (term, concept, field) triples, then packed term by term.
    let triples = new Int32Array(1 << 20);
    let count = 0;
    const stemCaches = new Map<string, Map<string, string>>();
    for (const { conceptUri, field, text } of texts) {
      const concept = conceptIds.get(conceptUri);
      if (concept === undefined) continue;
      const f = LINK_FIELDS.indexOf(field);
      const stemLanguage = field === 'english' ? 'en' : language;
      let cache = stemCaches.get(stemLanguage);
      if (!cache) stemCaches.set(stemLanguage, (cache = new Map()));
      const terms = stems(text, stemLanguage, cache);
      this.lengths[concept * FIELD_COUNT + f]! += terms.length;
      for (const term of terms) {
        let id = this.termIds.get(term);
        if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
        if (count + 3 > triples.length) {
          const grown = new Int32Array(triples.length * 2);
          grown.set(triples);
          triples = grown;
        }
        triples[count++] = id;
        triples[count++] = concept;
        triples[count++] = f;
      }
    }
    for (let f = 0; f < FIELD_COUNT; f++) {
      let sum = 0;
      let filled = 0;
      for (let c = 0; c < conceptUris.length; c++) {
        const length = this.lengths[c * FIELD_COUNT + f];
        if (length) [sum, filled] = [sum + length, filled + 1];
      }
      this.meanLength[f] = filled ? sum / filled : 1;
    }
    // Sort triple indexes by term, then concept: a counting sort by term keeps it linear.
    const termCount = this.termIds.size;
    const n = count / 3;
    const perTerm = new Int32Array(termCount + 1);
    for (let i = 0; i < n; i++) perTerm[triples[i * 3]! + 1]!++;
    for (let t = 0; t < termCount; t++) perTerm[t + 1]! += perTerm[t]!;
    const order = new Int32Array(n);
    const next = perTerm.slice(0, termCount);
    for (let i = 0; i < n; i++) order[next[triples[i * 3]!]!++] = i;
    this.idf = new Float64Array(termCount);
    const concepts = conceptUris.length;
    for (let t = 0; t < termCount; t++) {
      const from = perTerm[t];
      const to = perTerm[t + 1];
      // Triples of one term come in text order: concepts in rising order only per field, so sort.
      const slice = Array.from(order.subarray(from, to)).sort(
        (a, b) => triples[a * 3 + 1]! - triples[b * 3 + 1]!,
      );
      const ids: number[] = [];
      const tf: number[] = [];
      for (const i of slice) {
        const c = triples[i * 3 + 1]!;
        if (ids[ids.length - 1] !== c) {
          ids.push(c);
          for (let f = 0; f < FIELD_COUNT; f++) tf.push(0);
        }
        tf[(ids.length - 1) * FIELD_COUNT + triples[i * 3 + 2]!]!++;
      }
      this.postingConcepts[t] = Int32Array.from(ids);
      this.postingTf[t] = Float32Array.from(tf);
      this.idf[t] = Math.log(1 + (concepts - ids.length + 0.5) / (ids.length + 0.5));
    }
  }

  get size(): number {
    return this.conceptUris.length;
  }

  /** The query's distinct known terms with their idf, common ones left out. */
  queryTerms(text: string): { term: number; idf: number }[] {
    const seen = new Set<number>();
    const terms: { term: number; idf: number }[] = [];
    if (this.queryStems.size > 50_000) this.queryStems.clear();
    const words = labelTokens(text).filter((w) => !FRAMING_WORDS.has(w));
    for (const s of stems(words.join(' '), this.language, this.queryStems)) {
      const id = this.termIds.get(s);
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      if (this.postingConcepts[id]!.length > MAX_DOCUMENT_SHARE * this.size) continue;
      terms.push({ term: id, idf: this.idf[id]! });
    }
    return terms;
  }

  /** Stems of query words seen so far (bounded: cleared when it grows large). */
  private readonly queryStems = new Map<string, string>();
  private normsFor = -1;
  private norms = new Float32Array(0);

  /** 1 / (1 − b + b · length / mean length) per concept and field, kept for the last b. */
  private inverseNorms(b: number): Float32Array {
    if (this.normsFor !== b) {
      this.norms = new Float32Array(this.lengths.length);
      for (let i = 0; i < this.lengths.length; i++)
        this.norms[i] = 1 / (1 - b + (b * this.lengths[i]!) / this.meanLength[i % FIELD_COUNT]!);
      this.normsFor = b;
    }
    return this.norms;
  }

  /**
   * BM25F score of every concept sharing a term with the query; `visit` receives each touched
   * concept once with its score. The scratch arrays are reset before returning.
   */
  score(
    terms: { term: number; idf: number }[],
    params: FieldWeights,
    visit: (concept: number, score: number) => void,
  ): void {
    const w = LINK_FIELDS.map((f) => params.weights[f]);
    const inverseNorm = this.inverseNorms(params.b);
    let touchedCount = 0;
    for (const { term, idf } of terms) {
      const concepts = this.postingConcepts[term]!;
      const tf = this.postingTf[term]!;
      for (let i = 0; i < concepts.length; i++) {
        const c = concepts[i]!;
        let weighted = 0;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const x = tf[i * FIELD_COUNT + f];
          if (x) weighted += w[f]! * x * inverseNorm[c * FIELD_COUNT + f]!;
        }
        if (!weighted) continue;
        if (this.scores[c] === 0) this.touched[touchedCount++] = c;
        this.scores[c]! += (idf * weighted) / (params.k1 + weighted);
      }
    }
    for (let k = 0; k < touchedCount; k++) {
      const c = this.touched[k]!;
      visit(c, this.scores[c]!);
      this.scores[c] = 0;
    }
  }
}
