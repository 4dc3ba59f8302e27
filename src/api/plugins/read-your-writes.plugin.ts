import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../kernel/errors/domain-error';
import type { RequestContext, Services } from '../context';
import { log } from '../../kernel/logger';
import { feedPosition } from '../../matches/match-index';

/** Answers every mutation with the change-feed position it committed; a read may send it back. */
export const FEED_POSITION_HEADER = 'x-osaamo-feed-position';

/**
 * Read-your-writes for matching, also when the match index follows a streaming replica:
 *
 * - A mutation's response waits until this instance's match index has applied the feed up to
 *   the primary's position after the commit (read from the primary, where the write went), and
 *   carries that position in `X-Osaamo-Feed-Position`. The writer's next request to this
 *   instance therefore sees its write.
 * - A request sending `X-Osaamo-Feed-Position` (a client sent to another instance by the load
 *   balancer) runs once this instance's index has reached that position, or fails with
 *   SERVICE_UNAVAILABLE after `timeoutMs` (its replica is too far behind: try again).
 */
export function readYourWritesPlugin(
  services: Services,
  timeoutMs: number,
): ApolloServerPlugin<RequestContext> {
  const index = () => services.matches.index;
  return {
    async requestDidStart({ request }) {
      const asked = request.http?.headers.get(FEED_POSITION_HEADER);
      return {
        async didResolveOperation() {
          if (!asked) return;
          const position = Number(asked);
          if (!Number.isSafeInteger(position) || position < 0)
            throw new GraphQLError(
              `${FEED_POSITION_HEADER}: must be a feed position (an integer)`,
              {
                extensions: { code: ErrorCode.BAD_USER_INPUT, field: FEED_POSITION_HEADER },
              },
            );
          if (!(await index().reach(position, timeoutMs)))
            throw new GraphQLError(
              `This instance has not yet reached feed position ${position}; try again shortly`,
              { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } },
            );
        },
        async willSendResponse({ operation, response }) {
          if (operation?.operation !== 'mutation' || !index().ready) return;
          try {
            const position = await feedPosition(services.dataSource);
            response.http.headers.set(FEED_POSITION_HEADER, String(position));
            if (!(await index().reach(position, timeoutMs)))
              log.warn('match_index_behind_own_write', { position, timeoutMs });
          } catch {
            log.warn('match_index_catch_up_failed');
          }
        },
      };
    },
  };
}
