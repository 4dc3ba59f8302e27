/**
 * What is wrong with a string as text, or undefined when nothing is: a NUL character
 * (PostgreSQL's text cannot hold one, and it cuts C strings short) or a lone UTF-16 surrogate
 * (not a character; it cannot be encoded as UTF-8). One rule for the API and the importer.
 */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value))
    return 'must not contain an unpaired UTF-16 surrogate (not a character)';
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
