import { allStems } from './stemming';
import { labelTokens, queryTokens } from './text';
import { LabelHit, LabelIndex, LabelInput } from './label-index';
import { TitleItem, titleItems } from './title-query';

/**
 * How a job title's parts are weighed against each other; tuned on the tuning half of the
 * development set's titles (npm run eval:titles -- --split tune).
 */
export const TITLE_SEARCH = {
  /** Candidates taken from each job of a title before merging. */
  perItem: 30,
  /**
   * Weight of a job in the title's k-th chunk: chunkDecay^k. Ads put the job first and the
   * employer, place and terms after it, so a later chunk only fills in behind the first.
   */
  chunkDecay: 0.8,
  /** Weight of the k-th job of the title: itemDecay^k (breaks ties in the ad's order). */
  itemDecay: 0.99,
  /**
   * Share of a concept's score from the whole title searched at once (its qualifiers, such as
   * "(tower crane)" or ", industrial maintenance", specify the job); the rest from its best job.
   */
  wholeTitle: 0.55,
  /**
   * Factor on a label that lacks the job's head noun ("nurse" of "registered nurse"): a rarer
   * modifier alone ("registered sales assistant") must not outrank the job itself.
   */
  headMissing: 0.7,
  /**
   * ISCO-group agreement: a candidate gains this share of the score the other candidates of
   * its ISCO unit group hold among the first `iscoPool` (relative to the pool's total).
   */
  iscoAgreement: 0.6,
  iscoPool: 10,
  /**
   * Factor on a job of the title with no head noun at all ("University Hospital", "shopping
   * centre"): most likely the employer or the place, not the job.
   */
  noHeadNoun: 0.6,
  /** A word of the taxonomy's other text seen this often is a word of the language. */
  minWordCount: 3,
  /** A word is a head noun if at least this share of the labels holding it end with it. */
  minHeadness: 0.3,
} as const;

/** What the occupation search is built from (the service reads it from the database). */
export interface OccupationSearchInput {
  labels: LabelInput[];
  /** Place names (municipalities in every language); their inflected forms count too. */
  places?: string[];
  /**
   * Other text of the taxonomy (skill labels): its words are words of the language, which no
   * typo match may turn into a rarer occupation word.
   */
  corpus?: string[];
  /** Each occupation's ISCO-08 unit group. */
  iscoGroups?: ReadonlyMap<string, string>;
}

/**
 * Occupation search for job titles as ads write them: the title is taken apart into the jobs it
 * names (lists, chunks; gender markers, numbers, employers and places dropped), each job is
 * searched in the label index, and the answers are merged in the ad's order.
 */
export class OccupationSearch {
  private constructor(
    private readonly index: LabelIndex,
    private readonly knownStems: ReadonlySet<string>,
    private readonly places: ReadonlySet<string>,
    private readonly headness: ReadonlyMap<string, number>,
    private readonly iscoGroups: ReadonlyMap<string, string>,
    private readonly acronyms: ReadonlyMap<string, string>,
    private readonly languageWords: ReadonlySet<string>,
    private readonly labelPrefixes: ReadonlySet<string>,
  ) {}

  static build(input: OccupationSearchInput): OccupationSearch {
    const index = LabelIndex.build(input.labels);
    const knownStems = new Set<string>();
    const holding = new Map<string, number>();
    const ending = new Map<string, number>();
    for (const label of input.labels) {
      const tokens = labelTokens(label.label);
      for (const token of new Set(tokens)) {
        if (!holding.has(token)) {
          knownStems.add(token);
          for (const s of allStems(token)) knownStems.add(s);
        }
        holding.set(token, (holding.get(token) ?? 0) + 1);
      }
      const last = tokens[tokens.length - 1];
      if (last) ending.set(last, (ending.get(last) ?? 0) + 1);
    }
    // Learned from the labels: how often a word ends the labels it stands in (job head nouns
    // such as "nurse", "hoitaja" end most of theirs; modifiers such as "registered" few).
    const headness = new Map<string, number>();
    for (const [token, count] of holding) headness.set(token, (ending.get(token) ?? 0) / count);
    const places = new Set((input.places ?? []).map((p) => p.normalize('NFC').toLowerCase()));
    return new OccupationSearch(
      index,
      knownStems,
      places,
      headness,
      input.iscoGroups ?? new Map(),
      learnAcronyms(input.labels),
      frequentWords(input.corpus ?? [], knownStems),
      prefixesOf(knownStems),
    );
  }

  get size(): number {
    return this.index.size;
  }

