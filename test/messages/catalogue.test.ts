import { IntlMessageFormat } from 'intl-messageformat';
import {
  CATALOGUE,
  listOf,
  message,
  MessageKey,
  TEXT_LANGUAGES,
} from '../../src/kernel/messages/messages';

// Every message in every language, rendered with sample values: a missing key, a broken ICU
// pattern, an argument one language lacks, or an English word in a Finnish or Swedish text fails.

/** ICU argument names and kinds of a message (numbers for plural/number, the options for select). */
type ArgumentKind = { kind: 'number' } | { kind: 'text' } | { kind: 'select'; options: string[] };

function argumentsOf(pattern: string, language: string): Map<string, ArgumentKind> {
  const found = new Map<string, ArgumentKind>();
  // Element types of @formatjs/icu-messageformat-parser: 1 argument, 2 number, 5 select, 6 plural.
  const walk = (elements: unknown[]): void => {
    for (const element of elements as Array<Record<string, unknown>>) {
      const type = element.type as number;
      const name = element.value as string;
      if (type === 1) found.set(name, { kind: 'text' });
      if (type === 2 || type === 6) found.set(name, { kind: 'number' });
      if (type === 5) {
        const options = element.options as Record<string, { value: unknown[] }>;
        found.set(name, { kind: 'select', options: Object.keys(options) });
      }
      if (type === 5 || type === 6) {
        for (const option of Object.values(element.options as Record<string, { value: unknown[] }>))
          walk(option.value);
      }
      if (type === 8) walk(element.children as unknown[]);
    }
  };
  walk(new IntlMessageFormat(pattern, language).getAst() as unknown[]);
  return found;
}

/** Sample values: each number in turn 1, 2 and 5 (Finnish singular and partitive), each select option. */
function sampleValueSets(args: Map<string, ArgumentKind>): Array<Record<string, string | number>> {
  const sets: Array<Record<string, string | number>> = [];
  const selectOptions = [...args.values()].flatMap((a) => (a.kind === 'select' ? a.options : []));
  const rounds = Math.max(3, selectOptions.length);
  for (let round = 0; round < rounds; round++) {
    const values: Record<string, string | number> = {};
    for (const [name, kind] of args) {
      if (kind.kind === 'number') values[name] = [1, 2, 5][round % 3]!;
      else if (kind.kind === 'select') values[name] = kind.options[round % kind.options.length]!;
      else values[name] = `«${name}»`;
    }
    sets.push(values);
  }
  return sets;
}

/** Words that are English and neither Finnish nor Swedish: one in a fi or sv text is a leak. */
const ENGLISH_WORDS = new Set(
  (
    'the of and not with without from which this that these those your you our they their ' +
    'skill skills missing known unknown location vacancy vacancies required essential optional ' +
    'level job jobs jobseeker candidate candidates training trainings requirement requirements ' +
    'meets fails added removed language languages licence licences score scoring through related ' +
    'nothing says text hours weeks months days would could should because been has have was were ' +
    'gap gaps course courses suggestion insight occupation occupations work experience education'
  ).split(' '),
);

function englishWordsIn(text: string): string[] {
  const withoutValues = text.replace(/«[^»]*»/g, ' ');
  return (withoutValues.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => ENGLISH_WORDS.has(w));
}

const KEYS = Object.keys(CATALOGUE.en) as MessageKey[];

describe('the message catalogue', () => {
  it('has the same keys in Finnish, Swedish and English', () => {
    for (const language of TEXT_LANGUAGES)
      expect(Object.keys(CATALOGUE[language]).sort()).toEqual([...KEYS].sort());
  });

  it.each(KEYS)('renders %s in every language with the same arguments', (key) => {
    const english = argumentsOf(CATALOGUE.en[key], 'en');
    for (const language of TEXT_LANGUAGES) {
      const args = argumentsOf(CATALOGUE[language][key], language);
      expect({ language, key, args: [...args.keys()].sort() }).toEqual({
        language,
        key,
        args: [...english.keys()].sort(),
      });
      for (const values of sampleValueSets(args)) {
        const text = message(language, key, values);
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[{}]/);
        if (language !== 'en')
          expect({ language, key, text, english: englishWordsIn(text) }).toEqual({
            language,
            key,
            text,
            english: [],
          });
      }
    }
  });

  it('joins lists as each language does', () => {
    expect(listOf('fi', ['a', 'b', 'c'])).toBe('a, b ja c');
    expect(listOf('sv', ['a', 'b', 'c'])).toBe('a, b och c');
    expect(listOf('en', ['a', 'b', 'c'])).toBe('a, b, and c');
  });

  it('finds an English word left in a Finnish text (the check itself can fail)', () => {
    expect(englishWordsIn('Puuttuu 3 required skills')).toEqual(['required', 'skills']);
    expect(englishWordsIn('Tietoja puuttuu: «location»')).toEqual([]);
  });
});
