/**
 * The drift alarm of the national pull: for every run, how many lines were read, how many were
 * usable, and how often each mapped field was present. The contract was transcribed without
 * traffic from the live service; if the service answers in another shape, the usable share
 * falls and the run fails loudly instead of dropping every line in silence.
 */
import { log } from '../kernel/logger';
import { MalformedPayloadError } from './http-client';
import { NationalRecord } from './providers/national-posting';

/**
 * The smallest share of a run's lines that must be usable (read against the contract, and
 * either a removal or an ad with an id, a title and a date). Range 0–1; default 0.9: a few bad
 * lines are skipped, a shape the parser does not know fails the run.
 */
export const DEFAULT_MIN_USABLE_SHARE = 0.9;

/** The fields counted, each present in how many of the run's open ads. */
export const COVERED_FIELDS = [
  'title',
  'description',
  'employer',
  'occupationUri',
  'iscoGroup',
  'skillUris',
  'municipality',
  'region',
  'applyUrl',
  'expires',
  'workTime',
  'continuityOfWork',
  'openPositions',
  'lastModified',
] as const;
export type CoveredField = (typeof COVERED_FIELDS)[number];

export interface NationalRunReport {
  /** Non-empty lines read. */
  lines: number;
  /** Lines skipped: not JSON, or not the contract's shape; by reason (the first failing path). */
  badLines: number;
  badReasons: Record<string, number>;
  /** Ads reported archived (removals). */
  archived: number;
  /** Open ads mapped to a vacancy. */
  ads: number;
  /** Records in the contract's shape but without a title or a date: skipped. */
  unusable: number;
  /** Per field, in how many of `ads` it was present. */
  coverage: Record<CoveredField, number>;
  /** The largest `metadata.lastModified` seen (the sync's next watermark). */
  maxLastModified: Date | null;
  bytes: number;
  /** False when the stream was cut off: no deletions may be concluded, no watermark moved. */
  complete: boolean;
  cutOff: string | null;
}

export function emptyReport(): NationalRunReport {
  return {
    lines: 0,
    badLines: 0,
    badReasons: {},
    archived: 0,
    ads: 0,
    unusable: 0,
    coverage: Object.fromEntries(COVERED_FIELDS.map((f) => [f, 0])) as Record<CoveredField, number>,
    maxLastModified: null,
    bytes: 0,
    complete: true,
    cutOff: null,
  };
}

export function countBadLine(report: NationalRunReport, reason: string): void {
  report.badLines++;
  report.badReasons[reason] = (report.badReasons[reason] ?? 0) + 1;
}

export function countRecord(report: NationalRunReport, record: NationalRecord): void {
  if (
    record.lastModified &&
    (!report.maxLastModified || record.lastModified > report.maxLastModified)
  )
    report.maxLastModified = record.lastModified;
  if (record.archived) {
    report.archived++;
    return;
  }
  const v = record.vacancy;
  if (!v) {
    report.unusable++;
    return;
  }
  report.ads++;
  const present: Record<CoveredField, boolean> = {
    title: !!v.title,
    description: !!v.description,
    employer: !!v.employerName,
    occupationUri: !!v.occupationUri,
    iscoGroup: !!v.iscoGroup,
    skillUris: v.skillUris.length > 0,
    municipality: /^\d{3}$/.test(v.locationCode ?? ''),
    region: !!v.locationCode,
    applyUrl: !!v.applyUrl,
    expires: !!record.expiresGiven,
    workTime: !!v.sourceCodes?.workTime,
    continuityOfWork: !!v.sourceCodes?.continuityOfWork.length,
    openPositions: v.openPositions != null,
    lastModified: !!record.lastModified,
  };
  for (const field of COVERED_FIELDS) if (present[field]) report.coverage[field]++;
}

/** The share of lines that were usable: removals and ads. 1 for an empty answer. */
export function usableShare(report: NationalRunReport): number {
  return report.lines ? (report.archived + report.ads) / report.lines : 1;
}

/** The service answered in a shape we cannot use: the run fails, and says why. */
export class NationalContractError extends MalformedPayloadError {
  constructor(
    readonly report: NationalRunReport,
    minShare: number,
  ) {
    super(
      `Job Market Finland: only ${(usableShare(report) * 100).toFixed(1)} % of ${report.lines} lines usable ` +
        `(at least ${(minShare * 100).toFixed(0)} % required); skipped: ${JSON.stringify(report.badReasons)}, ` +
        `${report.unusable} without a title or date. The P67 contract may have drifted.`,
    );
    this.name = 'NationalContractError';
  }
}

/** Logs the run's coverage, and fails it (loudly) below the usable share. */
export function checkRun(report: NationalRunReport, minShare = DEFAULT_MIN_USABLE_SHARE): void {
  const share = usableShare(report);
  const fields = Object.fromEntries(
    COVERED_FIELDS.map((f) => [
      `coverage_${f}`,
      report.ads ? Number((report.coverage[f] / report.ads).toFixed(3)) : null,
    ]),
  );
  log.info('national_run', {
    lines: report.lines,
    ads: report.ads,
    archived: report.archived,
    bad_lines: report.badLines,
    unusable: report.unusable,
    usable_share: Number(share.toFixed(4)),
    bytes: report.bytes,
    complete: report.complete,
    ...fields,
  });
  if (share < minShare) {
    log.error('national_contract_drift', {
      lines: report.lines,
      usable_share: Number(share.toFixed(4)),
      min_share: minShare,
      bad_reasons: JSON.stringify(report.badReasons),
    });
    throw new NationalContractError(report, minShare);
  }
}
