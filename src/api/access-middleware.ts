import type { GraphQLResolveInfo } from 'graphql';
import { assertMayCall } from '../auth/access-policy';
import type { RequestContext } from './context';

/** The access rules (auth/access-policy.ts), applied to a root Query or Mutation field. */
export function enforceAccessRule(info: GraphQLResolveInfo, context: RequestContext): void {
  // The audit log names the operation as parsed, whether or not the client sent operationName.
  context.request.operation =
    `${info.operation.operation} ${info.operation.name?.value ?? 'anonymous'}`.slice(0, 100);
  assertMayCall(info.fieldName, context.actor);
}
