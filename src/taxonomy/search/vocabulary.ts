import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import { allStems, stem } from './stemming';

/**
 * How similar a query token must be to a vocabulary token, and how much each kind of match
 * counts. One object so the evaluation (npm run eval:search) can tune it in one place.
 */
export const TOKEN_MATCH = {
  /** Same stem under a Snowball stemmer of fi/sv/en: an inflected form of the same word. */
  sameStem: 0.95,
  /** Shared prefix: the floor of the similarity, raised by the share of the longer token covered. */
  prefixBase: 0.6,
  prefixSpan: 0.3,
  /** Shortest shared prefix that counts, and the share of the shorter token it must cover. */
  prefixMinLength: 5,
  prefixMinShare: 0.7,
  /** What a shared prefix leaves over in the longer token must be no longer than an ending. */
  prefixMaxRest: 6,
  /** One edit (insert, delete, substitute, transpose); two edits cost another 0.1. */
  typo: 0.8,
  /** A Finnish verb form against a label's infinitive (free text only; see matchInText). */
  verbForm: 0.8,
  /** A compound whose head or tail is the matched token ("kaarihitsaus" for "hitsaus"). */
  compoundPart: 0.8,
  /** Shortest token for typo tolerance; two edits only from this length. */
  typoMinLength: 5,
  twoEditsMinLength: 9,
} as const;

/** Tokens from labels in these languages may be compounds worth splitting. */
const COMPOUNDING_LANGUAGES = new Set(['fi', 'sv']);

/** Ids of candidate tokens with their similarity to a query token, in [0, 1]. */
export type TokenMatches = Map<number, number>;

/**
 * The distinct tokens of all labels and the ways a query token can reach them: exactly, by
 * stem, by shared prefix (Finnish inflection that Snowball misses: hitsaus / hitsauksen /
 * hitsaaja), by a small typo, or as a part of a compound.
 */
export class Vocabulary {
  readonly tokens: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly compounding: boolean[] = [];
  private readonly byStem = new Map<string, number[]>();
  private sorted: string[] = [];
  private sortedIds: number[] = [];
  private readonly byTrigram = new Map<string, number[]>();
  private readonly compoundsByPart = new Map<number, number[]>();

  private knownWords: ReadonlySet<string> = new Set();

  /** Words that are words of their own: no typo or stem collision turns them into another. */
  setKnownWords(words: Iterable<string>): void {
    this.knownWords = new Set(words);
  }

