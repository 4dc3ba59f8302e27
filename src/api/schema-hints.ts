/**
 * graphql-js's suggestions of fields, arguments, types, enum values and input fields ("Did you
 * mean …?"), in validation and in variable coercion errors alike: each maps the schema for
 * someone who may not introspect it. Removed whole, since even a masked one tells that a near
 * name exists.
 */
const SCHEMA_HINT = /\s*Did you mean\b[^?]*\?/g;

export function withoutSchemaHints(message: string): string {
  return message.replace(SCHEMA_HINT, '');
}
