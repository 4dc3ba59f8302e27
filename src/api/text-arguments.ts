import { badInput } from '../kernel/errors/domain-error';
import { textProblem } from '../kernel/validation/text-problem';

/**
 * Every string of every argument and input field, whether written in the query or sent as a
 * variable, is checked once here before any resolver reads it: NUL and lone surrogates get
 * BAD_USER_INPUT naming the path (`input.name`, `input.skills[2].evidence`), never a database
 * error. Runs after the access rule, so a refused caller learns nothing about inputs.
 */
export function refuseMalformedText(args: Record<string, unknown> | undefined): void {
  for (const [name, value] of Object.entries(args ?? {})) checkText(name, value);
}

function checkText(path: string, value: unknown): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw badInput(path, problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkText(`${path}[${i}]`, item));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) checkText(`${path}.${key}`, item);
  }
}
