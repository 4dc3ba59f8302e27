/**
 * One rule for every update input, stated in each input's description:
 * - a replacing input (the whole record is written anew) must give every optional field:
 *   `null` clears it, and one left out is refused naming it, so nothing is cleared by omission;
 * - a patching input keeps what it leaves out; `null` clears an optional field.
 */
import { badInput } from '../errors/domain-error';

/** The sentence a replacing input's description ends with. */
export const REPLACES =
  'Replaces the whole record: every field must be given, null clears an optional one, and one left out is refused (BAD_USER_INPUT naming it).';

/** The sentence a patching input's description ends with. */
export const PATCHES =
  'Patches the record: a field left out keeps its value; null clears an optional one.';

/** BAD_USER_INPUT naming the first of `fields` that a replacing `input` leaves out. */
export function requireEveryField<T extends object>(
  input: T,
  fields: readonly (keyof T & string)[],
  prefix: string,
): void {
  const missing = fields.find((f) => input[f] === undefined);
  if (missing)
    throw badInput(
      `${prefix}.${missing}`,
      'must be given: this input replaces the whole record (null clears it)',
    );
}
