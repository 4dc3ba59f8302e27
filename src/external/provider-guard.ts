/**
 * Resilience around one provider (cockatiel 3; version 4 needs Node 22): a rate limit, a pause
 * when the provider asks for one (Retry-After), a circuit breaker, retries with exponential
 * backoff and jitter (for timeouts, 429 and 5xx only: every call here is a search), a timeout per
 * attempt, and a bulkhead shared by all providers on concurrent outbound calls. Everything
 * stays within the caller's deadline; a failure becomes a SourceStatus, never an exception.
 */
import {
  BrokenCircuitError,
  BulkheadPolicy,
  BulkheadRejectedError,
  circuitBreaker,
  CircuitBreakerPolicy,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  IsolatedCircuitError,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { log } from '../kernel/logger';
import { SourceStatus } from './external-vacancy';
import { HttpStatusError } from './http-client';

export interface GuardOptions {
  /** Longest a single attempt may take (always cut to what is left of the budget). */
  attemptTimeoutMs: number;
  /** Retries after the first attempt (cockatiel counts retries, not attempts). */
  retries: number;
  /** Consecutive failures that open the circuit, and how long it stays open. */
  breakerFailures: number;
  breakerOpenMs: number;
  /** Calls a second to this provider, with bursts up to `rateBurst`. */
  ratePerSecond: number;
  rateBurst: number;
}

export const DEFAULT_GUARD_OPTIONS: GuardOptions = {
  attemptTimeoutMs: 2000,
  retries: 1,
  breakerFailures: 5,
  breakerOpenMs: 30_000,
  ratePerSecond: 5,
  rateBurst: 10,
};

/** Why a guarded call gave no answer. */
export class GuardedCallFailed extends Error {
  constructor(
    readonly status: SourceStatus,
    readonly reason?: unknown,
  ) {
    super(status);
    this.name = 'GuardedCallFailed';
  }
}

/** Not a fault of the provider's health: no reason to open the circuit for these. */
const isRateLimit = (e: Error) => e instanceof HttpStatusError && e.status === 429;

export class ProviderGuard {
  private readonly breaker: CircuitBreakerPolicy;
  private pausedUntil = 0;
  private tokens: number;
  private tokensAt = Date.now();

  constructor(
    readonly name: string,
    private readonly options: GuardOptions,
    private readonly bulkhead: BulkheadPolicy,
  ) {
    this.tokens = options.rateBurst;
    this.breaker = circuitBreaker(
      handleWhen((e) => !isRateLimit(e)),
      {
        halfOpenAfter: options.breakerOpenMs,
        breaker: new ConsecutiveBreaker(options.breakerFailures),
      },
    );
    this.breaker.onBreak(() => log.warn('external_circuit_open', { provider: name }));
    this.breaker.onReset(() => log.info('external_circuit_closed', { provider: name }));
  }

  /** Runs `call` under every policy, by `deadline` (epoch ms); throws GuardedCallFailed. */
  async run<T>(call: (signal: AbortSignal) => Promise<T>, deadline: number): Promise<T> {
    const now = Date.now();
    if (now < this.pausedUntil) throw new GuardedCallFailed(SourceStatus.RATE_LIMITED);
    if (!this.takeToken(now)) throw new GuardedCallFailed(SourceStatus.RATE_LIMITED);
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(), Math.max(0, deadline - now));
    try {
      const attempt = timeout(
        Math.max(1, Math.min(this.options.attemptTimeoutMs, deadline - now)),
        TimeoutStrategy.Aggressive,
      );
      const retries = retry(
        handleWhen(
          (e) =>
            e instanceof TaskCancelledError ||
            (e instanceof HttpStatusError && e.retryable && !this.pausesBeyond(e, deadline)),
        ),
        {
          maxAttempts: this.options.retries,
          backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 400 }),
        },
      );
      return await wrap(this.bulkhead, retries, this.breaker, attempt).execute(
        ({ signal }) => call(signal),
        budget.signal,
      );
    } catch (error) {
      throw new GuardedCallFailed(this.statusOf(error, budget.signal.aborted), error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A Retry-After longer than what is left of the budget pauses this provider until then. */
  private pausesBeyond(error: HttpStatusError, deadline: number): boolean {
    if (error.status !== 429 || error.retryAfterMs === null) return false;
    const until = Date.now() + error.retryAfterMs;
    if (until <= deadline) return false;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    log.warn('external_paused', { provider: this.name, retryAfterMs: error.retryAfterMs });
    return true;
  }

  private statusOf(error: unknown, budgetSpent: boolean): SourceStatus {
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError)
      return SourceStatus.CIRCUIT_OPEN;
    if (error instanceof HttpStatusError && error.status === 429) return SourceStatus.RATE_LIMITED;
    if (error instanceof TaskCancelledError || budgetSpent) return SourceStatus.TIMED_OUT;
    if (error instanceof BulkheadRejectedError) return SourceStatus.UNAVAILABLE;
    return SourceStatus.UNAVAILABLE;
  }

  private takeToken(now: number): boolean {
    this.tokens = Math.min(
      this.options.rateBurst,
      this.tokens + ((now - this.tokensAt) / 1000) * this.options.ratePerSecond,
    );
    this.tokensAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
