import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * graphql-scalars' LocalDate (YYYY-MM-DD, no time zone; 2026-02-30 is refused) for every
 * calendar date, input or output; timestamps stay DateTimeISO. Output also takes a Date,
 * since node-postgres reads a `date` column in a raw query as local midnight of that day.
 */
export const LocalDate = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  serialize(value: unknown) {
    const day =
      value instanceof Date
        ? `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
        : value;
    return GraphQLLocalDate.serialize(day);
  },
});
