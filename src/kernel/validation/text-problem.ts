/**
 * Characters PostgreSQL cannot store in text or jsonb: NUL (U+0000) and UTF-16 surrogates not
 * in a pair. One rule for every writer (the JSON Lines importer, the API's inputs).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` cannot be stored, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone surrogate (invalid UTF-16)';
  return null;
}

/**
 * The first string (or object key) in a parsed JSON value that cannot be stored, with its path
 * (`personalData.firstName`, `assessments[0].skills[1].evidence`), or null.
 */
export function findTextProblem(
  value: unknown,
  path = '',
): { field: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason ? { field: path || 'line', reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findTextProblem(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const keyReason = textProblem(key);
      // A bad key is named by its path with the bad characters escaped, not printed raw.
      if (keyReason) return { field: JSON.stringify(field).slice(1, -1), reason: keyReason };
      const found = findTextProblem(item, field);
      if (found) return found;
    }
  }
  return null;
}

const UNSTORABLE = new RegExp(`\u0000|${LONE_SURROGATE.source}`, 'g');

/**
 * Outside text (another service's ads) made storable: NUL characters and lone surrogates
 * removed from every string, deep. Our own inputs are refused instead (textProblem); an ad we
 * only relay is kept with the characters PostgreSQL cannot hold left out.
 */
export function withStorableText<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '') as T;
  if (Array.isArray(value)) return value.map(withStorableText) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = withStorableText(item);
    return out as T;
  }
  return value;
}
