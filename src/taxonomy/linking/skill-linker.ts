/**
 * Ranked skill linking (issue 14): for a sentence or a longer text, the ESCO skills it speaks
 * of, each with a calibrated confidence. Two kinds of evidence per concept:
 *  - the label index's match of a whole label in the text (stems, compounds, Finnish
 *    inflection, safe typos): strong and precise;
 *  - BM25F over everything ESCO says about the concept (field-index.ts), with the field
 *    weights learned at import from ESCO's own pairs (linking-model.ts): finds paraphrases.
 * Then the concept type: a sentence that describes doing prefers a skill/competence to a bare
 * knowledge concept. The precise extraction is a threshold on the same confidence.
 * Pure: built from rows, no database.
 */
import { LabelIndex, TextHit } from '../search/label-index';
import { textTokens } from '../search/text';
import { FieldIndex, FieldText, FieldWeights } from './field-index';

export interface LinkerConcept {
  uri: string;
  /** `skill/competence`, `knowledge` or null. */
  skillType: string | null;
  reuseLevel: string | null;
}

export interface LinkedSkill {
  skillUri: string;
  /** Calibrated: about the share of skills with this confidence that a counsellor would keep. */
  confidence: number;
  /** The combined score the confidence is calibrated from (comparable within one language). */
  score: number;
  /** The label that matched, when one did (else null: found through its description etc.). */
  matchedLabel: string | null;
  /** Characters of the text that support it. */
  spans: { start: number; end: number }[];
}

/** How the two kinds of evidence and the concept type combine; tuned on the tuning half. */
export const LINK_PARAMS = {
  /** What a whole label of several words found in the text adds (its coverage times this). */
  labelMatch: 0.4,
  /** The same for a one-word label (one word is weaker evidence than several). */
  labelMatchOneWord: 0.2,
  /** A loosely matched or short one-word label counts this share of a firm one. */
  weakLabel: 0.5,
  /** A knowledge concept's score is multiplied by this when the text does not ask for knowledge. */
  knowledgeWhenDoing: 0.85,
  /** Reuse level factors: transversal skills are broad and match many sentences loosely. */
  reuse: {
    transversal: 1,
    'cross-sector': 1,
    'sector-specific': 0.9,
    'occupation-specific': 0.7,
  } as Record<string, number>,
  /**
   * Calibration per language (logistic on the combined score), fitted on the tuning half's
   * top five: P(a counsellor records the skill). Swedish has no tuning set yet: Finnish's.
   */
  calibration: {
    en: { scale: 4.04, bias: -2.89 },
    fi: { scale: 2.31, bias: -2.98 },
    sv: { scale: 2.31, bias: -2.98 },
  } as Record<string, { scale: number; bias: number }> & { en: { scale: number; bias: number } },
  /** Only this many candidates of BM25F are combined per span. */
  candidates: 200,
} as const;

/** Words that say the text asks for knowledge rather than doing. */
const KNOWLEDGE_CUES =
  /\b(knowledge|familiar|familiarity|understanding|know|knows|kunskap|kunskaper|kännedom|tuntemus|tuntemusta|tunnet|tietämys|tietoa|tiedot)\b/iu;

export class SkillLinker {
  private readonly fieldIndexes = new Map<string, FieldIndex>();
  private readonly conceptIds: Map<string, number>;
  /** Scratch for one span's BM25F candidates. */
  private readonly candidateIds: Int32Array;
  private readonly candidateScores: Float64Array;
  private readonly selectScratch: Float64Array;

  constructor(
    private readonly concepts: LinkerConcept[],
    textsByLanguage: Map<string, FieldText[]>,
    private readonly labels: LabelIndex,
    private readonly weightsByLanguage: Map<string, FieldWeights>,
  ) {
    const uris = concepts.map((c) => c.uri);
    this.conceptIds = new Map(uris.map((uri, i) => [uri, i]));
    this.candidateIds = new Int32Array(uris.length);
    this.candidateScores = new Float64Array(uris.length);
    this.selectScratch = new Float64Array(uris.length);
    for (const [language, texts] of textsByLanguage)
      this.fieldIndexes.set(language, new FieldIndex(uris, texts, language));
  }

  get languages(): string[] {
    return [...this.fieldIndexes.keys()];
  }

  /** The skills of one span of text (a sentence, a title, a short paragraph), best first. */
  link(text: string, language: string, first: number): LinkedSkill[] {
    return this.linkSpan(text, language, first, 0, this.labels.findInText(text, language));
  }

