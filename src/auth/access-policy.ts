import { MiddlewareFn } from 'type-graphql';
import { DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { Role } from './actor';
import type { RequestContext } from '../api/context';

/** Who may call a root operation: anyone (public), or actors in one of the roles. */
export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Rules by root field name (Query and Mutation fields have distinct names). */
export const ACCESS_RULES = new Map<string, AccessRule>();

function register(rule: AccessRule): MethodDecorator {
  return (_target, propertyKey) => {
    const name = String(propertyKey);
    if (ACCESS_RULES.has(name)) throw new Error(`Two access rules for the operation ${name}`);
    ACCESS_RULES.set(name, rule);
  };
}

/** The operation is open to actors in these roles; scope is checked by the service. */
export const Allow = (...roles: Role[]): MethodDecorator => register({ roles });
/** The operation is open to everyone, without a token (taxonomy reads). */
export const Public = (): MethodDecorator => register({ public: true });

/**
 * Deny by default, in one place: every Query and Mutation field must name its rule, and one
 * without is refused. Field resolvers below the root are covered by their root's rule and by
 * the services' scope checks.
 */
export const enforceAccessRules: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  const parent = info.parentType.name;
  if (parent !== 'Query' && parent !== 'Mutation') return next();
  // The audit log names the operation as parsed, whether or not the client sent operationName.
  context.request.operation =
    `${info.operation.operation} ${info.operation.name?.value ?? 'anonymous'}`.slice(0, 100);
  const rule = ACCESS_RULES.get(info.fieldName);
  if (!rule) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `The operation ${info.fieldName} has no access rule`,
    );
  }
  if ('public' in rule) return next();
  if (!context.actor) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Not authenticated: send a bearer token');
  }
  if (!rule.roles.includes(context.actor.role)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `Not allowed for the role ${context.actor.role}`);
  }
  if (context.actor.operations && !context.actor.operations.includes(info.fieldName)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `Not allowed for this API key: ${info.fieldName}`);
  }
  return next();
};
