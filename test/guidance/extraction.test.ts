import { skillGraphOf } from '../../matching';
import { readLabelledSentences, scoreExtraction } from '../../src/guidance/extraction-evaluation';
import { extractSkills } from '../../src/guidance/skill-extraction';
import { readSkillLabels, readTaxonomyView } from '../../src/taxonomy/import/taxonomy-view-reader';
import { SAMPLE_TAXONOMY_DIR } from '../../src/taxonomy/sample/load-sample-taxonomy';
import { LabelIndex } from '../../src/taxonomy/search/label-index';

const labels = readSkillLabels(SAMPLE_TAXONOMY_DIR, ['en', 'fi', 'sv']);
const index = LabelIndex.build(labels);
const graph = skillGraphOf(readTaxonomyView(SAMPLE_TAXONOMY_DIR));
const uriOf = new Map(
  labels
    .filter((l) => l.labelType === 'preferred' && l.language === 'en')
    .map((l) => [l.label, l.conceptUri]),
);
const labelOf = new Map([...uriOf].map(([label, uri]) => [uri, label]));
const extract = (text: string, language: string) =>
  extractSkills(
    text,
    language,
    (t, l) => index.findInText(t, l),
    (a, b) => !!graph.relation(a, b) || !!graph.relation(b, a),
  );
const found = (text: string, language = 'fi') =>
  extract(text, language).map((s) => labelOf.get(s.skillUri));

describe('skills from free text', () => {
  it('finds inflected Finnish forms and compounds, with the words that support them', () => {
    const skills = extract(
      'Työhösi kuuluu hitsauslaitteiden käyttö ja teräsrakenteiden kaarihitsaus.',
      'fi',
    );
    expect(skills.map((s) => labelOf.get(s.skillUri)).sort()).toEqual([
      'arc welding',
      'use welding equipment',
    ]);
    const arc = skills.find((s) => labelOf.get(s.skillUri) === 'arc welding')!;
    expect(arc.evidence).toEqual([{ start: 60, end: 72, text: 'kaarihitsaus' }]);
    // The reason is in the text's language, with its quotation marks.
    expect(arc.reason).toBe(
      'Tekstissä lukee ”kaarihitsaus”, mikä vastaa osaamista ”kaarihitsaus”.',
    );
    expect(
      found('Tehtäviin kuuluu asiakaspalvelutehtävät myymälässä sekä hyllyjen täyttäminen.'),
    ).toContain('stock shelves');
    // Verb forms against infinitives: "ruokit" for "ruokkia", "laadit" for "laatia".
    expect(found('Kirjanpitäjänä laadit myyntilaskuja ja lasket veroja.')).toEqual(
      expect.arrayContaining(['issue sales invoices', 'calculate tax']),
    );
  });

  it('works in Swedish and English too', () => {
    expect(found('Du kör truck och lastar pallar i vårt lager.', 'sv').sort()).toEqual([
      'drive a forklift',
      'load pallets',
    ]);
    expect(found('You master Java programming and SQL.', 'en').sort()).toEqual([
      'Java programming',
      'SQL',
    ]);
  });

  it('does not let a short or loosely matched one-word label fire alone', () => {
    // "sähkö" (electricity) is part of "sähköposti" (email), not a skill the ad asks for.
    expect(found('Lähetä hakemuksesi sähköpostilla viimeistään perjantaina.')).toEqual([]);
    expect(found('Tarjoamme kilpailukykyisen palkan ja mukavan työyhteisön.')).toEqual([]);
  });

  it('prefers the longer label the words belong to: "Python-ohjelmointi" is not also plain programming', () => {
    expect(found('Python-ohjelmointi ja pilvipalvelut ovat sinulle tuttuja.').sort()).toEqual([
      'Python programming',
      'cloud technologies',
    ]);
  });

  it('reaches the quality thresholds on the 159 labelled sentences in fi, sv and en', () => {
    const sentences = readLabelledSentences((label) => uriOf.get(label));
    expect(sentences.length).toBeGreaterThanOrEqual(150);
    for (const language of ['fi', 'sv', 'en'])
      expect(sentences.filter((s) => s.language === language).length).toBeGreaterThanOrEqual(50);
    const scores = scoreExtraction(sentences, extract);
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.88);
    expect(scores.rPrecisionAt5).toBeGreaterThanOrEqual(0.88);
  });
});
