// Owns tables external_vacancy and external_search (the outside cache): every statement on them is here.
/**
 * The external vacancy cache in PostgreSQL. A search is fresh for `freshSeconds`; after that it
 * is asked again, and while its source is down the old answer is served as STALE for up to
 * `staleSeconds`. Expired vacancies, those a source reports removed and those no cached search
 * names any more are deleted. Only whole, parsed answers are written, in one transaction.
 */
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ExternalQuery, ExternalSource, ExternalVacancy } from './external-vacancy';

export interface CacheOptions {
  freshSeconds: number;
  staleSeconds: number;
}

export interface CachedSearch {
  vacancies: ExternalVacancy[];
  fresh: boolean;
}

type StoredVacancy = Omit<ExternalVacancy, 'publishedAt' | 'expiresAt'> & {
  publishedAt: string;
  expiresAt: string;
};

export class ExternalCache {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: CacheOptions,
  ) {}

  /** A stable key of a query: the same profile asks the same question. */
  static keyOf(query: ExternalQuery): string {
    const canonical = JSON.stringify(
      Object.entries(query)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v]),
    );
    return createHash('sha256').update(canonical).digest('hex');
  }

  /** The cached answer if it is still usable (fresh or within the stale window), else null. */
  async read(source: ExternalSource, key: string): Promise<CachedSearch | null> {
    const [search]: { age_seconds: number; external_ids: string[] }[] = await this.dataSource.query(
      `SELECT extract(epoch FROM now() - fetched_at)::float8 AS age_seconds, external_ids
       FROM external_search WHERE source = $1 AND query_key = $2 AND fetched_at > now() - make_interval(secs => $3)`,
      [source, key, this.options.staleSeconds],
    );
    if (!search) return null;
    const rows: { data: StoredVacancy }[] = await this.dataSource.query(
      `SELECT data FROM external_vacancy WHERE source = $1 AND external_id = ANY($2) AND expires_at > now()`,
      [source, search.external_ids],
    );
    return {
      vacancies: rows.map((r) => revive(r.data)),
      fresh: search.age_seconds < this.options.freshSeconds,
    };
  }

  /** One cached vacancy, unless it has expired. */
  async get(source: ExternalSource, externalId: string): Promise<ExternalVacancy | null> {
    const [row]: { data: StoredVacancy }[] = await this.dataSource.query(
      `SELECT data FROM external_vacancy WHERE source = $1 AND external_id = $2 AND expires_at > now()`,
      [source, externalId],
    );
    return row ? revive(row.data) : null;
  }

  /** Stores one whole answer: the vacancies, the search that found them, removals. */
  async write(
    source: ExternalSource,
    key: string,
    vacancies: ExternalVacancy[],
    removedIds: string[],
  ): Promise<void> {
    const live = vacancies.filter((v) => v.expiresAt.getTime() > Date.now());
    await this.dataSource.transaction(async (manager) => {
      if (live.length) {
        await manager.query(
          `INSERT INTO external_vacancy (source, external_id, data, fetched_at, expires_at)
           SELECT $1, v.external_id, v.data, now(), v.expires_at
           FROM jsonb_to_recordset($2::jsonb) AS v(external_id text, data jsonb, expires_at timestamptz)
           ON CONFLICT (source, external_id) DO UPDATE
             SET data = excluded.data, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
          [
            source,
            JSON.stringify(
              live.map((v) => ({ external_id: v.externalId, data: v, expires_at: v.expiresAt })),
            ),
          ],
        );
      }
      await manager.query(
        `INSERT INTO external_search (source, query_key, external_ids, fetched_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (source, query_key) DO UPDATE SET external_ids = excluded.external_ids, fetched_at = excluded.fetched_at`,
        [source, key, live.map((v) => v.externalId)],
      );
      if (removedIds.length) {
        await manager.query(
          `DELETE FROM external_vacancy WHERE source = $1 AND external_id = ANY($2)`,
          [source, removedIds],
        );
      }
    });
  }

  /**
   * Deletes what may no longer be kept: searches past the stale window, vacancies past their
   * expiry, and vacancies that no cached search names (a removed ad drops out of its searches).
   */
  async purge(): Promise<{ searches: number; vacancies: number }> {
    // Counted through a CTE: TypeORM returns a DELETE's rows in another shape than a SELECT's.
    return this.dataSource.transaction(async (manager) => {
      const [searches]: { n: number }[] = await manager.query(
        `WITH d AS (DELETE FROM external_search WHERE fetched_at <= now() - make_interval(secs => $1) RETURNING 1)
         SELECT count(*)::int AS n FROM d`,
        [this.options.staleSeconds],
      );
      const [vacancies]: { n: number }[] = await manager.query(
        `WITH d AS (DELETE FROM external_vacancy v WHERE v.expires_at <= now()
           OR NOT EXISTS (SELECT 1 FROM external_search s WHERE s.source = v.source AND v.external_id = ANY(s.external_ids))
         RETURNING 1)
         SELECT count(*)::int AS n FROM d`,
      );
      return { searches: searches!.n, vacancies: vacancies!.n };
    });
  }
}

function revive(stored: StoredVacancy): ExternalVacancy {
  return {
    ...stored,
    publishedAt: new Date(stored.publishedAt),
    expiresAt: new Date(stored.expiresAt),
  };
}