  search(text: string, language: string, first: number): LabelHit[] {
    const items = titleItems(text, (word) => this.isPlace(word));
    if (items.length === 0) return this.index.search(text, language, first);
    const merged = new Map<string, LabelHit>();
    const whole = new Map<string, LabelHit>();
    const wholeText = items
      .map((item) => this.withoutUnknownNames(item.text))
      .filter(Boolean)
      .join(' ');
    const firstHead = this.headOf(this.withoutUnknownNames(items[0]!.text));
    for (const hit of this.index.search(wholeText, language, TITLE_SEARCH.perItem)) {
      whole.set(hit.conceptUri, { ...hit, score: hit.score * this.headFactor(hit, firstHead) });
    }
    for (const item of items) {
      const weight = itemWeight(item);
      const query = this.withoutUnknownNames(item.text);
      if (!query) continue;
      // The job as written and, when it has a learned acronym, spelt out: the better answer counts.
      const spelt = this.expandAcronyms(query);
      for (const variant of spelt === query ? [query] : [query, spelt]) {
        const head = this.headOf(variant);
        const jobFactor = this.namesAJob(variant) ? 1 : TITLE_SEARCH.noHeadNoun;
        for (const hit of this.index.search(variant, language, TITLE_SEARCH.perItem)) {
          const score = hit.score * weight * jobFactor * this.headFactor(hit, head);
          const current = merged.get(hit.conceptUri);
          if (!current || score > current.score) merged.set(hit.conceptUri, { ...hit, score });
        }
      }
    }
    for (const [uri, hit] of whole) if (!merged.has(uri)) merged.set(uri, { ...hit, score: 0 });
    const a = TITLE_SEARCH.wholeTitle;
    for (const [uri, hit] of merged) {
      hit.score = (1 - a) * hit.score + a * (whole.get(uri)?.score ?? 0);
    }
    this.addIscoAgreement([...merged.values()]);
    return [...merged.values()]
      .sort((a, b) => b.score - a.score || a.conceptUri.localeCompare(b.conceptUri))
      .slice(0, first)
      .map((hit) => ({ ...hit, score: Math.round(hit.score * 10000) / 10000 }));
  }

  /** Lifts candidates whose ISCO unit group the other strong candidates share. */
  private addIscoAgreement(hits: LabelHit[]): void {
    const pool = [...hits].sort((a, b) => b.score - a.score).slice(0, TITLE_SEARCH.iscoPool);
    const mass = new Map<string, number>();
    let total = 0;
    for (const hit of pool) {
      const group = this.iscoGroups.get(hit.conceptUri);
      total += hit.score;
      if (group) mass.set(group, (mass.get(group) ?? 0) + hit.score);
    }
    if (total === 0) return;
    const inPool = new Set(pool);
    for (const hit of hits) {
      const group = this.iscoGroups.get(hit.conceptUri);
      if (!group) continue;
      const others = (mass.get(group) ?? 0) - (inPool.has(hit) ? hit.score : 0);
      hit.score *= 1 + (TITLE_SEARCH.iscoAgreement * others) / total;
    }
  }

  /** "HR assistant" → "human resources assistant": acronyms written in capitals, as learned. */
  private expandAcronyms(text: string): string {
    return text
      .split(/\s+/)
      .map((word) =>
        /^\p{Lu}{2,5}$/u.test(word) ? (this.acronyms.get(word.toLowerCase()) ?? word) : word,
      )
      .join(' ');
  }

  /** A municipality's name or one of its inflected forms ("Kuopion", "Siilinjärvellä"). */
  private isPlace(word: string): boolean {
    const lower = word.toLowerCase();
    if (this.places.has(lower)) return true;
    for (const place of this.places) {
      if (place.length < 5 || lower.length < place.length - 1) continue;
      if (lower.startsWith(place.slice(0, -1)) && lower.length - place.length <= 5) return true;
    }
    return false;
  }

  /**
   * Drops capitalised words after an item's first that no label knows (not even by stem): the
   * names of employers, malls and places ("Matkus", "Puijonsarvi"), which fuzzy matching would
   * otherwise turn into some rare label word.
   */
  private withoutUnknownNames(text: string): string {
    const words = text.split(/\s+/);
    return words
      .filter((word, i) => i === 0 || !/^\p{Lu}/u.test(word) || this.isKnown(word))
      .filter((word) => !this.languageWords.has(word.toLowerCase()) || this.mayInflect(word))
      .join(' ');
  }

  private headFactor(hit: LabelHit, head: string | undefined): number {
    if (!head) return 1;
    return labelTokens(hit.label).some((t) => sameWord(t, head)) ? 1 : TITLE_SEARCH.headMissing;
  }

  /** Whether a word of the text is a head noun, or a compound ending with one ("toimistosiivooja"). */
  private namesAJob(text: string): boolean {
    return queryTokens(text).some((token) => {
      if ((this.headness.get(token) ?? 0) >= TITLE_SEARCH.minHeadness) return true;
      for (let i = 1; i <= token.length - 4; i++) {
        if ((this.headness.get(token.slice(i)) ?? 0) >= TITLE_SEARCH.minHeadness) return true;
      }
      return stemsOf(token).some((s) => (this.headness.get(s) ?? 0) >= TITLE_SEARCH.minHeadness);
    });
  }

