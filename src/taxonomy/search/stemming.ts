// snowball-stemmers ships no types; its API is newStemmer(name).stem(word).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snowball = require('snowball-stemmers') as {
  newStemmer(algorithm: string): { stem(word: string): string };
};
import { SEARCH_LANGUAGES } from './text';

const ALGORITHM: Record<string, string> = { fi: 'finnish', sv: 'swedish', en: 'english' };
const stemmers = new Map<string, { stem(word: string): string }>();

/** The Snowball stem of a token in a language; the token itself for languages without one. */
export function stem(token: string, language: string): string {
  const algorithm = ALGORITHM[language];
  if (!algorithm) return token;
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = snowball.newStemmer(algorithm);
    stemmers.set(language, stemmer);
  }
  return stemmer.stem(token);
}

/** Stems of a token under every search language: a query's language says little about its words. */
export function allStems(token: string): string[] {
  return [...new Set(SEARCH_LANGUAGES.map((language) => stem(token, language)))];
}
