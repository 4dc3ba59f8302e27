/**
 * Text normalisation shared by indexing and querying: lower case, Unicode NFC, tokens of
 * letters and digits (keeping `+` and `#` so that C++ and C# survive).
 */
export const SEARCH_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

const TOKEN = /[\p{L}\p{N}]+(?:[+#]+)?/gu;
/** The same on text as written (upper case included), for spans in the original. */
const TOKEN_ANY_CASE = /[\p{L}\p{M}\p{N}]+(?:[+#]+)?/gu;

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

/** A token of a free text with where it stands: its sentence and its characters in the text. */
export interface TextToken {
  token: string;
  sentence: number;
  start: number;
  end: number;
}

const SENTENCE_BREAK = /[.!?;:\n\u2022]/;

/**
 * The tokens of a free text (an ad, a description of one's work) with their spans, in
 * sentences: a break is a full stop, question or exclamation mark, colon, semicolon, line break
 * or bullet between two tokens. Stop words and one-letter tokens are left out.
 */
export function textTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN_ANY_CASE)) {
    const start = match.index!;
    if (SENTENCE_BREAK.test(text.slice(previousEnd, start))) sentence++;
    previousEnd = start + match[0].length;
    const token = match[0].normalize('NFC').toLowerCase();
    if (token.length < 2 || ALL_STOP_WORDS.has(token)) continue;
    tokens.push({ token, sentence, start, end: previousEnd });
  }
  return tokens;
}

/** Index-side tokens: without stop words (of any language; labels mix little). */
export function labelTokens(text: string): string[] {
  return tokenize(text).filter((t) => !ALL_STOP_WORDS.has(t));
}

/** Query-side tokens: without stop words, ad noise and one-letter tokens such as the m/f of "(m/f)". */
export function queryTokens(text: string): string[] {
  return tokenize(text).filter((t) => t.length > 1 && !ALL_STOP_WORDS.has(t) && !AD_NOISE.has(t));
}
