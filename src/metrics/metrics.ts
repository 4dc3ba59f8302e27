/**
 * The service's Prometheus metrics, one registry per running app (tests start several in one
 * process). Labels are bounded and never personal: an operation is a root field of the schema
 * (else "other"), a role, a source, a status or a direction; never an id, a name or free text.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SourceReport } from '../external/external-vacancy';

export type RankingDirection = 'vacancy' | 'jobseeker' | 'explain';

/** What the match service reports about each ranking it computes. */
export interface RankingObserver {
  ranked(direction: RankingDirection, seconds: number): void;
  sourcesAnswered(reports: SourceReport[]): void;
}

export const NO_RANKING_OBSERVER: RankingObserver = {
  ranked: () => undefined,
  sourcesAnswered: () => undefined,
};

/** Read at scrape time from the running app. */
export interface MetricsSources {
  matchIndex(): { ready: boolean; jobseekers: number; vacancies: number; appliedChangeId: number };
  /** The newest change-feed id committed (cheap: the primary key's last entry). */
  newestChangeId(): Promise<number>;
  pool(): { total: number; idle: number; waiting: number } | null;
  paramsVersion: string;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const RANKING_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
/** A scrape never waits longer than this for the database. */
const SCRAPE_QUERY_TIMEOUT_MS = 1_000;

export class Metrics implements RankingObserver {
  readonly registry = new Registry();
  private readonly requestDuration: Histogram<'operation' | 'outcome'>;
  private readonly rankingDuration: Histogram<'direction'>;
  private readonly rateLimitRefusals: Counter<'role'>;
  private readonly sourceAnswers: Counter<'source' | 'status'>;
  private readonly sourceStatus: Gauge<'source' | 'status'>;
  private readonly statusesSeen = new Map<string, Set<string>>();

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new Histogram({
      name: 'osaamo_graphql_request_duration_seconds',
      help: 'GraphQL requests by operation (the root field of the schema; "other" for anything else) and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.rankingDuration = new Histogram({
      name: 'osaamo_ranking_duration_seconds',
      help: 'Time to rank from the in-memory index (vacancy: people for a vacancy; jobseeker: vacancies for a person; explain: one pair).',
      labelNames: ['direction'],
      buckets: RANKING_BUCKETS,
      registers,
    });
    this.rateLimitRefusals = new Counter({
      name: 'osaamo_rate_limit_refusals_total',
      help: 'Operations refused by the rate limit (429), by the caller role.',
      labelNames: ['role'],
      registers,
    });
    this.sourceAnswers = new Counter({
      name: 'osaamo_external_source_answers_total',
      help: 'Answers of the outside sources (Job Market Finland, EURES) by status, when asked or not configured.',
      labelNames: ['source', 'status'],
      registers,
    });
    this.sourceStatus = new Gauge({
      name: 'osaamo_external_source_status',
      help: "1 for each outside source's most recent status, 0 for its other statuses seen.",
      labelNames: ['source', 'status'],
      registers,
    });
    new Gauge({
      name: 'osaamo_match_params_info',
      help: 'The matching parameter set in use (version: a hash of the MatchParams), always 1.',
      labelNames: ['version'],
      registers,
    }).set({ version: sources.paramsVersion }, 1);

    new Gauge({
      name: 'osaamo_match_index_entries',
      help: "Entries in this instance's match index, by kind.",
      labelNames: ['kind'],
      registers,
      collect() {
        const state = sources.matchIndex();
        this.set({ kind: 'jobseeker' }, state.jobseekers);
        this.set({ kind: 'vacancy' }, state.vacancies);
      },
    });
    new Gauge({
      name: 'osaamo_match_index_ready',
      help: '1 when the match index is built and serving.',
      registers,
      collect() {
        this.set(sources.matchIndex().ready ? 1 : 0);
      },
    });
    new Gauge({
      name: 'osaamo_match_feed_applied_id',
      help: 'The last change-feed id (match_change) this instance applied.',
      registers,
      collect() {
        this.set(sources.matchIndex().appliedChangeId);
      },
    });
    // Newest id and lag come from one query per scrape, shared by both gauges.
    let newest: Promise<number | null> | undefined;
    const readNewest = () =>
      (newest ??= withTimeout(sources.newestChangeId(), SCRAPE_QUERY_TIMEOUT_MS)
        .catch(() => null)
        .finally(() => setImmediate(() => (newest = undefined))));
    new Gauge({
      name: 'osaamo_match_feed_lag',
      help: 'Changes committed to the feed that this instance has not applied yet (absent when the database did not answer).',
      registers,
      async collect() {
        const id = await readNewest();
        this.reset();
        if (id !== null) this.set(Math.max(0, id - sources.matchIndex().appliedChangeId));
      },
    });
    new Gauge({
      name: 'osaamo_database_up',
      help: '1 when the database answered the scrape’s query within 1 s.',
      registers,
      async collect() {
        this.set((await readNewest()) === null ? 0 : 1);
      },
    });
    new Gauge({
      name: 'osaamo_db_pool_connections',
      help: 'Database pool connections by state (total, idle) and callers waiting for one (waiting).',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = sources.pool();
        this.reset();
        if (!pool) return;
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
  }

  observeRequest(operation: string, outcome: 'ok' | 'error', seconds: number): void {
    this.requestDuration.observe({ operation, outcome }, seconds);
  }

  rateLimited(role: string): void {
    this.rateLimitRefusals.inc({ role });
  }

  ranked(direction: RankingDirection, seconds: number): void {
    this.rankingDuration.observe({ direction }, seconds);
  }

  sourcesAnswered(reports: SourceReport[]): void {
    for (const r of reports) {
      if (!r.asked && r.status !== 'NOT_CONFIGURED') continue;
      this.sourceAnswers.inc({ source: r.source, status: r.status });
      // The statuses seen before drop to 0; only statuses seen get a series.
      const seen = this.statusesSeen.get(r.source) ?? new Set<string>();
      seen.add(r.status);
      this.statusesSeen.set(r.source, seen);
      for (const status of seen)
        this.sourceStatus.set({ source: r.source, status }, status === r.status ? 1 : 0);
    }
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
