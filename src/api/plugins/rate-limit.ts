// Owns table rate_limit: rate-limiter-flexible's store configured here writes it, and purgeRateLimits below.
/**
 * A rate limit per caller (user or key; the address for anonymous calls), weighted by query
 * cost, and one limit across instances: the counts live in PostgreSQL (rate-limiter-flexible's
 * store, table `rate_limit`), so a caller spread over several instances gets one budget. Each
 * caller may spend `burst` cost units per window of `burst / perSecond` seconds (on average
 * `perSecond` a second). Refused with 429, RATE_LIMITED and when to retry.
 *
 * No request waits for the database but the first of a caller in a window on this instance:
 * after that, this instance decides from its view of the shared count (what the store last
 * answered, plus what it accepted since) and sends its spending behind the answer, one write at
 * a time per caller. Another instance's spending reaches the view with the next answer, so the
 * shared limit may be overrun by what the instances accept within one round trip.
 */
import { createHmac } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { log } from '../../kernel/logger';
import type { RequestContext } from '../context';

export interface RateLimitOptions {
  /** Cost units a caller may spend in one window. */
  burst: number;
  /** Cost units a second on average: a window lasts `burst / perSecond` seconds. */
  perSecond: number;
}

/**
 * A caller may use about 1.5 s of the server's thread at once and about 7 % of one core over
 * time (units: query-limits.ts): a counsellor's customer (~4,100 units in npm run bench:cost)
 * or an employer's vacancy (~8,500) never waits; an integrator syncing pages of 100 matches
 * with every list keeps under one page a second.
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 100_000, perSecond: 5_000 };

/** The store's table (migration RateLimit1796070000000): rate-limiter-flexible's layout. */
export const RATE_LIMIT_TABLE = 'rate_limit';

/** What this instance knows of a caller's spending in the current window. */
interface View {
  /** The shared count the store last answered, plus what this instance accepted since. */
  used: number;
  resetAt: number;
  /** Accepted here and not yet sent to the store. */
  unsent: number;
  sending: boolean;
}

/** Views are dropped once their window is over, when there are this many. */
const MAX_VIEWS = 10_000;

export class CostRateLimiter {
  private readonly store: RateLimiterPostgres;
  private readonly views = new Map<string, View>();

  constructor(
    private readonly options: RateLimitOptions,
    dataSource: DataSource,
    /** Keys the store's rows: the table never holds a user id or an address. */
    private readonly keySecret: string,
  ) {
    const limit = {
      points: options.burst,
      duration: Math.max(1, Math.ceil(options.burst / options.perSecond)),
    };
    this.store = new RateLimiterPostgres({
      ...limit,
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: RATE_LIMIT_TABLE,
      keyPrefix: 'cost',
      // The table is a migration's; its purge is a job (src/jobs), not a timer of the library's.
      tableCreated: true,
      clearExpiredByTimeout: false,
      // Should the database fail, each instance limits on its own until it is back.
      insuranceLimiter: new RateLimiterMemory(limit),
    });
  }

  /**
   * Spends `cost` units of the caller's budget; returns the seconds to wait when the budget
   * cannot pay it (and then spends nothing).
   */
  async take(caller: string, cost: number, now = Date.now()): Promise<number | null> {
    const key = createHmac('sha256', this.keySecret).update(caller).digest('hex').slice(0, 32);
    const view = this.views.get(key);
    if (!view || now >= view.resetAt) return this.takeFirst(key, cost, now);
    if (view.used + cost > this.options.burst) return this.wait(view, now);
    view.used += cost;
    view.unsent += cost;
    if (!view.sending) void this.send(key, view);
    return null;
  }

  /** The first call of a caller in a window here: asks the store, atomically. */
  private async takeFirst(key: string, cost: number, now: number): Promise<number | null> {
    const answer = await this.consume(key, cost);
    if (this.views.size >= MAX_VIEWS) this.forget(now);
    const view = this.viewFrom(answer, now);
    this.views.set(key, view);
    if (answer.consumedPoints <= this.options.burst) return null;
    // Refused: what it would have spent goes back.
    view.used -= cost;
    this.store.reward(key, cost).catch(() => log.warn('rate_limit_store_failed'));
    return this.wait(view, now);
  }

  /** Sends what this instance accepted, one write at a time; each answer refreshes the view. */
  private async send(key: string, view: View): Promise<void> {
    view.sending = true;
    try {
      while (view.unsent > 0) {
        const amount = view.unsent;
        view.unsent = 0;
        const answer = await this.consume(key, amount);
        view.used = answer.consumedPoints + view.unsent;
        view.resetAt = Date.now() + answer.msBeforeNext;
      }
    } catch {
      // The view keeps what this instance accepted; the next window asks the store again.
      log.warn('rate_limit_store_failed');
    } finally {
      view.sending = false;
    }
  }

  /** The store's count after spending `points`; over the budget is an answer too. */
  private consume(key: string, points: number): Promise<RateLimiterRes> {
    return this.store.consume(key, points).catch((answer: unknown) => {
      if (answer instanceof RateLimiterRes) return answer;
      throw answer;
    });
  }

  private viewFrom(answer: RateLimiterRes, now: number): View {
    return {
      used: answer.consumedPoints,
      resetAt: now + answer.msBeforeNext,
      unsent: 0,
      sending: false,
    };
  }

  private wait(view: View, now: number): number {
    return Math.max(1, Math.ceil((view.resetAt - now) / 1000));
  }

  private forget(now: number): void {
    for (const [key, view] of this.views)
      if (now >= view.resetAt && !view.sending) this.views.delete(key);
  }
}

/** Deletes the store's rows whose window ended over an hour ago (a job, src/jobs). */
export async function purgeRateLimits(dataSource: DataSource): Promise<void> {
  // The table named in the text, so that the layout test of table owners sees this write.
  await dataSource.query(`DELETE FROM rate_limit WHERE expire < $1`, [Date.now() - 3_600_000]);
}

/** Runs after the cost plugin, which puts the operation's cost on the request. */
export function rateLimitPlugin(
  limiter: CostRateLimiter,
  /** Told the role of each caller refused (the metrics count them). */
  onRefused: (role: string) => void = () => undefined,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          const caller = contextValue.actor
            ? `${contextValue.actor.role}:${contextValue.actor.id}`
            : `address:${contextValue.request.address ?? 'unknown'}`;
          const cost = contextValue.request.cost ?? 1;
          const wait = await limiter.take(caller, cost);
          if (wait === null) return;
          onRefused(contextValue.actor?.role ?? 'anonymous');
          log.warn('rate_limited', {
            role: contextValue.actor?.role ?? 'anonymous',
            cost,
            retryAfterSeconds: wait,
          });
          throw new GraphQLError(`Too many requests: try again in ${wait} s`, {
            extensions: {
              code: 'RATE_LIMITED',
              retryAfterSeconds: wait,
              http: { status: 429, headers: new Map([['retry-after', String(wait)]]) },
            },
          });
        },
      };
    },
  };
}
