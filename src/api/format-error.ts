import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { log } from '../kernel/logger';
import { coercionFieldOf } from './coercion-error';
import { withoutSchemaHints } from './schema-hints';

/** Error codes that graphql-js and Apollo produce for invalid requests; passed through as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Our codes, set on GraphQLErrors thrown outside resolvers (e.g. while verifying a token). */
const OWN_CODES = new Set<string>(
  Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
);

/** Connection failures of PostgreSQL (by Node error code or SQLSTATE class 08/57P). */
function isDatabaseUnavailable(error: unknown): boolean {
  const message = (error as Error)?.message ?? '';
  // A connection refused by a stopped server reaches us as a plain object that graphql-js
  // wraps ("Unexpected error value: { … code: "ECONNREFUSED" … }"): read its code there too.
  const code =
    (error as { code?: string } | null)?.code ??
    (error as { thrownValue?: { code?: string } } | null)?.thrownValue?.code ??
    /code: "([A-Z0-9]+)"/.exec(message)?.[1] ??
    '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03'].includes(code) ||
    code.startsWith('08') ||
    /Connection terminated|connection timeout/i.test(message)
  );
}

/**
 * The one place where errors become what clients see. Domain errors keep their code and safe
 * details; anything unexpected becomes INTERNAL_SERVER_ERROR with a correlation id that is in
 * the log, and never carries SQL text or a stack trace outside development.
 */
export function createErrorFormatter(development: boolean, schemaHints = development) {
  const format = formatWith(development);
  if (schemaHints) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return { ...result, message: withoutSchemaHints(result.message) };
  };
}

function formatWith(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || OWN_CODES.has(code))) {
      const coercion = code === 'BAD_USER_INPUT' ? coercionFieldOf(formatted.message) : null;
      const named = coercion ? { ...formatted.extensions, ...coercion } : formatted.extensions;
      const { stacktrace: _drop, ...extensions } = named ?? {};
      return development ? { ...formatted, extensions: named } : { ...formatted, extensions };
    }
    const correlationId = randomUUID();
    if (isDatabaseUnavailable(original)) {
      log.warn('database_unavailable', { correlationId, path: formatted.path?.join('.') });
      return {
        message: 'The database is unavailable; try again shortly',
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, correlationId },
      };
    }
    log.error('unexpected_error', {
      correlationId,
      path: formatted.path?.join('.'),
      errorName: (original as Error)?.name,
      // The message may hold SQL; logs are for operators, never returned to clients.
      errorMessage: (original as Error)?.message,
    });
    return {
      message: development
        ? `Internal error: ${(original as Error)?.message}`
        : 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
    };
  };
}
