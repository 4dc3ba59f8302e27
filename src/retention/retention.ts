/**
 * The retention rule: a jobseeker's data is kept for `retentionDays` (default 365) after their
 * customer relationship ends, then erased as eraseJobseeker erases it (the audit trail stays)
 * and entered in the erasure register, so that no import brings them back.
 * Run by `npm run retention` (see the README); a dry run only counts. Idempotent: a second run
 * finds nothing due.
 */
import { DataSource } from 'typeorm';
import { ErasureRegister, todayUtc } from '../erasure/erasure-register';
import { JobseekerRepository } from '../jobseekers/jobseeker.repository';
import { log } from '../kernel/logger';

export const DEFAULT_RETENTION_DAYS = 365;

export interface RetentionRun {
  asOf: string;
  retentionDays: number;
  /** Relationships that ended on or before this day are due. */
  cutoff: string;
  due: number;
  erased: number;
  dryRun: boolean;
}

export async function applyRetention(
  dataSource: DataSource,
  register: ErasureRegister,
  options: { asOf?: string; retentionDays?: number; dryRun?: boolean } = {},
): Promise<RetentionRun> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new Error(`Not a date (YYYY-MM-DD): ${asOf}`);
  if (!Number.isInteger(retentionDays) || retentionDays < 0)
    throw new Error(`Not a number of days: ${retentionDays}`);
  const cutoff = new Date(Date.parse(asOf) - retentionDays * 86_400_000).toISOString().slice(0, 10);
  return dataSource.transaction(async (manager) => {
    const jobseekers = new JobseekerRepository(manager);
    const due = await jobseekers.endedBy(cutoff);
    let erased = 0;
    if (!options.dryRun && due.length) {
      // The day the data goes, not the simulated `asOf`: a new relationship counts from it.
      await register.record(
        manager,
        due.map((r) => r.customer_id),
        todayUtc(),
      );
      erased = await jobseekers.erase(due.map((r) => r.id));
    }
    const run = {
      asOf,
      retentionDays,
      cutoff,
      due: due.length,
      erased,
      dryRun: options.dryRun ?? false,
    };
    log.info('retention_applied', { ...run });
    return run;
  });
}
