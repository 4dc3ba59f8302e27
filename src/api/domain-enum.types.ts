import { registerEnumType } from 'type-graphql';
import { EnumOf, enumOf } from '../kernel/validation/domain-values';

/** A description for each value of an enum, by its GraphQL name: one left out does not compile. */
export type ValueDescriptions<V extends string> = { readonly [K in keyof EnumOf<V>]: string };

/**
 * The GraphQL enum of a domain value set (DOMAIN_VALUES), registered with a description for
 * the enum and for every value. Returns the enum object (`enumOf`); declare
 * `type X = (typeof X)[keyof typeof X]` beside it for the values' type.
 */
export function domainEnum<const V extends string>(
  values: readonly V[],
  name: string,
  description: string,
  valueDescriptions: ValueDescriptions<V>,
): EnumOf<V> {
  const enumObject = enumOf(values);
  const valuesConfig = Object.fromEntries(
    Object.entries<string>(valueDescriptions).map(([key, text]) => [key, { description: text }]),
  ) as { [K in keyof EnumOf<V>]: { description: string } };
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
