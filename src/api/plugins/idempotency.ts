/**
 * Mutations sent with an `Idempotency-Key` header have one effect per key: the first request
 * runs and its answer is stored; a repeat with the same payload gets that answer without
 * running again, also while the first is still running (it waits for it); the same key with
 * another payload is refused. Keys belong to their caller and are forgotten after a day; a
 * first request that never finished (the process died) frees its key after a minute.
 */
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../context';
import { IdempotencyKeyRepository } from './idempotency-key.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const ABANDONED_AFTER_SECONDS = 60;
const WAIT_FOR_FIRST_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function idempotencyPlugin(dataSource: DataSource): ApolloServerPlugin<RequestContext> {
  const keys = new IdempotencyKeyRepository(dataSource.manager);
  return {
    async requestDidStart({ request, contextValue }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER)?.trim();
      if (!key) return;
      const tooLong = key.length > 200;
      const caller = contextValue.actor
        ? `${contextValue.actor.role}:${contextValue.actor.id}`
        : `address:${contextValue.request.address ?? 'unknown'}`;
      const hash = createHash('sha256')
        .update(
          JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}]),
        )
        .digest('hex');
      let first = false;
      return {
        async responseForOperation(requestContext) {
          const { operation } = requestContext;
          if (operation.operation !== 'mutation') return null;
          if (tooLong) return refusal(requestContext, 'the key is longer than 200 characters', 400);
          await keys.releaseAbandoned(caller, key, ABANDONED_AFTER_SECONDS);
          if (await keys.claim(caller, key, hash)) {
            first = true;
            return null;
          }
          const deadline = Date.now() + WAIT_FOR_FIRST_MS;
          for (;;) {
            const row = await keys.find<GraphQLResponse['body']>(caller, key);
            if (row && row.requestHash !== hash)
              return refusal(requestContext, 'this Idempotency-Key was used for another request');
            if (row?.response) return { http: requestContext.response.http, body: row.response };
            if (Date.now() > deadline)
              return refusal(
                requestContext,
                'the first request with this Idempotency-Key has not finished',
              );
            await sleep(50);
          }
        },
        async willSendResponse({ response }) {
          if (!first || response.body.kind !== 'single') return;
          await keys.saveResponse(caller, key, response.body);
        },
      };
    },
  };
}

/** An answer in place of running the operation (a thrown error here would become a 500). */
function refusal(
  requestContext: { response: { http: GraphQLResponse['http'] } },
  reason: string,
  status = 409,
): GraphQLResponse {
  requestContext.response.http.status = status;
  return {
    http: requestContext.response.http,
    body: {
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: `Idempotency-Key: ${reason}`,
            extensions: {
              code: status === 409 ? 'CONFLICT' : 'BAD_USER_INPUT',
              field: 'Idempotency-Key',
            },
          },
        ],
      },
    },
  };
}

/** Forgets keys older than a day. */
export async function purgeIdempotencyKeys(dataSource: DataSource): Promise<void> {
  await new IdempotencyKeyRepository(dataSource.manager).purge();
}
