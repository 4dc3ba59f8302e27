/**
 * Job titles as ads write them, taken apart before occupation search (issue 14): a title such as
 * "Cook, waiter and dishwasher (m/f/d) - Hotel Puijonsarvi Oy, Kuopio, 60 %" is a list of jobs
 * wrapped in gender markers, an employer, a place and employment terms. Pure: what counts as a
 * place comes in as a function.
 */

/** One job a title names, with where it stands. */
export interface TitleItem {
  /** The words of the job, noise removed, as written (case kept). */
  text: string;
  /** Which comma-, dash- or bracket-separated chunk of the title it comes from (0 first). */
  chunk: number;
  /** Its place in the title's list of items (0 first). */
  item: number;
}

/** "(m/f/d)", "m/w/d", "(h/f)", "(m/k)", "(f/m/x)": gender markers of ads in several languages. */
const GENDER_MARKER =
  /\(?\b[mwfdhkxnä](?:\s*\/\s*[mwfdhkxnä]){1,3}\b\)?|\((?:all genders|kaikki)\)/giu;
/** Percentages, hours a week, shift patterns, years: "60 %", "20 h/week", "6-9", "5-shift", "2026". */
const NUMBERS =
  /\b\d+(?:[.,]\d+)?\s*(?:%|h\s*\/\s*(?:week|vko|vecka|wk)|h\b|hours\b|tuntia\b|timmar\b)|\b\d+(?:\s*[-–]\s*\d+)?(?:-?(?:shift|vuoro\w*|skift\w*))?\b/giu;
/** Where a title's chunks part: a spaced dash, a bar, brackets, commas, semicolons, colons, "@". */
const CHUNK_BREAK = /\s[-–—]\s|\s[-–—]$|^[-–—]\s|[|;:()[\]{},@•·]/u;
/** Where a chunk's list of jobs parts: a slash, "&", "+", and "and" / "or" in the languages of ads. */
const ITEM_BREAK =
  /\s*\/\s*|\s*[&+]\s*|\s+(?:and|or|ja|tai|sekä|och|eller|samt|und|oder|et|ou)\s+/iu;

/**
 * Legal forms of companies: a chunk that ends with one ("Savon Sellu Oy") names an employer.
 * Finnish, Swedish, English, German, Nordic.
 */
const COMPANY_FORMS = new Set([
  'oy',
  'oyj',
  'ab',
  'abp',
  'ky',
  'tmi',
  'ry',
  'kb',
  'ltd',
  'limited',
  'inc',
  'llc',
  'plc',
  'corp',
  'gmbh',
  'ag',
  'asa',
  'aps',
]);

const WORD = /[\p{L}\p{M}\p{N}]+(?:[+#]+)?/gu;

/**
 * The jobs a title names, in order. Chunks whose last word is a company form are dropped, and
 * so are words `isPlace` recognises (municipalities and their inflected forms).
 */
export function titleItems(
  text: string,
  isPlace: (word: string) => boolean = () => false,
): TitleItem[] {
  const cleaned = text.normalize('NFC').replace(GENDER_MARKER, ' ').replace(NUMBERS, ' ');
  const items: TitleItem[] = [];
  let chunkIndex = 0;
  for (const chunk of splitAll(cleaned, CHUNK_BREAK)) {
    const words = chunk.match(WORD) ?? [];
    if (words.length === 0) continue;
    if (COMPANY_FORMS.has(words[words.length - 1]!.toLowerCase())) continue;
    let kept = false;
    for (const part of chunk.split(ITEM_BREAK)) {
      const partWords = (part.match(WORD) ?? []).filter((w) => !isPlace(w));
      if (partWords.length === 0) continue;
      items.push({ text: partWords.join(' '), chunk: chunkIndex, item: items.length });
      kept = true;
    }
    if (kept) chunkIndex++;
  }
  return items;
}

function splitAll(text: string, separator: RegExp): string[] {
  const global = new RegExp(
    separator.source,
    separator.flags.includes('g') ? separator.flags : separator.flags + 'g',
  );
  return text
    .split(global)
    .map((s) => s.trim())
    .filter(Boolean);
}
