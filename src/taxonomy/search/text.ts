/**
 * Text normalisation shared by indexing and querying: lower case, Unicode NFC, tokens of
 * letters and digits (keeping `+` and `#` so that C++ and C# survive).
 */
export const SEARCH_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

const TOKEN = /[\p{L}\p{N}]+(?:[+#]+)?/gu;

export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(TOKEN) ?? [];
}

/** Words that carry no meaning in a label, per language. */
const STOP_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set([
    'a',
    'an',
    'and',
    'as',
    'at',
    'by',
    'for',
    'from',
    'in',
    'into',
    'of',
    'on',
    'or',
    'own',
    'the',
    'to',
    'with',
    'within',
  ]),
  fi: new Set(['ja', 'tai', 'sekä', 'on', 'ei', 'eri', 'myös']),
  sv: new Set([
    'och',
    'eller',
    'i',
    'på',
    'för',
    'med',
    'av',
    'till',
    'en',
    'ett',
    'att',
    'som',
    'om',
    'vid',
  ]),
};
const ALL_STOP_WORDS = new Set(Object.values(STOP_WORDS).flatMap((words) => [...words]));

/**
 * Words that job ads put around a title and that never identify a concept: seniority,
 * contract terms, gender markers such as "(m/f)". Removed from queries only.
 */
const AD_NOISE = new Set([
  // en
  'senior',
  'junior',
  'lead',
  'principal',
  'trainee',
  'intern',
  'permanent',
  'temporary',
  'full',
  'part',
  'time',
  'fulltime',
  'parttime',
  'wanted',
  'hiring',
  'job',
  'position',
  'vacancy',
  'immediate',
  'start',
  'new',
  // fi
  'vakituinen',
  'vakinainen',
  'määräaikainen',
  'osa',
  'aikainen',
  'kokoaikainen',
  'osaaikainen',
  'kesätyö',
  'kesätyöntekijä',
  'heti',
  'haetaan',
  'haemme',
  'etsimme',
  'rekrytointi',
  'työpaikka',
  'paikka',
  'uusi',
  'kokenut',
  'keikka',
  'sijainen',
  'sijaisuus',
  'vuorotyö',
  // sv
  'fast',
  'tillsvidare',
  'visstid',
  'deltid',
  'heltid',
  'sökes',
  'söker',
  'vi',
  'tjänst',
  'vikariat',
  'erfaren',
  'ny',
]);

/** Index-side tokens: without stop words (of any language; labels mix little). */
export function labelTokens(text: string): string[] {
  return tokenize(text).filter((t) => !ALL_STOP_WORDS.has(t));
}

/** Query-side tokens: without stop words, ad noise and one-letter tokens such as the m/f of "(m/f)". */
export function queryTokens(text: string): string[] {
  return tokenize(text).filter((t) => t.length > 1 && !ALL_STOP_WORDS.has(t) && !AD_NOISE.has(t));
}