  /** Adds a label token (once per distinct token); returns its id. */
  add(token: string, language: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokens.push(token);
      this.ids.set(token, id);
      this.compounding.push(false);
      for (const s of new Set([stem(token, language), token])) push(this.byStem, s, id);
    }
    if (COMPOUNDING_LANGUAGES.has(language)) this.compounding[id] = true;
    return id;
  }

  id(token: string): number | undefined {
    return this.ids.get(token);
  }

  /** Builds the prefix, trigram and compound structures once every token is in. */
  freeze(): void {
    const order = this.tokens
      .map((_, i) => i)
      .sort((a, b) => compare(this.tokens[a]!, this.tokens[b]!));
    this.sortedIds = order;
    this.sorted = order.map((i) => this.tokens[i]!);
    this.tokens.forEach((token, id) => {
      if (token.length >= TOKEN_MATCH.typoMinLength) {
        for (const gram of trigrams(token)) push(this.byTrigram, gram, id);
      }
      if (this.compounding[id]) {
        for (const part of this.compoundParts(token)) push(this.compoundsByPart, part, id);
      }
    });
  }

  /** Every vocabulary token a query token may stand for, with its similarity. */
  match(queryToken: string): TokenMatches {
    const found: TokenMatches = new Map();
    const put = (id: number, similarity: number) => {
      if ((found.get(id) ?? 0) < similarity) found.set(id, similarity);
    };
    const exact = this.ids.get(queryToken);
    if (exact !== undefined) put(exact, 1);
    // A word of the language meets another word through a shared stem only when one is the
    // other with an ending: "washing" is "wash", but "experience" is not "experiment".
    const known = this.knownWords.has(queryToken);
    for (const s of allStems(queryToken)) {
      if (s.length < 3) continue;
      for (const id of this.byStem.get(s) ?? []) {
        if (known && !sameWordWithEnding(queryToken, this.tokens[id]!)) continue;
        put(id, TOKEN_MATCH.sameStem);
      }
    }
    this.matchPrefix(queryToken, put);
    if (
      queryToken.length >= TOKEN_MATCH.typoMinLength &&
      !this.knownWords.has(queryToken) &&
      ![...found.values()].some((s) => s >= 0.9)
    ) {
      this.matchTypo(queryToken, put);
    }
    for (const [id, similarity] of [...found]) {
      for (const compound of this.compoundsByPart.get(id) ?? []) {
        put(compound, similarity * TOKEN_MATCH.compoundPart);
      }
    }
    return found;
  }

  /**
   * `match` plus Finnish verb forms, for free text: an ad says "käytät", "huollat", "laadit"
   * where a label has the infinitive "käyttää", "huoltaa", "laatia". Consonant gradation defeats
   * both the stemmer and the prefix rule, so both words are compared by a skeleton (doubled
   * letters single, d as t) that must share its first four letters and most of the shorter one.
   */
  matchInText(token: string): TokenMatches {
    const found = this.match(token);
    if (token.length < 5) return found;
    const skeleton = verbSkeleton(token);
    const prefix = token.slice(0, 3);
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const candidate = this.sorted[i]!;
      if (!candidate.startsWith(prefix)) break;
      const id = this.sortedIds[i]!;
      if (!this.compounding[id] || candidate.length < 5 || !/[aä]$/.test(candidate)) continue;
      const other = verbSkeleton(candidate);
      const shared = commonPrefixLength(skeleton, other);
      if (shared >= 4 && shared >= 0.6 * Math.min(skeleton.length, other.length)) {
        if ((found.get(id) ?? 0) < TOKEN_MATCH.verbForm) found.set(id, TOKEN_MATCH.verbForm);
      }
    }
    return found;
  }

  /**
   * Splits a query compound against the vocabulary ("asiakaspalvelutehtävät" → "asiakaspalvelu"
   * + "tehtävät"): the longest known head whose rest is known or matchable. Undefined if no split.
   */
  splitQueryCompound(token: string): string[] | undefined {
    for (let i = token.length - 3; i >= 3; i--) {
      const head = token.slice(0, i);
      const tail = token.slice(i);
      if (!this.ids.has(head)) continue;
      const tailMatches = this.match(tail);
      if ([...tailMatches.values()].some((s) => s >= 0.75)) return [head, tail];
      const tailParts = tail.length >= 6 ? this.splitQueryCompound(tail) : undefined;
      if (tailParts) return [head, ...tailParts];
      if (head.length >= 5) return [head, tail];
    }
    return undefined;
  }

  private matchPrefix(queryToken: string, put: (id: number, similarity: number) => void): void {
    const { prefixMinLength, prefixMinShare, prefixMaxRest, prefixBase, prefixSpan } = TOKEN_MATCH;
    if (queryToken.length < prefixMinLength) return;
    const prefix = queryToken.slice(0, prefixMinLength);
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const token = this.sorted[i]!;
      if (!token.startsWith(prefix)) break;
      const shared = commonPrefixLength(queryToken, token);
      const shorter = Math.min(queryToken.length, token.length);
      const longer = Math.max(queryToken.length, token.length);
      // Only for Finnish and Swedish tokens: English stems cover its inflection, and a shared
      // prefix there joins unrelated words ("nurse", "nursery").
      // "sairaanhoitaja" and "sairaala" share "sairaa", but "nhoitaja" is no ending.
      const inflection = shared >= prefixMinShare * shorter && longer - shared <= prefixMaxRest;
      if (this.compounding[this.sortedIds[i]!] && inflection) {
        put(this.sortedIds[i]!, prefixBase + (prefixSpan * shared) / longer);
      }
    }
  }

  private matchTypo(queryToken: string, put: (id: number, similarity: number) => void): void {
    const grams = trigrams(queryToken);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const id of this.byTrigram.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const maxEdits = queryToken.length >= TOKEN_MATCH.twoEditsMinLength ? 2 : 1;
    // Each edit spoils at most three trigrams.
    const needed = Math.max(1, grams.length - 3 * maxEdits);
    for (const [id, count] of shared) {
      if (count < needed) continue;
      const token = this.tokens[id]!;
      if (Math.abs(token.length - queryToken.length) > maxEdits) continue;
      const edits = DamerauLevenshteinDistance(queryToken, token, { restricted: true });
      if (edits > 0 && edits <= maxEdits) put(id, TOKEN_MATCH.typo - 0.1 * (edits - 1));
    }
  }

  /** Known parts of a label compound: both halves if both are tokens, else a long known half. */
  private compoundParts(token: string): number[] {
    if (token.length < 7) return [];
    let best: number[] = [];
    let bestLength = 0;
    for (let i = 3; i <= token.length - 3; i++) {
      const head = this.ids.get(token.slice(0, i));
      const tail = this.ids.get(token.slice(i));
      if (head !== undefined && tail !== undefined) return [head, tail];
      if (head !== undefined && i >= 5 && i > bestLength) [best, bestLength] = [[head], i];
      if (tail !== undefined && token.length - i >= 5 && token.length - i > bestLength) {
        [best, bestLength] = [[tail], token.length - i];
      }
    }
    return best;
  }
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** Doubled letters single and d as t: "käyttää" and "käytät" both start "käytä". */
function verbSkeleton(token: string): string {
  return token.replace(/d/g, 't').replace(/(.)\1+/g, '$1');
}

/** Whether one token is the other with an ending of at most two letters changed. */
function sameWordWithEnding(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  return shorter - commonPrefixLength(a, b) <= 2;
}

function trigrams(token: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 3 <= token.length; i++) grams.push(token.slice(i, i + 3));
  return [...new Set(grams)];
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
