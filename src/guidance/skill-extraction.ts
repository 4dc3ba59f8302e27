/**
 * Skills in a free text (a job ad, a jobseeker's account of their work), in Finnish, Swedish and
 * English, from the taxonomy search's label index (one index, not two). Precision first: a wrong
 * skill in an employer's requirement profile costs trust, so a one-word label that is short,
 * matched only loosely (prefix, typo, part of a compound) or common never counts alone: it
 * needs a related skill found firmly in the same text.
 */
import { TextHit } from '../taxonomy/search/label-index';
import { message, quotedList, textLanguage } from '../kernel/messages/messages';

export interface ExtractedSkill {
  skillUri: string;
  /** The label that matched, in its language. */
  label: string;
  /** 0–1. */
  confidence: number;
  /** Where in the text it stands (characters), with the words. */
  evidence: { start: number; end: number; text: string }[];
  /** Why, in words a counsellor can read. */
  reason: string;
}

export const EXTRACTION = {
  /** Below this confidence a skill is not returned. */
  minConfidence: 0.7,
  /** A one-word label this short or shorter is ambiguous ("SQL" is not, being written in capitals). */
  ambiguousLength: 5,
  /** What a firmly found related skill adds to a weak hit's confidence. */
  contextBonus: 0.1,
} as const;

/** Finds skill labels in a text; the label index's findInText. */
export type FindInText = (text: string, language: string) => TextHit[];
/** Whether two skills are related in the skill graph (hierarchy, relations, shared occupations). */
export type Related = (a: string, b: string) => boolean;

export function extractSkills(
  text: string,
  language: string,
  find: FindInText,
  related: Related,
): ExtractedSkill[] {
  const hits = withoutSubsumed(find(text, language));
  // The reasons are written in the text's language, the language of the request.
  const readerLanguage = textLanguage(language);
  const firm = hits.filter((hit) => !isWeak(hit, text));
  const found: ExtractedSkill[] = [];
  for (const hit of hits) {
    const weak = !firm.includes(hit);
    // Context is a related skill found elsewhere in the text, not in the same words.
    const context = firm.filter(
      (f) => f !== hit && !overlaps(f, hit) && related(f.conceptUri, hit.conceptUri),
    );
    if (weak && !context.length) continue; // never alone
    let confidence = hit.score;
    if (context.length) confidence = Math.min(1, confidence + EXTRACTION.contextBonus);
    if (confidence < EXTRACTION.minConfidence) continue;
    const evidence = hit.spans.map((span) => ({ ...span, text: text.slice(span.start, span.end) }));
    const words = quotedList(
      readerLanguage,
      evidence.map((e) => e.text),
    );
    const label = hit.label;
    found.push({
      skillUri: hit.conceptUri,
      label: hit.label,
      confidence: Math.round(confidence * 100) / 100,
      evidence,
      reason: context.length
        ? message(readerLanguage, 'extract.textSaysNextTo', {
            words,
            label,
            related: context[0]!.label,
          })
        : message(readerLanguage, 'extract.textSays', { words, label }),
    });
  }
  return found;
}

/**
 * A hit whose words all belong to a longer label found as well is that longer label's part
 * ("ohjelmointi" in "Python-ohjelmointi"): the longer one stands for the text better.
 */
function withoutSubsumed(hits: TextHit[]): TextHit[] {
  return hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.labelLength > hit.labelLength &&
          other.score >= hit.score - 0.05 &&
          hit.spans.every((s) => other.spans.some((o) => o.start === s.start)),
      ),
  );
}

function overlaps(a: TextHit, b: TextHit): boolean {
  return a.spans.some((x) => b.spans.some((y) => x.start < y.end && y.start < x.end));
}

/** A one-word label that is short, loosely matched, or matched through part of a compound. */
function isWeak(hit: TextHit, text: string): boolean {
  if (hit.labelLength > 1) return false;
  if (hit.weakestSimilarity < 0.95 || hit.throughCompoundPart) return true;
  const written = hit.spans.map((s) => text.slice(s.start, s.end));
  const acronym = written.every((w) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
  return !acronym && hit.label.length <= EXTRACTION.ambiguousLength;
}
