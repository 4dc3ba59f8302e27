import { MiddlewareFn } from 'type-graphql';
import { assertMayCall } from '../auth/access-policy';
import type { RequestContext } from './context';

/** The access rules (auth/access-policy.ts) applied to every root Query and Mutation field. */
export const enforceAccessRules: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  const parent = info.parentType.name;
  if (parent !== 'Query' && parent !== 'Mutation') return next();
  // The audit log names the operation as parsed, whether or not the client sent operationName.
  context.request.operation =
    `${info.operation.operation} ${info.operation.name?.value ?? 'anonymous'}`.slice(0, 100);
  assertMayCall(info.fieldName, context.actor);
  return next();
};
