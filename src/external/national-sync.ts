// Owns national_vacancy and national_sync_state.
/**
 * Keeps Job Market Finland's vacancies of the configured area in PostgreSQL (national_vacancy),
 * as the P67 interface is meant to be used ([C1] [C2] of the contract): a full pull first and
 * nightly, then the changes since a watermark, and an ARCHIVED pass for removals. A function the
 * jobs module calls on a schedule (on one instance: it takes no lock of its own).
 *
 * - The watermark is the largest `metadata.lastModified` of the last complete run; each window
 *   is re-read from the watermark less an overlap, so a time stamp read in the wrong zone (no
 *   source says which zone a stamp without one is in) or an ad saved late is not missed.
 * - Upserts are idempotent, and a row whose record did not change is not written at all.
 * - A stream cut off midway (there is no end marker) keeps what it delivered, but never moves
 *   the watermark and never implies deletions: only a complete full pull removes ads it did not
 *   name, and only archived records remove ads otherwise.
 */
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { DataSource } from 'typeorm';
import { P67Filters } from '../../fixtures/external/p67-job-posting.contract';
import { ExternalVacancy } from './external-vacancy';
import { NationalRunReport } from './national-coverage';
import { NationalRecord } from './providers/national-posting';
import { NationalProvider } from './providers/national-provider';

/** How far before the watermark a window starts again (default 4 h: Finland is UTC+2/+3). */
export const DEFAULT_SYNC_OVERLAP_MS = 4 * 3_600_000;
/** Rows written a statement. */
const BATCH = 500;
const STATE = 'national';
/** The row that remembers the last full pull (the nightly schedule asks when it was). */
const FULL_STATE = 'national:full';

export interface NationalSyncOptions {
  overlapMs?: number;
  /** The area kept (the commute area's municipalities or regions); all Finland when empty. */
  municipalityIn?: string[];
  regionIn?: string[];
  /** Fills in what the ads leave out (skills from the text) before a batch is written. */
  enrich?: (vacancies: ExternalVacancy[]) => Promise<void>;
}

export type NationalSyncKind = (typeof DOMAIN_VALUES.syncKind)[number];

export interface NationalSyncResult {
  kind: NationalSyncKind;
  /** Each stream's report (published, then archived for an incremental run). */
  reports: NationalRunReport[];
  /** Rows inserted or changed; unchanged records are not written. */
  written: number;
  deleted: number;
  complete: boolean;
  watermark: Date | null;
}

