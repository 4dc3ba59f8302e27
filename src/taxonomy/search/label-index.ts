import { labelTokens, queryTokens, textTokens } from './text';
import { TokenMatches, Vocabulary } from './vocabulary';

export type LabelType = 'preferred' | 'alternative' | 'hidden';

export interface LabelInput {
  conceptUri: string;
  label: string;
  language: string;
  labelType: LabelType;
}

export interface LabelHit {
  conceptUri: string;
  /** Relevance in [0, 1]. */
  score: number;
  /** The label that matched best, in its language. */
  label: string;
  language: string;
  labelType: LabelType;
}

/** A concept whose label stands in a free text, with the tokens that stand for it. */
export interface TextHit {
  conceptUri: string;
  /** Share of the label (IDF-weighted) the sentence explains × label kind and language weights. */
  score: number;
  label: string;
  language: string;
  /** How many tokens the label has (one-word labels are the ambiguous ones). */
  labelLength: number;
  /** The weakest similarity among the matched label tokens (1 exact, 0.95 stem, less for prefix, typo, compound part). */
  weakestSimilarity: number;
  /** Whether a text token matched only through one of its compound parts ("sähkö" of "sähköposti"). */
  throughCompoundPart: boolean;
  /** Character spans in the text of the tokens that matched. */
  spans: { start: number; end: number }[];
}

/** A sentence token (or a part of a compound token) with its matches. */
interface TextUnit {
  position: number;
  matches: TokenMatches;
  part: boolean;
}

/** How free-text matching finds labels; tuned with npm run eval (extraction). */
export const TEXT_MATCH = {
  /** A text token must be at least this similar to a label token to count for it. */
  minSimilarity: 0.75,
  /** A label is a candidate only through a token at most this common: max(floor, share × labels). */
  triggerDocumentsFloor: 20,
  triggerDocumentsShare: 0.005,
  /** Share of the label (IDF-weighted) a sentence must explain. */
  minCoverage: 0.8,
  /** The matched tokens may spread over the label's length plus this many words. */
  extraWindow: 3,
} as const;

/** How much a label's kind and language count; tuned with npm run eval:search. */
export const LABEL_WEIGHTS = {
  labelType: { preferred: 1, alternative: 0.97, hidden: 0.9 } as Record<LabelType, number>,
  /** A label in another language than the query's still counts, a little less. */
  otherLanguage: 0.9,
  /** Results below this score are not returned. */
  minScore: 0.2,
} as const;

const LABEL_TYPES: LabelType[] = ['preferred', 'alternative', 'hidden'];

/** One unit of a query: a token (or a part of a split compound) and what it can match. */
interface QueryUnit {
  matches: TokenMatches;
  /** IDF of its best match: rare words decide more than common ones. */
  weight: number;
}

/**
 * An in-memory index over concept labels in several languages, for ranked search by relevance
 * and (later) for finding skills in free text. Pure: built from label rows, no database.
 */
