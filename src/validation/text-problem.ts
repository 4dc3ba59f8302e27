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
