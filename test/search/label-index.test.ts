import { LabelIndex, LabelInput } from '../../src/taxonomy/search/label-index';

const WELDING = 'urn:skill:welding';
const ARC = 'urn:skill:arc-welding';
const SERVICE = 'urn:skill:customer-service';
const NURSE = 'urn:occupation:nurse';
const NURSERY = 'urn:occupation:nursery-nurse';

const label = (
  conceptUri: string,
  text: string,
  language: string,
  labelType: LabelInput['labelType'] = 'preferred',
): LabelInput => ({ conceptUri, label: text, language, labelType });

const index = LabelIndex.build([
  label(WELDING, 'käyttää hitsauslaitteita', 'fi'),
  label(WELDING, 'hitsaus', 'fi', 'alternative'),
  label(WELDING, 'use welding equipment', 'en'),
  label(WELDING, 'svetsning', 'sv', 'alternative'),
  label(ARC, 'kaarihitsaus', 'fi'),
  label(ARC, 'arc welding', 'en'),
  label(SERVICE, 'asiakaspalvelu', 'fi'),
  label(SERVICE, 'customer service', 'en'),
  label(SERVICE, 'kundservice', 'sv'),
  label(NURSE, 'nurse', 'en'),
  label(NURSERY, 'nursery nurse', 'en'),
  label('urn:skill:hospital', 'sairaala', 'fi'),
]);

const top = (text: string, language = 'fi') =>
  index.search(text, language, 5).map((hit) => hit.conceptUri);

describe('label index', () => {
  it.each(['hitsaus', 'hitsauksen', 'hitsaaja', 'hitsata', 'hitsauksessa'])(
    'finds welding for the Finnish form %s, although Snowball stems them all differently',
    (form) => {
      expect(top(form)[0]).toBe(WELDING);
    },
  );

  it('finds a compound whose head the vocabulary knows, ignoring the unknown tail', () => {
    expect(top('asiakaspalvelutehtävät')).toEqual([SERVICE]);
  });

  it('finds the compound "kaarihitsaus" for "hitsaus", below the exact label', () => {
    expect(top('hitsaus')).toEqual([WELDING, ARC]);
  });

  it('tolerates one typo, and two in long words', () => {
    expect(top('hitsuas')[0]).toBe(WELDING);
    expect(top('asiakaspalvleu')).toEqual([SERVICE]);
    expect(top('custmer service', 'en')).toEqual([SERVICE]);
  });

  it('does not join unrelated words that share a prefix', () => {
    expect(top('sairaanhoitaja')).not.toContain('urn:skill:hospital');
    expect(top('nurse', 'en')).toEqual([NURSE, NURSERY]);
  });

  it('prefers labels in the query language but still finds others', () => {
    const hits = index.search('svetsning', 'fi', 5);
    expect(hits[0]).toMatchObject({
      conceptUri: WELDING,
      label: 'svetsning',
      language: 'sv',
      labelType: 'alternative',
    });
    expect(index.search('customer service', 'en', 1)[0]!.score).toBeGreaterThan(
      index.search('customer service', 'fi', 1)[0]!.score,
    );
  });

  it('returns nothing for words no label has, and for noise alone', () => {
    expect(top('xyzzy qwerty')).toEqual([]);
    expect(top('Senior (m/f), vakituinen')).toEqual([]);
  });

  it('orders equal scores by URI, so results are deterministic', () => {
    const twins = LabelIndex.build([
      label('urn:b', 'trukki', 'fi'),
      label('urn:a', 'trukki', 'fi'),
    ]);
    expect(twins.search('trukki', 'fi', 5).map((h) => h.conceptUri)).toEqual(['urn:a', 'urn:b']);
  });

  it('scores in [0, 1], best first', () => {
    const hits = index.search('hitsaus', 'fi', 5);
    expect(hits[0]!.score).toBeLessThanOrEqual(1);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(hits.every((h) => h.score > 0)).toBe(true);
  });
});

describe('typos and words of the language', () => {
  const labels = [label('urn:skill:think-creatively', 'experiment', 'en', 'alternative')];

  it('never reads a word of the taxonomy’s prose as a typo of a label word ("experience" ≠ "experiment")', () => {
    const guarded = LabelIndex.build(labels, ['experience', 'with']);
    expect(guarded.search('experience', 'en', 5)).toEqual([]);
    expect(guarded.findInText('Experience with React is a plus.', 'en')).toEqual([]);
    // A real typo of the label word is still forgiven.
    expect(guarded.search('experimnet', 'en', 5).map((h) => h.conceptUri)).toEqual([
      'urn:skill:think-creatively',
    ]);
    // Without the known words, the one edit is taken (what issue 14 measured).
    expect(LabelIndex.build(labels).search('experience', 'en', 5)).toHaveLength(1);
  });
});