export class LabelIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly conceptUris: string[] = [];
  private labelConcept: Int32Array;
  private labelTypeIndex: Uint8Array;
  private readonly labelLanguage: string[] = [];
  private readonly labelText: string[] = [];
  /** Tokens of label i are tokenIds[tokenStart[i] .. tokenStart[i + 1]). */
  private tokenStart: Int32Array;
  private tokenIds: Int32Array;
  private postings: Int32Array[] = [];
  private idf: Float64Array = new Float64Array(0);
  /** Scratch space for scoring, reused across labels: how well each label token is explained. */
  private explained = new Float64Array(16);

  private constructor(labelCount: number) {
    this.labelConcept = new Int32Array(labelCount);
    this.labelTypeIndex = new Uint8Array(labelCount);
    this.tokenStart = new Int32Array(labelCount + 1);
    this.tokenIds = new Int32Array(0);
  }

  get size(): number {
    return this.labelText.length;
  }

  /**
   * `knownWords`: words of the languages seen in the taxonomy's own prose (descriptions) but in
   * no label. Such a word is never read as a typo of a label word: "experience" is a word of
   * its own, not one edit from "experiment".
   */
  static build(labels: LabelInput[], knownWords: Iterable<string> = []): LabelIndex {
    const index = new LabelIndex(labels.length);
    index.vocabulary.setKnownWords(knownWords);
    const conceptIds = new Map<string, number>();
    const flat: number[] = [];
    const postingLists: number[][] = [];
    labels.forEach((input, labelId) => {
      let conceptId = conceptIds.get(input.conceptUri);
      if (conceptId === undefined) {
        conceptId = index.conceptUris.length;
        conceptIds.set(input.conceptUri, conceptId);
        index.conceptUris.push(input.conceptUri);
      }
      index.labelConcept[labelId] = conceptId;
      index.labelTypeIndex[labelId] = LABEL_TYPES.indexOf(input.labelType);
      index.labelLanguage.push(input.language);
      index.labelText.push(input.label);
      index.tokenStart[labelId] = flat.length;
      for (const token of new Set(labelTokens(input.label))) {
        const tokenId = index.vocabulary.add(token, input.language);
        flat.push(tokenId);
        (postingLists[tokenId] ??= []).push(labelId);
      }
    });
    index.tokenStart[labels.length] = flat.length;
    index.tokenIds = Int32Array.from(flat);
    index.postings = postingLists.map((list) => Int32Array.from(list));
    index.idf = Float64Array.from(postingLists, (list) =>
      Math.log(1 + labels.length / list.length),
    );
    index.vocabulary.freeze();
    return index;
  }

  /** Concepts ranked by how well one of their labels matches the text. */
  search(text: string, language: string, first: number): LabelHit[] {
    const units = this.queryUnits(text);
    if (units.length === 0) return [];
    const best = new Map<number, LabelHit & { labelId: number }>();
    for (const labelId of this.candidateLabels(units)) {
      const score = this.scoreLabel(labelId, units, language);
      if (score < LABEL_WEIGHTS.minScore) continue;
      const conceptId = this.labelConcept[labelId]!;
      const current = best.get(conceptId);
      if (
        !current ||
        score > current.score ||
        (score === current.score && labelId < current.labelId)
      ) {
        best.set(conceptId, {
          conceptUri: this.conceptUris[conceptId]!,
          score,
          label: this.labelText[labelId]!,
          language: this.labelLanguage[labelId]!,
          labelType: this.labelTypeOf(labelId),
          labelId,
        });
      }
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.conceptUri.localeCompare(b.conceptUri))
      .slice(0, first)
      .map(({ labelId: _labelId, ...hit }) => ({ ...hit, score: round(hit.score) }));
  }

  /**
   * Concepts whose labels stand in a free text, sentence by sentence: each label token is
   * matched by the most similar token of the sentence (inflection, compounds and typos as in
   * search), the label must be explained for the most part (IDF-weighted), and the tokens must
   * stand close together. Candidates come only through tokens rare enough to be telling, so a
   * common word ("use", "käyttää") never brings in thousands of labels.
   */
  findInText(text: string, language: string): TextHit[] {
    const tokens = textTokens(text);
    const matchCache = new Map<string, TokenMatches>();
    const matchesOf = (token: string) => {
      let matches = matchCache.get(token);
      if (!matches) {
        matches = this.vocabulary.matchInText(token);
        matchCache.set(token, matches);
      }
      return matches;
    };
    const maxTriggerDocuments = Math.max(
      TEXT_MATCH.triggerDocumentsFloor,
      TEXT_MATCH.triggerDocumentsShare * this.size,
    );
    const best = new Map<number, TextHit & { labelId: number }>();
    let from = 0;
    while (from < tokens.length) {
      let to = from;
      while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
      // The sentence's units: its tokens, and the parts of compounds no label has whole.
      const units: TextUnit[] = [];
      for (let i = from; i < to; i++) {
        const { token } = tokens[i]!;
        const matches = matchesOf(token);
        const strongest = Math.max(0, ...matches.values());
        const parts =
          strongest < 0.9 && token.length >= 8
            ? this.vocabulary.splitQueryCompound(token)
            : undefined;
        if (parts) {
          for (const part of parts)
            units.push({ position: i, matches: matchesOf(part), part: true });
        }
        if (matches.size) units.push({ position: i, matches, part: false });
      }
      const candidates = new Set<number>();
      for (const unit of units) {
        for (const [tokenId, similarity] of unit.matches) {
          if (similarity < TEXT_MATCH.minSimilarity) continue;
          const postings = this.postings[tokenId]!;
          if (postings.length > maxTriggerDocuments) continue;
          for (const labelId of postings) candidates.add(labelId);
        }
      }
      for (const labelId of candidates) {
        const hit = this.textHit(labelId, units, tokens, language);
        if (!hit) continue;
        const conceptId = this.labelConcept[labelId]!;
        const current = best.get(conceptId);
        if (!current || hit.score > current.score) best.set(conceptId, { ...hit, labelId });
        else if (hit.score === current.score) current.spans.push(...hit.spans);
      }
      from = to;
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || (a.conceptUri < b.conceptUri ? -1 : 1))
      .map(({ labelId: _labelId, ...hit }) => ({ ...hit, score: round(hit.score) }));
  }

  private textHit(
    labelId: number,
    units: TextUnit[],
    tokens: { start: number; end: number }[],
    language: string,
  ): TextHit | null {
    const start = this.tokenStart[labelId]!;
    const length = this.tokenStart[labelId + 1]! - start;
    let labelWeight = 0;
    let labelMatched = 0;
    let weakest = 1;
    let throughPart = false;
    let first = Infinity;
    let last = -Infinity;
    const positions: number[] = [];
    for (let k = 0; k < length; k++) {
      const tokenId = this.tokenIds[start + k]!;
      let similarity = 0;
      let position = -1;
      let part = false;
      for (const unit of units) {
        const s = unit.matches.get(tokenId) ?? 0;
        if (s > similarity) [similarity, position, part] = [s, unit.position, unit.part];
      }
      const idf = this.idf[tokenId]!;
      labelWeight += idf;
      if (similarity < TEXT_MATCH.minSimilarity) continue;
      labelMatched += idf * similarity;
      weakest = Math.min(weakest, similarity);
      throughPart ||= part;
      first = Math.min(first, position);
      last = Math.max(last, position);
      if (!positions.includes(position)) positions.push(position);
    }
    if (labelWeight === 0 || positions.length === 0) return null;
    const coverage = labelMatched / labelWeight;
    if (coverage < TEXT_MATCH.minCoverage) return null;
    if (last - first + 1 > length + TEXT_MATCH.extraWindow) return null;
    const typeWeight = LABEL_WEIGHTS.labelType[this.labelTypeOf(labelId)];
    const languageWeight =
      this.labelLanguage[labelId] === language ? 1 : LABEL_WEIGHTS.otherLanguage;
    return {
      conceptUri: this.conceptUris[this.labelConcept[labelId]!]!,
      score: coverage * typeWeight * languageWeight,
      label: this.labelText[labelId]!,
      language: this.labelLanguage[labelId]!,
      labelLength: length,
      weakestSimilarity: weakest,
      throughCompoundPart: throughPart,
      spans: positions
        .sort((a, b) => a - b)
        .map((p) => ({ start: tokens[p]!.start, end: tokens[p]!.end })),
    };
  }

  private labelTypeOf(labelId: number): LabelType {
    return LABEL_TYPES[this.labelTypeIndex[labelId]!]!;
  }

  /** Query tokens (compounds split) with their matches; words unknown to every label drop out. */
  private queryUnits(text: string): QueryUnit[] {
    const units: QueryUnit[] = [];
    for (const token of queryTokens(text)) {
      const matches = this.vocabulary.match(token);
      const strongest = Math.max(0, ...matches.values());
      const parts =
        strongest < 0.9 && token.length >= 8
          ? this.vocabulary.splitQueryCompound(token)
          : undefined;
      if (parts) {
        for (const part of parts) {
          const partMatches = this.vocabulary.match(part);
          if (partMatches.size) units.push(this.unit(partMatches));
        }
        continue;
      }
      if (matches.size) units.push(this.unit(matches));
    }
    return units;
  }

  private unit(matches: TokenMatches): QueryUnit {
    let bestSimilarity = -1;
    let weight = 0;
    for (const [tokenId, similarity] of matches) {
      if (
        similarity > bestSimilarity ||
        (similarity === bestSimilarity && this.idf[tokenId]! > weight)
      ) {
        bestSimilarity = similarity;
        weight = this.idf[tokenId]!;
      }
    }
    return { matches, weight };
  }

  private candidateLabels(units: QueryUnit[]): Set<number> {
    const labels = new Set<number>();
    for (const unit of units) {
      for (const tokenId of unit.matches.keys()) {
        for (const labelId of this.postings[tokenId]!) labels.add(labelId);
      }
    }
    return labels;
  }

  /**
   * Query coverage (how much of the query the label explains, IDF-weighted) times the square
   * root of label coverage (how much of the label the query explains), so that a label with
   * extra words ranks below an exact one without being lost. Each query unit explains at most
   * one label token, its best: "nurse" must not count as covering both words of "nursery nurse".
   */
  private scoreLabel(labelId: number, units: QueryUnit[], language: string): number {
    const start = this.tokenStart[labelId]!;
    const length = this.tokenStart[labelId + 1]! - start;
    if (this.explained.length < length) this.explained = new Float64Array(length * 2);
    const explained = this.explained.fill(0, 0, length);
    let queryWeight = 0;
    let queryMatched = 0;
    for (const unit of units) {
      let bestToken = -1;
      let bestSimilarity = 0;
      for (let k = 0; k < length; k++) {
        const similarity = unit.matches.get(this.tokenIds[start + k]!) ?? 0;
        if (similarity > bestSimilarity) [bestToken, bestSimilarity] = [k, similarity];
      }
      queryWeight += unit.weight;
      queryMatched += unit.weight * bestSimilarity;
      if (bestToken >= 0) explained[bestToken] = Math.max(explained[bestToken]!, bestSimilarity);
    }
    let labelWeight = 0;
    let labelMatched = 0;
    for (let k = 0; k < length; k++) {
      const idf = this.idf[this.tokenIds[start + k]!]!;
      labelWeight += idf;
      labelMatched += idf * explained[k]!;
    }
    if (labelWeight === 0 || queryWeight === 0) return 0;
    const typeWeight = LABEL_WEIGHTS.labelType[this.labelTypeOf(labelId)];
    const languageWeight =
      this.labelLanguage[labelId] === language ? 1 : LABEL_WEIGHTS.otherLanguage;
    return (
      (queryMatched / queryWeight) *
      Math.sqrt(labelMatched / labelWeight) *
      typeWeight *
      languageWeight
    );
  }
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}
