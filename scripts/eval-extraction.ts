/**
 * The extraction evaluation (part of npm run eval): the labelled sentences against the sample
 * taxonomy in fi/sv/en and, with ESCO_DIR, the English ones against the full ESCO.
 */
import { readSkillLabels, readTaxonomyView } from '../src/taxonomy/import/taxonomy-view-reader';
import { SAMPLE_TAXONOMY_DIR } from '../src/taxonomy/sample/load-sample-taxonomy';
import { LabelIndex } from '../src/taxonomy/search/label-index';
import { skillGraphOf } from '../matching';
import { extractSkills } from '../src/guidance/skill-extraction';
import {
  ExtractionScores,
  readLabelledSentences,
  scoreExtraction,
} from '../src/guidance/extraction-evaluation';

function extractorFor(dir: string, languages: string[]) {
  const labels = readSkillLabels(dir, languages);
  const index = LabelIndex.build(labels);
  const graph = skillGraphOf(readTaxonomyView(dir));
  const labelOf = new Map(
    labels
      .filter((l) => l.labelType === 'preferred' && l.language === 'en')
      .map((l) => [l.conceptUri, l.label]),
  );
  return {
    extract: (text: string, language: string) =>
      extractSkills(
        text,
        language,
        (t, l) => index.findInText(t, l),
        (a, b) => !!graph.relation(a, b) || !!graph.relation(b, a),
      ),
    labelOf: (uri: string) => labelOf.get(uri) ?? uri,
  };
}

function print(label: string, scores: ExtractionScores, verbose: boolean): void {
  const f = (x: number) => x.toFixed(3);
  console.log(
    `  ${label.padEnd(34)} ${String(scores.sentences).padStart(4)} sentences  precision ${f(scores.precision)}  recall ${f(scores.recall)}  R-Precision@5 ${f(scores.rPrecisionAt5)}`,
  );
  if (!verbose) return;
  for (const fp of scores.falsePositives) console.log(`      wrong: ${fp.skill}  ← ${fp.text}`);
  for (const m of scores.misses) console.log(`      missed: ${m.skill}  ← ${m.text}`);
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const sample = extractorFor(SAMPLE_TAXONOMY_DIR, ['en', 'fi', 'sv']);
  const sampleLabels = readSkillLabels(SAMPLE_TAXONOMY_DIR, ['en']).filter(
    (l) => l.labelType === 'preferred',
  );
  const uriOf = new Map(sampleLabels.map((l) => [l.label, l.conceptUri]));
  const sentences = readLabelledSentences((label) => uriOf.get(label));
  console.log('Skill extraction from job-ad sentences (fixtures/extraction/sentences.tsv)');
  print(
    'sample taxonomy, all',
    scoreExtraction(sentences, sample.extract, sample.labelOf),
    verbose,
  );
  for (const language of ['fi', 'sv', 'en']) {
    const subset = sentences.filter((s) => s.language === language);
    print(
      `sample taxonomy, ${language}`,
      scoreExtraction(subset, sample.extract, sample.labelOf),
      false,
    );
  }
  const escoDir = process.env.ESCO_DIR;
  if (escoDir) {
    const full = extractorFor(escoDir, ['en']);
    const english = sentences.filter((s) => s.language === 'en');
    print(
      'full ESCO (English labels), en',
      scoreExtraction(english, full.extract, full.labelOf),
      verbose,
    );
  } else console.log('  (set ESCO_DIR to add the English sentences against the full ESCO)');
}

main();
