import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import {
  OccupationFieldResolver,
  SkillFieldResolver,
  TaxonomyQueryResolver,
} from '../taxonomy/taxonomy.resolver';
import { TaxonomyInfoResolver } from '../taxonomy/taxonomy-info.resolver';

export const RESOLVERS = [
  TaxonomyQueryResolver,
  SkillFieldResolver,
  OccupationFieldResolver,
  TaxonomyInfoResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once (type-graphql's metadata is global). Never written to disk here. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: false,
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql has no option for the root types' descriptions.
    const query = schema.getQueryType();
    if (query)
      query.description =
        'Reads. Taxonomy reads are public; everything else names the roles it allows.';
    return schema;
  });
  return cached;
}

/** The schema as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