  /**
   * One span of a longer text: `labelHits` are the label index's hits of the whole text that
   * stand in this span (their spans in the whole text), found once for the whole text.
   */
  private linkSpan(
    text: string,
    language: string,
    first: number,
    offset: number,
    labelHitsInSpan: TextHit[],
  ): LinkedSkill[] {
    const index = this.fieldIndexes.get(language) ?? this.fieldIndexes.get('en');
    const weights = this.weightsByLanguage.get(index?.language ?? '') ?? undefined;
    const scores = new Map<number, number>();
    if (index && weights) {
      const terms = index.queryTerms(text);
      const total = terms.reduce((sum, t) => sum + t.idf, 0);
      if (total > 0) {
        // Only the best candidates go on: their threshold from a numeric sort of the scores.
        let count = 0;
        index.score(terms, weights, (c, s) => {
          this.candidateIds[count] = c;
          this.candidateScores[count++] = s;
        });
        let threshold = 0;
        if (count > LINK_PARAMS.candidates) {
          this.selectScratch.set(this.candidateScores.subarray(0, count));
          threshold = kthLargest(this.selectScratch, count, LINK_PARAMS.candidates);
        }
        for (let k = 0; k < count; k++)
          if (this.candidateScores[k]! >= threshold)
            scores.set(this.candidateIds[k]!, this.candidateScores[k]! / total);
      }
    }
    const labelHits = new Map<number, TextHit>();
    for (const hit of labelHitsInSpan) {
      const c = this.conceptIds.get(hit.conceptUri);
      if (c !== undefined && !labelHits.has(c)) labelHits.set(c, hit);
    }
    const doing = !KNOWLEDGE_CUES.test(text);
    const results: { concept: number; score: number; hit?: TextHit }[] = [];
    for (const c of new Set([...scores.keys(), ...labelHits.keys()])) {
      const hit = labelHits.get(c);
      let score = scores.get(c) ?? 0;
      if (hit) {
        const weight = hit.labelLength > 1 ? LINK_PARAMS.labelMatch : LINK_PARAMS.labelMatchOneWord;
        score += weight * hit.score * (isWeak(hit, text) ? LINK_PARAMS.weakLabel : 1);
      }
      const concept = this.concepts[c]!;
      if (doing && concept.skillType === 'knowledge') score *= LINK_PARAMS.knowledgeWhenDoing;
      score *= LINK_PARAMS.reuse[concept.reuseLevel ?? ''] ?? 1;
      results.push({ concept: c, score, hit });
    }
    results.sort(
      (a, b) =>
        b.score - a.score ||
        (this.concepts[a.concept]!.uri < this.concepts[b.concept]!.uri ? -1 : 1),
    );
    return results.slice(0, first).map(({ concept, score, hit }) => ({
      skillUri: this.concepts[concept]!.uri,
      confidence: calibrate(score, language),
      score,
      matchedLabel: hit?.label ?? null,
      spans: (hit?.spans ?? []).map((s) => ({ start: s.start + offset, end: s.end + offset })),
    }));
  }

  /**
   * Each sentence of a text with its top `first` skills (spans in the whole text); with
   * `bySentence` false, the whole text as one span (a short item: a line of a CV, a bullet).
   */
  linkSentences(
    text: string,
    language: string,
    first: number,
    /** The label index's findInText of this text, when the caller has it already. */
    labelHits?: TextHit[],
    bySentence = true,
  ): { start: number; end: number; skills: LinkedSkill[] }[] {
    const hits = labelHits ?? this.labels.findInText(text, language);
    const spans = sentenceSpans(text);
    if (!bySentence && spans.length > 1)
      spans.splice(0, spans.length, { start: spans[0]!.start, end: spans[spans.length - 1]!.end });
    return spans.map(({ start, end }) => ({
      start,
      end,
      skills: this.linkSpan(
        text.slice(start, end),
        language,
        first,
        start,
        hits
          .filter((h) => h.spans.length && h.spans[0]!.start >= start && h.spans[0]!.start < end)
          .map((h) => ({
            ...h,
            spans: h.spans.map((x) => ({ start: x.start - start, end: x.end - start })),
          })),
      ),
    }));
  }

  /**
   * A longer text sentence by sentence: each sentence's top `perSentence` skills; a skill found
   * in several keeps its best confidence and all its spans. Best first.
   */
  linkText(text: string, language: string, perSentence: number): LinkedSkill[] {
    const found = new Map<string, LinkedSkill>();
    for (const { skills } of this.linkSentences(text, language, perSentence)) {
      for (const skill of skills) {
        const known = found.get(skill.skillUri);
        if (!known) found.set(skill.skillUri, skill);
        else {
          known.spans.push(...skill.spans);
          if (skill.confidence > known.confidence) {
            known.confidence = skill.confidence;
            known.matchedLabel = skill.matchedLabel ?? known.matchedLabel;
          }
        }
      }
    }
    return [...found.values()].sort(
      (a, b) => b.confidence - a.confidence || (a.skillUri < b.skillUri ? -1 : 1),
    );
  }
}

function calibrate(score: number, language: string): number {
  const { scale, bias } = LINK_PARAMS.calibration[language] ?? LINK_PARAMS.calibration.en;
  return Math.round((1 / (1 + Math.exp(-(scale * score + bias)))) * 1000) / 1000;
}

/** The k-th largest of values[0 .. n) (quickselect; reorders values). */
function kthLargest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = n - k; // the k-th largest is the (n − k)-th smallest
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/** Sentences of a text by the tokenizer's sentence breaks, as character spans. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let sentence = -1;
  for (const token of textTokens(text)) {
    if (token.sentence === sentence) spans[spans.length - 1]!.end = token.end;
    else spans.push({ start: token.start, end: token.end });
    sentence = token.sentence;
  }
  return spans;
}

/** A one-word label that is short, loosely matched or matched through part of a compound. */
function isWeak(hit: TextHit, text: string): boolean {
  if (hit.labelLength > 1) return false;
  if (hit.weakestSimilarity < 0.95 || hit.throughCompoundPart) return true;
  const written = hit.spans.map((s) => text.slice(s.start, s.end));
  const acronym = written.every((w) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
  return !acronym && hit.label.length <= 5;
}
