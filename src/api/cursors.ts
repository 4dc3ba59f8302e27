import { getArgumentValues, GraphQLResolveInfo } from 'graphql';
import type { CursorScope } from '../kernel/paging/cursor';
import type { RequestContext } from './context';

/**
 * The cursor scope of the list field being resolved: bound to the field, the arguments as the
 * caller gave them (every argument but `first` and `after`, so a new filter is bound without
 * anyone remembering to) and the actor.
 */
export function cursorsFor(ctx: RequestContext, info: GraphQLResolveInfo): CursorScope {
  const definition = info.parentType.getFields()[info.fieldName];
  const {
    first: _first,
    after: _after,
    ...args
  } = getArgumentValues(definition, info.fieldNodes[0], info.variableValues);
  return ctx.services.cursors.scope({
    field: `${info.parentType.name}.${info.fieldName}`,
    args,
    actor: ctx.actor,
  });
}
