import { defaultFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { enforceAccessRule } from './access-middleware';
import type { RequestContext } from './context';
import { refuseMalformedText } from './text-arguments';

/**
 * Deny by default: every root operation must name its access rule, checked before its resolver;
 * then every string argument of every field that takes arguments is checked for NUL and lone
 * surrogates. Both wrap only the fields that need them, synchronously: as type-graphql global
 * middlewares they ran on every field of every answer and made each an async call (in a page of
 * 100 matches with every list, some 7,800 of them, most of the thread's time for the page).
 */
export function guardFields(schema: GraphQLSchema): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = roots.has(type);
    for (const field of Object.values(type.getFields())) {
      if (!root && field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestContext, info) => {
        if (root) enforceAccessRule(info, context);
        refuseMalformedText(args);
        return resolve(source, args, context, info);
      };
    }
  }
}
