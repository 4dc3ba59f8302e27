/**
 * Text as searches compare it: accents and case folded, hyphens as spaces ("Hämäläinen" and
 * "hamalainen", "Anna-Liisa" and "anna liisa" are the same). The same fold in SQL (translate,
 * then lower) and here, so no extension (unaccent) is needed and the result does not depend on
 * the database's locale: accented letters are mapped before lower() sees them.
 */

/** Each plain letter and the accented ones folded into it (lower case; upper is derived). */
const ACCENTED: Record<string, string> = {
  a: 'áàâãäå',
  c: 'ç',
  e: 'éèêë',
  i: 'íìîï',
  n: 'ñ',
  o: 'óòôõöø',
  s: 'š',
  u: 'úùûü',
  y: 'ý',
  z: 'ž',
};
/** A hyphen separates words: "Liisa" finds Anna-Liisa. */
const SEPARATORS = '-';

const FOLD = new Map<string, string>();
for (const [plain, letters] of Object.entries(ACCENTED))
  for (const letter of letters) {
    FOLD.set(letter, plain);
    FOLD.set(letter.toUpperCase(), plain);
  }
for (const separator of SEPARATORS) FOLD.set(separator, ' ');

const FROM = [...FOLD.keys()].join('');
const TO = [...FOLD.values()].join('');

export function foldText(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => FOLD.get(c) ?? c)
    .join('')
    .toLowerCase();
}

/** SQL folding a text expression as foldText does (the letters are constants, never input). */
export function foldTextSql(expression: string): string {
  return `lower(translate(${expression}, '${FROM}', '${TO}'))`;
}

/** The folded words of a search; empty when there are none. */
export function foldedWords(text: string): string[] {
  return foldText(text).split(/\s+/).filter(Boolean);
}

/** A search's own LIKE wildcards matched literally (backslash is LIKE's default escape). */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
