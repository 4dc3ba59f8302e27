/**
 * Job Market Finland's job-posting search interface (P67 v2, fixtures/external/
 * p67-job-posting.contract.ts): `POST {base}/jobpostings` with the `KIPA-Subscription-Key`
 * header, one FiltersV2 body, and the whole result set streamed back as NDJSON, one posting a
 * line, with no paging and no end marker. Read a line at a time against the contract: a bad
 * line is skipped and counted, a cut-off stream is reported as such, and every run reports its
 * field coverage and fails loudly below the usable share. Its terms forbid passing the ads on
 * and require removed ads to go: archived postings come back as removals, and external
 * vacancies are shown to counsellors and jobseekers only, never to integrators.
 */
import {
  P67_FILTERS,
  P67_JOB_POSTING,
  P67_KEY_HEADER,
  P67_PATH,
  P67Filters,
} from '../../../fixtures/external/p67-job-posting.contract';
import {
  ExternalQuery,
  ExternalVacancy,
  ProviderResult,
  VacancyProvider,
} from '../external-vacancy';
import { MalformedPayloadError, postForStream } from '../http-client';
import {
  checkRun,
  countBadLine,
  countRecord,
  DEFAULT_MIN_USABLE_SHARE,
  emptyReport,
  NationalRunReport,
} from '../national-coverage';
import { readNdjsonLines } from '../ndjson-lines';
import { PlaceLocator } from '../places';
import { NationalRecord, OccupationGroups, readNationalRecord } from './national-posting';

export { P67_KEY_HEADER as SUBSCRIPTION_KEY_HEADER, P67_PATH as NATIONAL_POSTINGS_PATH };
/** How far back a search looks. */
const PUBLISHED_WITHIN_DAYS = 60;
/** A pull's limits: a full pull of all Finland (some 12,000 ads) is about 100–150 MB. */
export const DEFAULT_PULL_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_PULL_TIMEOUT_MS = 10 * 60_000;

export interface NationalConfig {
  baseUrl?: string;
  /** [D] the key KEHA issues, sent as `KIPA-Subscription-Key`. */
  subscriptionKey?: string;
  /**
   * A bearer token, sent only when one is configured: [D] names only the key, [C1] [S] report
   * a bearer JWT in the OpenAPI description.
   */
  token?: string;
  /** The largest answer a search reads (default 5 MB). */
  maxResponseBytes?: number;
  /** The largest stream a pull reads (default 512 MB). */
  pullMaxBytes?: number;
  /** The longest a pull may take (default 10 minutes). */
  pullTimeoutMs?: number;
  /** See DEFAULT_MIN_USABLE_SHARE. */
  minUsableShare?: number;
}

export class NationalProvider implements VacancyProvider {
  readonly source = 'national' as const;
  constructor(
    private readonly config: NationalConfig,
    private readonly places: PlaceLocator,
    /** An ESCO occupation's ISCO group from our import (the ads name occupations by URI). */
    private readonly groupOf: OccupationGroups = () => null,
  ) {}

  /** A base URL and the key: the documentation names no other credential. */
  get configured(): boolean {
    return Boolean(this.config.baseUrl && this.config.subscriptionKey);
  }

  headers(): Record<string, string> {
    return {
      [P67_KEY_HEADER]: this.config.subscriptionKey!,
      ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}),
      accept: 'application/x-ndjson',
    };
  }

  /** Published ads of the commute area and occupations; empty sets are left out. */
  requestBody(query: ExternalQuery, now = Date.now()): P67Filters {
    return P67_FILTERS.parse({
      onlyStatus: 'PUBLISHED',
      published: { from: new Date(now - PUBLISHED_WITHIN_DAYS * 86_400_000).toISOString() },
      ...(query.municipalityCodes.length ? { municipalityIn: query.municipalityCodes } : {}),
      ...(query.iscoGroups.length ? { occupationIscoIn: query.iscoGroups } : {}),
    });
  }

  async search(query: ExternalQuery, signal: AbortSignal): Promise<ProviderResult> {
    const vacancies: ExternalVacancy[] = [];
    const removedIds: string[] = [];
    const report = await this.pull(
      this.requestBody(query),
      signal,
      (record) => {
        if (record.archived) removedIds.push(record.externalId);
        else if (record.vacancy) vacancies.push(record.vacancy);
      },
      { maxBytes: this.config.maxResponseBytes },
    );
    // A search answers one question: a cut-off answer is no answer, and nothing of it is cached.
    if (!report.complete) throw new MalformedPayloadError(`Job Market Finland: ${report.cutOff}`);
    return { vacancies, removedIds };
  }

  /**
   * Streams one result set, handing on each record as it is read, and returns the run's report
   * (after logging its coverage; below the usable share it throws NationalContractError). A
   * cut-off stream is returned with `complete: false`: what was read is good, what is missing
   * is unknown.
   */
  async pull(
    filters: P67Filters,
    signal: AbortSignal,
    onRecord: (record: NationalRecord) => void | Promise<void>,
    limits: { maxBytes?: number; timeoutMs?: number } = {},
  ): Promise<NationalRunReport> {
    const body = P67_FILTERS.parse(filters);
    const timed = AbortSignal.any([
      signal,
      AbortSignal.timeout(limits.timeoutMs ?? this.config.pullTimeoutMs ?? DEFAULT_PULL_TIMEOUT_MS),
    ]);
    const stream = await postForStream(
      this.config.baseUrl!.replace(/\/$/, '') + P67_PATH,
      body,
      this.headers(),
      timed,
      limits.maxBytes ?? this.config.pullMaxBytes ?? DEFAULT_PULL_MAX_BYTES,
    );
    const report = emptyReport();
    const end = await readNdjsonLines(
      stream,
      async (line) => {
        const record = this.read(line, report);
        if (!record) return;
        countRecord(report, record);
        await onRecord(record);
      },
      timed,
    );
    Object.assign(report, {
      lines: end.lines,
      bytes: end.bytes,
      complete: end.complete,
      cutOff: end.cutOff,
    });
    checkRun(report, this.config.minUsableShare ?? DEFAULT_MIN_USABLE_SHARE);
    return report;
  }

  /** One line against the contract; a bad one is counted, with the first path that failed. */
  private read(line: string | null, report: NationalRunReport): NationalRecord | null {
    if (line === null) {
      countBadLine(report, 'line too long');
      return null;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      countBadLine(report, 'not JSON');
      return null;
    }
    const parsed = P67_JOB_POSTING.safeParse(value);
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path.filter((p) => typeof p === 'string').join('.');
      countBadLine(report, `shape: ${path || 'record'}`);
      return null;
    }
    // `contacts` (third parties' personal data) end here: the record read from it has none.
    return readNationalRecord(parsed.data, this.places, this.groupOf);
  }
}
