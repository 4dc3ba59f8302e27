/**
 * A rate limit per caller (user or key; the address for anonymous calls), weighted by query
 * cost: each caller has a bucket of cost units that refills at a steady rate, and an operation
 * takes its cost from it before it runs. Refused with 429, RATE_LIMITED and when to retry. Held
 * in this instance's memory: with several instances each enforces its own share.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { log } from '../../kernel/logger';
import type { RequestContext } from '../context';

export interface RateLimitOptions {
  /** Cost units a caller may spend at once. */
  burst: number;
  /** Cost units returned a second. */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 50_000, perSecond: 2_000 };

/** Buckets not touched for this long are forgotten (they would be full anyway). */
const FORGET_AFTER_MS = 10 * 60_000;

export class CostRateLimiter {
  private readonly buckets = new Map<string, { units: number; at: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Takes `cost` units from the caller's bucket; returns the seconds to wait when it cannot. */
  take(caller: string, cost: number, now = Date.now()): number | null {
    const bucket = this.buckets.get(caller) ?? { units: this.options.burst, at: now };
    bucket.units = Math.min(
      this.options.burst,
      bucket.units + ((now - bucket.at) / 1000) * this.options.perSecond,
    );
    bucket.at = now;
    this.buckets.set(caller, bucket);
    if (this.buckets.size > 10_000) this.forget(now);
    if (bucket.units >= cost) {
      bucket.units -= cost;
      return null;
    }
    return Math.ceil((cost - bucket.units) / this.options.perSecond);
  }

  private forget(now: number): void {
    for (const [caller, bucket] of this.buckets)
      if (now - bucket.at > FORGET_AFTER_MS) this.buckets.delete(caller);
  }
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
          const wait = limiter.take(caller, cost);
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
