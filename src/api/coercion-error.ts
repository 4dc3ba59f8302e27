import { withoutSchemaHints } from './schema-hints';

/**
 * graphql-js refuses a variable whose value does not fit its type (an enum value that does not
 * exist, a LocalDate that is not a day) before any resolver runs, with a message like
 * `Variable "$input" got invalid value "2026-02-30" at "input.startDate"; <reason>`. Read back
 * the field and the reason, so these errors carry `field` and `reason` like the services' own.
 * The field is the variable's path: the argument's when the variable is named after it.
 */
const COERCION = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; ([^]*)$/;

export function coercionFieldOf(message: string): { field: string; reason: string } | null {
  const match = COERCION.exec(message);
  if (!match) return null;
  const [, variable, path, reason] = match;
  // The reason keeps no "Did you mean" hint: the message is where the formatter decides on those.
  return { field: path ?? variable!, reason: withoutSchemaHints(reason!) };
}
