import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLSchema, Kind, OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context';
import type { Metrics } from '../../metrics/metrics';

/**
 * Times each GraphQL request under the schema's own name for it: its root field
 * (`matchesForVacancy`), "multiple" for several, "other" for anything else. The client's
 * operation name is free text and is never a label.
 */
export function metricsPlugin(
  metrics: Metrics,
  schema: GraphQLSchema,
): ApolloServerPlugin<RequestContext> {
  const rootFields = new Set([
    ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
  ]);
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = 'other';
      return {
        async didResolveOperation({ operation: definition }) {
          operation = operationLabel(definition, rootFields);
        },
        async willSendResponse({ errors, response }) {
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === 'single' &&
              (response.body.singleResult.errors?.length ?? 0) > 0);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeRequest(operation, failed ? 'error' : 'ok', seconds);
        },
      };
    },
  };
}

export function operationLabel(
  definition: OperationDefinitionNode | undefined,
  rootFields: Set<string>,
): string {
  if (!definition) return 'other';
  const names = new Set<string>();
  for (const selection of definition.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return 'other';
    if (selection.name.value !== '__typename') names.add(selection.name.value);
  }
  if (names.size > 1) return 'multiple';
  const [name] = names;
  return name !== undefined && rootFields.has(name) ? name : 'other';
}
