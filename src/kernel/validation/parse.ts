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
 * BAD_USER_INPUT naming the argument path (`input.skills[2].proficiency`) and the reason.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, reason } = firstProblem(result.error, prefix, prefix);
  throw badInput(field, reason);
}
