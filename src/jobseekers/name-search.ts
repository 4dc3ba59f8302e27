import { badInput } from '../kernel/errors/domain-error';
import { escapeLike, foldedWords } from '../kernel/text/fold';

/**
 * Finding a jobseeker by name: case- and accent-insensitive word prefixes. "virtanen",
 * "Matti Virtanen" and "hamalainen" find Matti Virtanen and Hämäläinen: every word of the search
 * must begin a word of the first or last name, in any order (folded as kernel/text/fold.ts does).
 */

/** The shortest name worth searching: one letter would list half the area. */
export const MIN_NAME_CHARS = 2;
export const MAX_NAME_CHARS = 100;

/**
 * The LIKE pattern for a word beginning a word of a text folded and prefixed with a space:
 * the search's own % and _ are matched literally (backslash is LIKE's default escape).
 */
export function wordPrefixPattern(word: string): string {
  return `% ${escapeLike(word)}%`;
}

/** A checked search: by customer id, or by the folded words of a name. */
export type JobseekerSearch = { customerId: string } | { words: string[] };

const MAX_CUSTOMER_ID_CHARS = 100;

/** Checks a search as given (argument `search`); BAD_USER_INPUT naming the field otherwise. */
export function parseJobseekerSearch(input: {
  customerId?: string | null;
  name?: string | null;
}): JobseekerSearch {
  const { customerId, name } = input;
  if (customerId != null && name != null)
    throw badInput('search', 'give either a customerId or a name, not both');
  if (customerId != null) {
    const trimmed = customerId.trim();
    if (!trimmed) throw badInput('search.customerId', 'must not be empty');
    if (trimmed.length > MAX_CUSTOMER_ID_CHARS)
      throw badInput('search.customerId', `must be at most ${MAX_CUSTOMER_ID_CHARS} characters`);
    return { customerId: trimmed };
  }
  if (name != null) {
    if ([...name].length > MAX_NAME_CHARS)
      throw badInput('search.name', `must be at most ${MAX_NAME_CHARS} characters`);
    const words = foldedWords(name);
    // Counted without spaces and hyphens: "- -" would otherwise find everyone.
    if ([...words.join('')].length < MIN_NAME_CHARS)
      throw badInput('search.name', `must be at least ${MIN_NAME_CHARS} characters`);
    return { words };
  }
  throw badInput('search', 'give a customerId or a name');
}
