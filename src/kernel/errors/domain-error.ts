/** Error codes a client may see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An expected failure that services throw; formatError turns it into a typed GraphQL error. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, safe-to-show details (e.g. the offending input field and why it was refused). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input: names the argument path (e.g. `input.title`) and the reason. */
export function badInput(field: string, reason: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${reason}`, { field, reason });
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });
}