export class NationalSync {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: NationalProvider,
    private readonly options: NationalSyncOptions = {},
  ) {}

  async watermark(): Promise<Date | null> {
    const [row]: { watermark: Date | null }[] = await this.dataSource.query(
      `SELECT watermark FROM national_sync_state WHERE name = $1`,
      [STATE],
    );
    return row?.watermark ? new Date(row.watermark) : null;
  }

  /** The last run recorded (by any instance): when it ended, its kind, whether whole, records read. */
  async lastRun(): Promise<{
    at: Date;
    kind: NationalSyncKind;
    complete: boolean;
    recordsRead: number;
  } | null> {
    const [row]: {
      last_run_at: Date | null;
      last_kind: NationalSyncKind;
      last_complete: boolean;
      last_report: NationalRunReport[] | null;
    }[] = await this.dataSource.query(
      `SELECT last_run_at, last_kind, last_complete, last_report FROM national_sync_state WHERE name = $1`,
      [STATE],
    );
    if (!row?.last_run_at) return null;
    return {
      at: new Date(row.last_run_at),
      kind: row.last_kind,
      complete: row.last_complete,
      recordsRead: (row.last_report ?? []).reduce((n, r) => n + r.ads + r.archived, 0),
    };
  }

  /** When the last full pull ended (complete or cut off), or null if none has. */
  async lastFullAt(): Promise<Date | null> {
    const [row]: { last_run_at: Date | null }[] = await this.dataSource.query(
      `SELECT last_run_at FROM national_sync_state WHERE name = $1`,
      [FULL_STATE],
    );
    return row?.last_run_at ? new Date(row.last_run_at) : null;
  }

  /** The whole published set of the area: upserts, then (if complete) deletes what it lacked. */
  async full(signal: AbortSignal): Promise<NationalSyncResult> {
    const seen = new Set<string>();
    const writer = this.writer();
    const report = await this.provider.pull(
      { onlyStatus: 'PUBLISHED', ...this.area() },
      signal,
      async (record) => {
        seen.add(record.externalId);
        await writer.add(record);
      },
    );
    await writer.flush();
    let deleted = writer.deleted;
    if (report.complete) {
      // A complete full pull names every open ad: the rest are gone, and so are expired ones.
      const result: { n: number }[] = await this.dataSource.query(
        `WITH gone AS (DELETE FROM national_vacancy
           WHERE NOT (external_id = ANY($1)) OR expires_at <= now() RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [[...seen]],
      );
      deleted += result[0]!.n;
    }
    return this.finish('full', [report], writer.written, deleted, report.maxLastModified);
  }

  /** Changes since the watermark (less the overlap), then the archived pass; full if none yet. */
  async incremental(signal: AbortSignal): Promise<NationalSyncResult> {
    const watermark = await this.watermark();
    if (!watermark) return this.full(signal);
    const from = new Date(
      watermark.getTime() - (this.options.overlapMs ?? DEFAULT_SYNC_OVERLAP_MS),
    ).toISOString();
    const writer = this.writer();
    const published = await this.provider.pull(
      { onlyStatus: 'PUBLISHED', modified: { from }, ...this.area() },
      signal,
      (record) => writer.add(record),
    );
    const archived = await this.provider.pull(
      { onlyStatus: 'ARCHIVED', archived: { from }, ...this.area() },
      signal,
      (record) => writer.add(record),
    );
    await writer.flush();
    const newest = [published.maxLastModified, archived.maxLastModified, watermark].reduce(
      (a, b) => (b && (!a || b > a) ? b : a),
    );
    return this.finish(
      'incremental',
      [published, archived],
      writer.written,
      writer.deleted,
      newest,
    );
  }

  private area(): Pick<P67Filters, 'municipalityIn' | 'regionIn'> {
    return {
      ...(this.options.municipalityIn?.length
        ? { municipalityIn: this.options.municipalityIn }
        : {}),
      ...(this.options.regionIn?.length ? { regionIn: this.options.regionIn } : {}),
    };
  }

  /** Buffers records and writes them a batch at a time: upserts, and deletions of archived ads. */
  private writer() {
    const upserts: ExternalVacancy[] = [];
    const lastModified = new Map<string, Date | null>();
    const removals: string[] = [];
    const state = { written: 0, deleted: 0 };
    const flush = async () => {
      if (upserts.length) {
        const batch = upserts.splice(0);
        await this.options.enrich?.(batch);
        const rows = batch.map((v) => ({
          external_id: v.externalId,
          data: v,
          last_modified: lastModified.get(v.externalId) ?? null,
          expires_at: v.expiresAt,
        }));
        lastModified.clear();
        const result: { n: number }[] = await this.dataSource.query(
          `WITH written AS (
             INSERT INTO national_vacancy (external_id, data, last_modified, expires_at)
             SELECT v.external_id, v.data, v.last_modified, v.expires_at
             FROM jsonb_to_recordset($1::jsonb)
               AS v(external_id text, data jsonb, last_modified timestamptz, expires_at timestamptz)
             ON CONFLICT (external_id) DO UPDATE
               SET data = excluded.data, last_modified = excluded.last_modified,
                   expires_at = excluded.expires_at, synced_at = now()
               WHERE national_vacancy.data IS DISTINCT FROM excluded.data
             RETURNING 1)
           SELECT count(*)::int AS n FROM written`,
          [JSON.stringify(rows)],
        );
        state.written += result[0]!.n;
      }
      if (removals.length) {
        const result: { n: number }[] = await this.dataSource.query(
          `WITH gone AS (DELETE FROM national_vacancy WHERE external_id = ANY($1) RETURNING 1)
           SELECT count(*)::int AS n FROM gone`,
          [removals.splice(0)],
        );
        state.deleted += result[0]!.n;
      }
    };
    return {
      get written() {
        return state.written;
      },
      get deleted() {
        return state.deleted;
      },
      flush,
      async add(record: NationalRecord) {
        // An archived ad is an explicit removal, whether or not its stream ends whole.
        if (record.archived) removals.push(record.externalId);
        else if (record.vacancy) {
          upserts.push(record.vacancy);
          lastModified.set(record.externalId, record.lastModified);
        }
        if (upserts.length + removals.length >= BATCH) await flush();
      },
    };
  }

  private async finish(
    kind: NationalSyncKind,
    reports: NationalRunReport[],
    written: number,
    deleted: number,
    newest: Date | null,
  ): Promise<NationalSyncResult> {
    const complete = reports.every((r) => r.complete);
    const previous = await this.watermark();
    // Only a complete run moves the watermark, and never backwards.
    const watermark = complete && newest && (!previous || newest > previous) ? newest : previous;
    await this.dataSource.query(
      `INSERT INTO national_sync_state (name, watermark, last_run_at, last_kind, last_complete, last_report)
       VALUES ($1, $2, now(), $3, $4, $5)
       ON CONFLICT (name) DO UPDATE SET watermark = excluded.watermark, last_run_at = now(),
         last_kind = excluded.last_kind, last_complete = excluded.last_complete,
         last_report = excluded.last_report`,
      [STATE, watermark, kind, complete, JSON.stringify(reports)],
    );
    if (kind === 'full')
      await this.dataSource.query(
        `INSERT INTO national_sync_state (name, last_run_at, last_kind, last_complete)
         VALUES ($1, now(), 'full', $2)
         ON CONFLICT (name) DO UPDATE SET last_run_at = now(), last_complete = excluded.last_complete`,
        [FULL_STATE, complete],
      );
    return { kind, reports, written, deleted, complete, watermark };
  }
}
