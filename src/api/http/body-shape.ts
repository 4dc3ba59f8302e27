import type { RequestHandler } from 'express';

/** The members of a GraphQL-over-HTTP POST body and the JSON types each may have. */
const MEMBER_TYPES: Record<string, 'string' | 'object'> = {
  query: 'string',
  operationName: 'string',
  variables: 'object',
  extensions: 'object',
};

/**
 * Refuses a POST body whose members have the wrong JSON types with 400 BAD_REQUEST naming the
 * member, before anything reads them (the context function would otherwise fail on a
 * non-string operationName and answer 500). `null` stands for a missing member.
 */
export function requestBodyShapeGuard(): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (req.method !== 'POST' || body === null || typeof body !== 'object' || Array.isArray(body))
      return next();
    for (const [member, type] of Object.entries(MEMBER_TYPES)) {
      const value = (body as Record<string, unknown>)[member];
      if (value === undefined || value === null) continue;
      const fits =
        type === 'string'
          ? typeof value === 'string'
          : typeof value === 'object' && !Array.isArray(value);
      if (!fits) {
        res.status(400).json({
          errors: [
            {
              message: `${member} in a POST body must be ${type === 'string' ? 'a string' : 'a JSON object'} if given`,
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        return;
      }
    }
    next();
  };
}
