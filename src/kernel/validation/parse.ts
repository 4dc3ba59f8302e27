import { z } from 'zod';
import { badInput } from '../errors/domain-error';

/** Why a value was refused: the field's path and the reason, as the API and the importer say it. */
export interface Problem {
  field: string;
  reason: string;
}

/** `['assessments', 0, 'skills', 1, 'evidence']` under `prefix` → `assessments[0].skills[1].evidence`. */
export function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let field = prefix;
  for (const key of path) {
    if (typeof key === 'number') field += `[${key}]`;
    else field += field ? `.${String(key)}` : String(key);
  }
  return field;
}

/**
 * The one problem reported of a refused value: an unknown field first (a misspelt name explains
 * the "missing" field it was meant to be), else the first in the schema's order.
 */
export function firstProblem(error: z.ZodError, prefix: string, whole = 'line'): Problem {
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  // A ZodError always holds at least one issue.
  if (!issue) return { field: prefix || whole, reason: 'is not valid' };
  if (issue.code === 'unrecognized_keys') {
    const [key = '', ...others] = issue.keys;
    const also = others.length ? ` (also unknown: ${others.join(', ')})` : '';
    return { field: fieldPath(prefix, [...issue.path, key]), reason: `${issue.message}${also}` };
  }
  return { field: fieldPath(prefix, issue.path) || whole, reason: issue.message };
}

/**
 * An API input checked against its record schema: its normalised value (text trimmed), or
 * BAD_USER_INPUT naming the argument path (`input.skills[2].level`) and the reason.
 * `apiNames`: the API's name of a record field where the two differ (`{ proficiency: 'level' }`;
 * the API names levels one way, the import format keeps the older names): the input is read
 * under the record's names and a problem is named as the caller wrote it.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string,
  apiNames: Record<string, string> = {},
): z.output<S> {
  const recordNames = Object.fromEntries(Object.entries(apiNames).map(([r, a]) => [a, r]));
  const result = schema.safeParse(renameKeys(value, recordNames));
  if (result.success) return result.data;
  const { field, reason } = firstProblem(result.error, '', '');
  const named = field.replace(/[A-Za-z]+/g, (key) => apiNames[key] ?? key);
  const path = !named
    ? prefix
    : !prefix
      ? named
      : named.startsWith('[')
        ? prefix + named
        : `${prefix}.${named}`;
  throw badInput(path, reason);
}

/** `value` with every object key found in `names` renamed, at any depth. */
function renameKeys(value: unknown, names: Record<string, string>): unknown {
  if (Object.keys(names).length === 0) return value;
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, names));
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [names[k] ?? k, renameKeys(v, names)]),
    );
  return value;
}
