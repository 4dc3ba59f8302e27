/**
 * Limits on what one GraphQL operation may ask for: depth, aliases and directives with
 * graphql-armor (which has no per-field cost), tokens before parsing, and a cost with
 * graphql-query-complexity where a page asked with `first` costs `first` times what each item
 * costs and a list a resolver fetches names its expected size with type-graphql's `complexity`
 * (listCost). Suggestions ("Did you mean …") are removed in formatError (withoutSchemaHints),
 * which sees every error: armor's mask covered field suggestions only, and left its mask.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { DocumentNode, GraphQLError, GraphQLSchema, Lexer, Source, TokenKind } from 'graphql';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { log } from '../../kernel/logger';
import type { RequestContext } from '../context';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 10_000,
};

/**
 * The cost of a list field that a resolver fetches, taken to hold about `items` entries: pass it
 * as type-graphql's `complexity` (lists embedded in their parent, such as a score's components,
 * cost what their items cost).
 */
export function listCost(items: number) {
  return ({ childComplexity }: { childComplexity: number }) =>
    1 + items * Math.max(1, childComplexity);
}

export function armorProtection(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Counted before Apollo instead (tokenFloodGuard): armor's token plugin throws while
    // parsing, which Apollo answers with 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    // Cost is ours (per field, times `first`), below.
    costLimit: { enabled: false },
  }).protect();
}

/** A page asked with `first` costs `first` times what each item costs. */
const firstEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : undefined;
  return first === undefined ? undefined : 1 + first * Math.max(1, childComplexity);
};

/** What an operation costs by the model above (throws on variables that do not fit their types). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [
      fieldExtensionsEstimator(),
      firstEstimator,
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
}

/** The cost of the operation, checked before it runs; kept on the request for the rate limit. */
export function queryCostPlugin(
  schema: GraphQLSchema,
  limits: QueryLimits,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          let cost: number;
          try {
            cost = operationCost(
              schema,
              document,
              request.variables ?? {},
              request.operationName ?? undefined,
            );
          } catch {
            // Variables that do not fit their types: execution refuses them with
            // BAD_USER_INPUT and 400; an error thrown here would become a 500.
            return;
          }
          contextValue.request.cost = cost;
          if (cost > limits.maxCost) {
            log.warn('query_too_costly', {
              operation: contextValue.request.operation,
              cost,
              limit: limits.maxCost,
            });
            throw new GraphQLError(
              `The query costs ${cost}, more than the limit of ${limits.maxCost}: ask for fewer items (first) or fewer nested lists`,
              {
                extensions: {
                  code: 'QUERY_TOO_COSTLY',
                  cost,
                  limit: limits.maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}

/**
 * Refuses a query of more than `maxTokens` tokens before it is parsed (a flood of `__typename`
 * or of directives costs the parser, not the resolvers), with 400 and the request's error shape.
 */
export function tokenFloodGuard(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    const query: unknown = req.method === 'GET' ? req.query?.query : req.body?.query;
    if (typeof query !== 'string') return next();
    let count = 0;
    try {
      const lexer = new Lexer(new Source(query));
      while (lexer.advance().kind !== TokenKind.EOF) {
        if (++count > maxTokens) {
          res.status(400).json({
            errors: [
              {
                message: `Syntax Error: Token limit of ${maxTokens} exceeded.`,
                extensions: { code: 'GRAPHQL_PARSE_FAILED' },
              },
            ],
          });
          return;
        }
      }
    } catch {
      // A lexing error: let the parser report it as usual.
    }
    next();
  };
}
