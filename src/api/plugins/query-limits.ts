/**
 * Limits on what one GraphQL operation may ask for: depth, aliases and directives with
 * graphql-armor (which has no per-field cost), tokens before parsing, and a cost with
 * graphql-query-complexity where a page asked with `first` costs `first` times what each item
 * costs and a list a resolver fetches names its expected size with type-graphql's `complexity`
 * (listCost). Suggestions ("Did you mean …") are removed in formatError (withoutSchemaHints),
 * which sees every error: armor's mask covered field suggestions only, and left its mask.
 *
 * The cost is calibrated to measured work (npm run bench:cost, which prints each operation's
 * cost beside its measured time): a unit is about what resolving one field of an answer takes
 * (~15 µs of the server's thread on the 2-core reference machine), every operation pays a
 * floor for what it costs before any field (authentication, parsing, validation, the rate
 * limit, the audit), and a root field whose work is not in its fields (a ranking, counting a
 * pool, comparing revisions, linking a text) adds that work, measured, from ROOT_FIELD_WORK.
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
  // About 0.4 s of the server's thread: a page of 100 matches with every list (7,851) and 50
  // occupations with their skills (12,151) fit; a page nested in a page does not.
  maxCost: 25_000,
};

/** What every operation costs before its fields: ~1 ms of the thread, as { __typename } takes. */
export const OPERATION_FLOOR = 50;

/**
 * Work a root field does beyond resolving its fields, in units, measured with npm run
 * bench:cost at 100,000 jobseekers and 20,000 vacancies (2026-12-01): the operation's time less
 * the floor and its fields' units. Only fields whose measured work exceeded their fields' units
 * by about the floor or more are listed.
 */
export const ROOT_FIELD_WORK: Readonly<Record<string, number>> = {
  // The pool of the saved profile and of each requirement left out (a count over the index each).
  requirementInsights: 1_000,
  // Two revisions' pools and rankings.
  compareRevisions: 1_500,
  // Every member ranked over every vacancy above the floor, the assignment and the trainings'
  // cover (kept per cohort while the feed stands still: a repeat reads it back).
  cohortAnalysis: 2_000,
  cohortReport: 2_000,
  // A ranking over the index.
  matchesForVacancy: 100,
  matchesForJobseeker: 100,
  // One pair scored with every list, the area checked, the vacancy and the profile read.
  explainMatch: 200,
  skillGap: 100,
  trainingSuggestions: 50,
  demandForSkills: 150,
  // The text linked to skills (its length adds too, by its own complexity).
  suggestRequirements: 150,
  // A search over the area's people by name or customer id (the database's work).
  jobseekers: 150,
  jobseeker: 100,
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

const fieldsOwnEstimate = fieldExtensionsEstimator();
const oneUnitEach = simpleEstimator({ defaultComplexity: 1 });

/** A field's own estimate (declared, by `first`, or one unit), plus a root field's work. */
const calibratedEstimator: ComplexityEstimator = (options) => {
  const own =
    fieldsOwnEstimate(options) ?? firstEstimator(options) ?? (oneUnitEach(options) as number);
  const rootType = options.type.name === 'Query' || options.type.name === 'Mutation';
  return own + (rootType ? (ROOT_FIELD_WORK[options.field.name] ?? 0) : 0);
};

/** What an operation costs by the model above (throws on variables that do not fit their types). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return (
    OPERATION_FLOOR +
    getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [calibratedEstimator],
    })
  );
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
