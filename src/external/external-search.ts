/**
 * Asks the outside sources for vacancies, all in parallel and within one time budget: a fresh
 * cached answer first, else the provider under its guard; when that fails, a stale cached
 * answer if there is one. A failing source never fails the search; it reports its status.
 */
import { withStorableText } from '../kernel/validation/text-problem';
import { bulkhead } from 'cockatiel';
import { log } from '../kernel/logger';
import { ExternalCache } from './external-cache';
import {
  ExternalQuery,
  ExternalSource,
  ExternalVacancy,
  ProviderResult,
  SourceReport,
  SourceStatus,
  VacancyProvider,
} from './external-vacancy';
import { GuardedCallFailed, GuardOptions, ProviderGuard } from './provider-guard';

export interface ExternalSearchResult {
  vacancies: ExternalVacancy[];
  reports: SourceReport[];
}

/** Outbound calls in flight at once, over all providers, and how many may wait for a slot. */
const OUTBOUND_CONCURRENCY = 8;
const OUTBOUND_QUEUE = 16;

export class ExternalSearch {
  private readonly guards = new Map<ExternalSource, ProviderGuard>();
  /** Identical questions in flight at once share one outbound call (a counsellor's double click, two tabs). */
  private readonly inFlight = new Map<string, Promise<ProviderResult>>();

  constructor(
    private readonly providers: VacancyProvider[],
    private readonly cache: ExternalCache,
    guardOptions: GuardOptions,
    /** Fills in what the sources leave out (skills from the text) before anything is cached. */
    private readonly enrich: (vacancies: ExternalVacancy[]) => Promise<void> = async () => {},
  ) {
    const shared = bulkhead(OUTBOUND_CONCURRENCY, OUTBOUND_QUEUE);
    for (const p of providers)
      this.guards.set(p.source, new ProviderGuard(p.source, guardOptions, shared));
  }

  /** Every provider gets a report: NOT_NEEDED for those not in `wanted`. */
  async find(
    query: ExternalQuery,
    wanted: ReadonlySet<ExternalSource>,
    budgetMs: number,
  ): Promise<ExternalSearchResult> {
    const deadline = Date.now() + budgetMs;
    const answers = await Promise.all(
      this.providers.map((p) =>
        wanted.has(p.source)
          ? this.ask(p, query, deadline)
          : Promise.resolve({
              vacancies: [],
              report: report(p.source, false, 0, SourceStatus.NOT_NEEDED),
            }),
      ),
    );
    return {
      vacancies: answers.flatMap((a) => a.vacancies),
      reports: answers.map((a) => a.report),
    };
  }

  private shared(key: string, call: () => Promise<ProviderResult>): Promise<ProviderResult> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = call().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async ask(
    provider: VacancyProvider,
    query: ExternalQuery,
    deadline: number,
  ): Promise<{ vacancies: ExternalVacancy[]; report: SourceReport }> {
    const source = provider.source;
    if (!provider.configured)
      return { vacancies: [], report: report(source, false, 0, SourceStatus.NOT_CONFIGURED) };
    const key = ExternalCache.keyOf(query);
    const cached = await this.cache.read(source, key).catch(() => null);
    if (cached?.fresh)
      return {
        vacancies: cached.vacancies,
        report: report(source, true, cached.vacancies.length, SourceStatus.OK, true),
      };
    try {
      const answer = await this.shared(`${source}:${key}`, async () => {
        // An ad holding a NUL or a lone surrogate would fail the cache write on PostgreSQL.
        const result = withStorableText(
          await this.guards.get(source)!.run((signal) => provider.search(query, signal), deadline),
        );
        await this.enrich(result.vacancies);
        return result;
      });
      // Written before answering, so that a second instance asking the same finds it; a cache
      // failure costs the cache, not the answer.
      await this.cache
        .write(source, key, answer.vacancies, answer.removedIds)
        .catch((error) => log.warn('external_cache_write_failed', { source, error: `${error}` }));
      return {
        vacancies: answer.vacancies,
        report: report(source, true, answer.vacancies.length, SourceStatus.OK),
      };
    } catch (error) {
      const status = error instanceof GuardedCallFailed ? error.status : SourceStatus.UNAVAILABLE;
      log.warn('external_source_failed', {
        source,
        status,
        cause:
          error instanceof GuardedCallFailed ? `${error.reason ?? ''}`.slice(0, 200) : `${error}`,
      });
      if (cached)
        return {
          vacancies: cached.vacancies,
          report: report(source, true, cached.vacancies.length, SourceStatus.STALE, true),
        };
      return { vacancies: [], report: report(source, true, 0, status) };
    }
  }
}

function report(
  source: ExternalSource,
  asked: boolean,
  returned: number,
  status: SourceStatus,
  fromCache = false,
): SourceReport {
  return { source, asked, returned, status, fromCache };
}
