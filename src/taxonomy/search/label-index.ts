import { labelTokens, queryTokens } from './text';
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

  static build(labels: LabelInput[]): LabelIndex {
    const index = new LabelIndex(labels.length);
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
      const conceptId = this.labelConcept[labelId];
      const current = best.get(conceptId);
      if (
        !current ||
        score > current.score ||
        (score === current.score && labelId < current.labelId)
      ) {
        best.set(conceptId, {
          conceptUri: this.conceptUris[conceptId],
          score,
          label: this.labelText[labelId],
          language: this.labelLanguage[labelId],
          labelType: LABEL_TYPES[this.labelTypeIndex[labelId]],
          labelId,
        });
      }
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.conceptUri.localeCompare(b.conceptUri))
      .slice(0, first)
      .map(({ labelId: _labelId, ...hit }) => ({ ...hit, score: round(hit.score) }));
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
        (similarity === bestSimilarity && this.idf[tokenId] > weight)
      ) {
        bestSimilarity = similarity;
        weight = this.idf[tokenId];
      }
    }
    return { matches, weight };
  }

  private candidateLabels(units: QueryUnit[]): Set<number> {
    const labels = new Set<number>();
    for (const unit of units) {
      for (const tokenId of unit.matches.keys()) {
        for (const labelId of this.postings[tokenId]) labels.add(labelId);
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
    const start = this.tokenStart[labelId];
    const length = this.tokenStart[labelId + 1] - start;
    if (this.explained.length < length) this.explained = new Float64Array(length * 2);
    const explained = this.explained.fill(0, 0, length);
    let queryWeight = 0;
    let queryMatched = 0;
    for (const unit of units) {
      let bestToken = -1;
      let bestSimilarity = 0;
      for (let k = 0; k < length; k++) {
        const similarity = unit.matches.get(this.tokenIds[start + k]) ?? 0;
        if (similarity > bestSimilarity) [bestToken, bestSimilarity] = [k, similarity];
      }
      queryWeight += unit.weight;
      queryMatched += unit.weight * bestSimilarity;
      if (bestToken >= 0) explained[bestToken] = Math.max(explained[bestToken], bestSimilarity);
    }
    let labelWeight = 0;
    let labelMatched = 0;
    for (let k = 0; k < length; k++) {
      const idf = this.idf[this.tokenIds[start + k]];
      labelWeight += idf;
      labelMatched += idf * explained[k];
    }
    if (labelWeight === 0 || queryWeight === 0) return 0;
    const typeWeight = LABEL_WEIGHTS.labelType[LABEL_TYPES[this.labelTypeIndex[labelId]]];
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
