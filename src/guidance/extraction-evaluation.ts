/**
 * The extraction part of npm run eval: precision, recall and R-Precision@5 of extractSkills on
 * the project's labelled job-ad sentences (fixtures/extraction/sentences.tsv), whose expected
 * skills are named by the sample taxonomy's English preferred labels.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { ExtractedSkill } from './skill-extraction';

export interface LabelledSentence {
  language: string;
  text: string;
  expected: string[];
}

export interface ExtractionScores {
  sentences: number;
  precision: number;
  recall: number;
  /** Mean over sentences with expected skills of precision at R = min(expected, 5). */
  rPrecisionAt5: number;
  falsePositives: { text: string; skill: string }[];
  misses: { text: string; skill: string }[];
}

export const LABELLED_SENTENCES = path.join(PROJECT_ROOT, 'fixtures/extraction/sentences.tsv');

/** The sentences, with expected labels turned into URIs by `uriOfLabel` (throws on an unknown label). */
export function readLabelledSentences(
  uriOfLabel: (label: string) => string | undefined,
  file = LABELLED_SENTENCES,
): LabelledSentence[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('language\t'))
    .map((line) => {
      const [language = '', text, expected = ''] = line.split('\t');
      if (text === undefined) throw new Error(`A labelled sentence without its text: ${line}`);
      return {
        language,
        text,
        expected: expected
          .split(';')
          .map((label) => label.trim())
          .filter(Boolean)
          .map((label) => {
            const uri = uriOfLabel(label);
            if (!uri) throw new Error(`Unknown skill label in the labelled sentences: ${label}`);
            return uri;
          }),
      };
    });
}

export function scoreExtraction(
  sentences: LabelledSentence[],
  extract: (text: string, language: string) => ExtractedSkill[],
  labelOf: (uri: string) => string = (uri) => uri,
): ExtractionScores {
  let found = 0;
  let correct = 0;
  let expectedTotal = 0;
  let rPrecisionSum = 0;
  let withExpected = 0;
  const falsePositives: ExtractionScores['falsePositives'] = [];
  const misses: ExtractionScores['misses'] = [];
  for (const sentence of sentences) {
    const extracted = extract(sentence.text, sentence.language).sort(
      (a, b) => b.confidence - a.confidence || (a.skillUri < b.skillUri ? -1 : 1),
    );
    const expected = new Set(sentence.expected);
    const got = new Set(extracted.map((e) => e.skillUri));
    found += got.size;
    expectedTotal += expected.size;
    for (const uri of got) {
      if (expected.has(uri)) correct++;
      else falsePositives.push({ text: sentence.text, skill: labelOf(uri) });
    }
    for (const uri of expected)
      if (!got.has(uri)) misses.push({ text: sentence.text, skill: labelOf(uri) });
    if (expected.size) {
      const r = Math.min(expected.size, 5);
      const top = extracted.slice(0, r).filter((e) => expected.has(e.skillUri)).length;
      rPrecisionSum += top / r;
      withExpected++;
    }
  }
  return {
    sentences: sentences.length,
    precision: found ? correct / found : 1,
    recall: expectedTotal ? correct / expectedTotal : 1,
    rPrecisionAt5: withExpected ? rPrecisionSum / withExpected : 1,
    falsePositives,
    misses,
  };
}
