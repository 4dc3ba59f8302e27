import { DataSource } from 'typeorm';
import type { ExternalCache } from '../external/external-cache';
import type { VacancyService } from '../vacancies/vacancy.service';
import { purgeIdempotencyKeys } from '../api/plugins/idempotency';
import { purgeRateLimits } from '../api/plugins/rate-limit';
import type { MatchIndex } from '../matches/match-index';
import type { MatchService } from '../matches/match.service';
import type { TaxonomySearchService } from '../taxonomy/taxonomy-search.service';
import type { ProfileTransferService } from '../profile-transfers/profile-transfer.service';
import { Job } from './job';
import { nationalSyncJobs, NationalSyncJobDeps } from './national-sync-job';

/** Housekeeping that every instance may do (each is idempotent). */
export const HOUSEKEEPING_MS = 30_000;
/** How often the rate limit's ended windows are deleted. */
export const RATE_LIMIT_PURGE_MS = 5 * 60_000;
/** How often the match index looks at the change feed without being woken. */
export const CHANGE_POLL_MS = 5_000;
/** How often the compaction job looks whether the index is due and the changes have paused. */
export const COMPACTION_TICK_MS = 250;

export interface ServiceJobsDeps {
  dataSource: DataSource;
  taxonomySearch: Pick<TaxonomySearchService, 'refresh'>;
  matches: Pick<MatchService, 'taxonomyChanged' | 'index'>;
  vacancies: Pick<VacancyService, 'closeExpired'>;
  externalCache: Pick<ExternalCache, 'purge'>;
  /** The change feed's poll: `CHANGE_POLL_MS`, or `feedPollMs` for an index following a standby. */
  feedPollMs: number;
  /** The national sync, when Job Market Finland is configured. */
  nationalSync?: NationalSyncJobDeps;
  profileTransfers: Pick<ProfileTransferService, 'expireStale'>;
}

/** The service's periodic work, by name. */
export function serviceJobs(deps: ServiceJobsDeps): Job[] {
  const { matches } = deps;
  return [
    {
      // Another process (npm run import:esco against the same PostgreSQL) may import a new taxonomy.
      name: 'taxonomy-refresh',
      intervalMs: HOUSEKEEPING_MS,
      run: async () => {
        if (await deps.taxonomySearch.refresh()) await matches.taxonomyChanged();
      },
    },
    {
      // Open vacancies close after their application deadline.
      name: 'close-expired-vacancies',
      intervalMs: HOUSEKEEPING_MS,
      run: () => deps.vacancies.closeExpired(),
    },
    {
      // Outside vacancies past their deadline or no longer listed must go (Job Market Finland's terms).
      name: 'external-cache-purge',
      intervalMs: HOUSEKEEPING_MS,
      run: () => deps.externalCache.purge(),
    },
    {
      name: 'idempotency-purge',
      intervalMs: HOUSEKEEPING_MS,
      run: () => purgeIdempotencyKeys(deps.dataSource),
    },
    {
      // A permit that did not come back in ten minutes never will: the transfer shows as expired.
      name: 'profile-transfer-expiry',
      intervalMs: HOUSEKEEPING_MS,
      run: () => deps.profileTransfers.expireStale(),
    },
    {
      name: 'rate-limit-purge',
      intervalMs: RATE_LIMIT_PURGE_MS,
      run: () => purgeRateLimits(deps.dataSource),
    },
    {
      // Other instances (and imports) write to the change feed; NOTIFY wakes the index, and this
      // poll covers what a notification cannot (a lost one, a standby, the embedded database).
      name: 'match-feed-poll',
      intervalMs: deps.feedPollMs,
      run: async () => {
        if (matches.index.ready) await matches.index.catchUp();
      },
    },
    matchIndexCompactionJob(matches.index),
    ...(deps.nationalSync ? nationalSyncJobs(deps.nationalSync) : []),
  ];
}

/** Compacts the match index in the background, never inside a query (a query waits for its replay only). */
export function matchIndexCompactionJob(
  index: Pick<MatchIndex, 'compactWhenQuiet'>,
  tickMs = COMPACTION_TICK_MS,
): Job {
  return {
    name: 'match-index-compaction',
    intervalMs: tickMs,
    run: () => index.compactWhenQuiet(),
  };
}
