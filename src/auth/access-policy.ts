import { DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { Actor, Role } from './actor';

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
 * without is refused. Throws the refusal; returns when the actor (null: no token) may call
 * the root operation. Field resolvers below the root are covered by their root's rule and by
 * the services' scope checks.
 */
export function assertMayCall(operation: string, actor: Actor | null): void {
  const rule = ACCESS_RULES.get(operation);
  if (!rule) {
    throw new DomainError(ErrorCode.FORBIDDEN, `The operation ${operation} has no access rule`);
  }
  if ('public' in rule) return;
  if (!actor) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Not authenticated: send a bearer token');
  }
  if (!rule.roles.includes(actor.role)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `Not allowed for the role ${actor.role}`);
  }
  if (actor.operations && !actor.operations.includes(operation)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `Not allowed for this API key: ${operation}`);
  }
}
