import {
  LEVEL_RULES,
  levelOfMonths,
  sentencesOf,
  suggestLevel,
  supportingWords,
} from '../../src/guidance/level-suggestion';

/** The span of `words` in `text` (its first occurrence). */
const at = (text: string, words: string) => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
  return { start, end: start + words.length };
};
const level = (language: string, text: string, words: string, exclude?: string[]) =>
  suggestLevel(
    text,
    [at(text, words)],
    language,
    exclude ? exclude.map((w) => at(text, w)) : undefined,
  );

describe('suggested levels from the words around a skill', () => {
  it.each([
    ['fi', 'Minulla on 10 vuoden kokemus hitsauksesta.', 'hitsauksesta', 4, 120],
    ['fi', 'Olen ajanut trukkia kolme vuotta.', 'trukkia', 4, 36],
    ['fi', 'Olen tehnyt siivousta kaksi vuotta.', 'siivousta', 3, 24],
    ['fi', 'Olen työskennellyt puoli vuotta kassalla.', 'kassalla', 2, 6],
    ['fi', 'Kokemusta asiakaspalvelusta 8 kuukautta.', 'asiakaspalvelusta', 2, 8],
    ['sv', 'Jag har fem års erfarenhet av truckkörning.', 'truckkörning', 4, 60],
    ['sv', 'Jag har städat i 2 år.', 'städat', 3, 24],
    ['en', 'I have 5 years of experience in welding.', 'welding', 4, 60],
    ['en', 'Three months of customer service.', 'customer service', 2, 3],
  ])('%s "%s": %s at level %i with %i months', (language, text, words, expected, months) => {
    const s = level(language, text, words);
    expect(s).toMatchObject({ proficiency: expected, experienceMonths: months });
    expect(s.cue).not.toBeNull();
    expect(s.reason).toContain(s.cue!);
  });

  it.each([
    ['fi', 'Hallitsen MIG-hitsauksen.', 'MIG-hitsauksen', 4],
    ['fi', 'Minulla on vahva osaaminen kirjanpidosta.', 'kirjanpidosta', 4],
    ['fi', 'Excelistä minulla on perustaidot.', 'Excelistä', 1],
    ['fi', 'Olen sähköasennusten asiantuntija.', 'sähköasennusten', 5],
    ['fi', 'Osaan jonkin verran ruotsia.', 'ruotsia', 2],
    ['sv', 'Jag behärskar svetsning.', 'svetsning', 4],
    ['sv', 'Grundläggande kunskaper i Excel.', 'Excel', 1],
    ['sv', 'Jag har djupa kunskaper i bokföring.', 'bokföring', 5],
    ['en', 'Advanced Excel user.', 'Excel', 4],
    ['en', 'Basic knowledge of SQL.', 'SQL', 1],
    ['en', 'I am an expert in Java.', 'Java', 5],
  ])('%s "%s": %s at level %i from a level word', (language, text, words, expected) => {
    const s = level(language, text, words);
    expect(s.proficiency).toBe(expected);
    expect(s.experienceMonths).toBeNull();
  });

  it('takes the default when nothing is said, and says so', () => {
    const s = level('fi', 'Siivosin hotellihuoneita.', 'hotellihuoneita');
    expect(s).toEqual({
      proficiency: LEVEL_RULES.defaultLevel,
      experienceMonths: null,
      cue: null,
      reason: `Teksti ei kerro, kuinka hyvin: oletuksena työskentelytaso ${LEVEL_RULES.defaultLevel}.`,
    });
  });

  it('reads only the sentence that names the skill, and prefers the nearest cue there', () => {
    const text = 'Hallitsen hitsauksen, mutta Excelistä minulla on vain perustaidot. Siivosin.';
    expect(level('fi', text, 'hitsauksen').proficiency).toBe(4);
    expect(level('fi', text, 'Excelistä').proficiency).toBe(1);
    expect(level('fi', text, 'Siivosin').proficiency).toBe(LEVEL_RULES.defaultLevel);
  });

  it('lets a level word decide over a duration, and keeps the duration as experience', () => {
    const s = level('en', 'Expert in welding after 12 years.', 'welding');
    expect(s).toMatchObject({ proficiency: 5, experienceMonths: 144, cue: 'Expert' });
  });

  it("never takes the words of a found skill's own name as a cue", () => {
    const text = 'Hallitsen tietotekniikan perustaidot.';
    const s = suggestLevel(text, [at(text, 'tietotekniikan perustaidot')], 'fi');
    expect(s.proficiency).toBe(4);
    expect(s.cue).toBe('Hallitsen');
  });

  it('takes the highest level that any sentence naming the skill states', () => {
    const text = 'Hitsaus on tuttua. Olen hitsannut, hallitsen hitsauksen hyvin.';
    const spans = [
      at(text, 'Hitsaus'),
      { start: text.indexOf('hitsauksen'), end: text.indexOf('hitsauksen') + 10 },
    ];
    expect(suggestLevel(text, spans, 'fi').proficiency).toBe(4);
  });

  it('maps durations: under a year 2, one to three years 3, three or more 4 (never 5)', () => {
    expect([0, 11, 12, 35, 36, 600].map(levelOfMonths)).toEqual([2, 2, 3, 3, 4, 4]);
  });
});

describe('supporting words', () => {
  it('gives each sentence that names the skill, trimmed, with the skill highlighted', () => {
    const text =
      'Olen lähihoitaja.  Minulla on 10 vuoden kokemus hitsauksesta!\nLisäksi hitsaan kotona.';
    const support = supportingWords(text, [at(text, 'hitsauksesta'), at(text, 'hitsaan')]);
    expect(support.map((s) => s.words)).toEqual([
      'Minulla on 10 vuoden kokemus hitsauksesta!',
      'Lisäksi hitsaan kotona.',
    ]);
    for (const s of support)
      expect(s.words.slice(s.highlightStart, s.highlightEnd)).toMatch(/^hitsa/);
  });

  it('cuts a long sentence to a window around the skill', () => {
    const text = `${'sana '.repeat(200)}hitsaus ${'sana '.repeat(200)}`;
    const s = supportingWords(text, [at(text, 'hitsaus')])[0]!;
    expect(s.words.length).toBeLessThanOrEqual(400);
    expect(s.words.slice(s.highlightStart, s.highlightEnd)).toBe('hitsaus');
  });

  it('splits sentences at . ! ? ; and line breaks, not inside numbers', () => {
    const text = 'Kokemus 2.5 vuotta; toinen. Kolmas';
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'Kokemus 2.5 vuotta;',
      'toinen.',
      'Kolmas',
    ]);
  });
});