  /** The job's head noun: its last word that ends many labels (else its last word). */
  private headOf(text: string): string | undefined {
    const tokens = queryTokens(text);
    // A one-word job is its own head, and every label found for it holds some form of it.
    if (tokens.length < 2) return undefined;
    for (let i = tokens.length - 1; i >= 0; i--) {
      if ((this.headness.get(tokens[i]!) ?? 0) >= TITLE_SEARCH.minHeadness) return tokens[i];
    }
    return tokens[tokens.length - 1];
  }

  /** Whether a label word starts the same way, so a shared-prefix (inflection) match may hold. */
  private mayInflect(word: string): boolean {
    const lower = word.toLowerCase();
    const n = Math.max(5, Math.ceil(0.7 * lower.length));
    return lower.length >= 5 && this.labelPrefixes.has(lower.slice(0, n));
  }

  private isKnown(word: string): boolean {
    const lower = word.normalize('NFC').toLowerCase();
    return this.knownStems.has(lower) || allStems(lower).some((s) => this.knownStems.has(s));
  }
}

function itemWeight(item: TitleItem): number {
  return TITLE_SEARCH.chunkDecay ** item.chunk * TITLE_SEARCH.itemDecay ** item.item;
}

/**
 * Whether a label word stands for the query's head noun: the same word or stem, an inflected
 * form (a long shared beginning, a short rest), or a compound ending with the other word
 * ("sairaanhoitaja" / "hoitaja").
 */
function sameWord(labelWord: string, head: string): boolean {
  if (labelWord === head) return true;
  if (labelWord.length >= 4 && head.length >= 4) {
    if (labelWord.endsWith(head) || head.endsWith(labelWord)) return true;
  }
  const shared = commonPrefixLength(labelWord, head);
  const shorter = Math.min(labelWord.length, head.length);
  const longer = Math.max(labelWord.length, head.length);
  if (shared >= 4 && shared >= 0.75 * shorter && longer - shared <= 5) return true;
  const stems = stemsOf(head);
  return stemsOf(labelWord).some((s) => stems.includes(s));
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

const stemCache = new Map<string, string[]>();

/** allStems, remembered: label words recur in every search. */
function stemsOf(word: string): string[] {
  let stems = stemCache.get(word);
  if (!stems) {
    if (stemCache.size > 100_000) stemCache.clear();
    stems = allStems(word);
    stemCache.set(word, stems);
  }
  return stems;
}

/**
 * Acronyms learned from the labels: where one label of a concept writes "TA" or "HR" and another
 * of the same concept and language has words with those initials ("teaching assistant"), the
 * acronym stands for those words; the commonest reading wins.
 */
function learnAcronyms(labels: LabelInput[]): Map<string, string> {
  const byConcept = new Map<string, LabelInput[]>();
  for (const label of labels) {
    const key = `${label.conceptUri} ${label.language}`;
    const list = byConcept.get(key);
    if (list) list.push(label);
    else byConcept.set(key, [label]);
  }
  const counts = new Map<string, Map<string, number>>();
  for (const group of byConcept.values()) {
    for (const label of group) {
      for (const word of label.label.match(/\p{Lu}{2,5}/gu) ?? []) {
        if (!new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(label.label)) continue;
        const acronym = word.toLowerCase();
        for (const other of group) {
          const tokens = labelTokens(other.label);
          for (let i = 0; i + acronym.length <= tokens.length; i++) {
            const words = tokens.slice(i, i + acronym.length);
            if (words.map((w) => w[0]).join('') !== acronym) continue;
            const readings = counts.get(acronym) ?? new Map<string, number>();
            const reading = words.join(' ');
            readings.set(reading, (readings.get(reading) ?? 0) + 1);
            counts.set(acronym, readings);
          }
        }
      }
    }
  }
  const acronyms = new Map<string, string>();
  for (const [acronym, readings] of counts) {
    const [best] = [...readings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    acronyms.set(acronym, best![0]); // every acronym counted has a reading
  }
  return acronyms;
}

/** Words of the taxonomy's other text seen at least minWordCount times that no label has. */
function frequentWords(corpus: string[], knownStems: ReadonlySet<string>): Set<string> {
  const counts = new Map<string, number>();
  for (const text of corpus) {
    for (const token of labelTokens(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const words = new Set<string>();
  for (const [token, count] of counts) {
    if (count >= TITLE_SEARCH.minWordCount && !knownStems.has(token)) words.add(token);
  }
  return words;
}

/** Every beginning of five letters or more of the label words. */
function prefixesOf(words: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const word of words) {
    for (let n = 5; n <= word.length; n++) prefixes.add(word.slice(0, n));
  }
  return prefixes;
}
