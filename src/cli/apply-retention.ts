/**
 * npm run retention -- [--dry-run] [--as-of YYYY-MM-DD] [--days N]: erases jobseekers whose
 * customer relationship ended more than N days (OSAAMO_RETENTION_DAYS, default 365) before the
 * given day (today). Prints what it did as JSON.
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { ErasureRegister } from '../erasure/erasure-register';
import { DEFAULT_RETENTION_DAYS, applyRetention } from '../retention/retention';
import { parseCommandLine, runCommand, UsageError } from './arguments';
import { openMigratedDatabase } from './open-database';

const USAGE = 'Usage: npm run retention -- [--dry-run] [--as-of YYYY-MM-DD] [--days N]';

/** `[--dry-run] [--as-of YYYY-MM-DD] [--days N]`; the days default to OSAAMO_RETENTION_DAYS. */
export function parseRetentionArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { dryRun: boolean; asOf?: string; retentionDays: number } {
  const { values } = parseCommandLine(
    argv,
    { 'dry-run': { type: 'boolean' }, 'as-of': { type: 'string' }, days: { type: 'string' } },
    USAGE,
    { min: 0, max: 0, names: '' },
  );
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}".`, USAGE);
  // Unset and empty alike: the default (an empty variable read as 0 days would erase too much).
  const days = values.days ?? (env.OSAAMO_RETENTION_DAYS || undefined);
  if (days !== undefined && !/^\d+$/.test(days))
    throw new UsageError(
      `${values.days !== undefined ? '--days' : 'OSAAMO_RETENTION_DAYS'} must be a whole number of days, not "${days}".`,
      USAGE,
    );
  return {
    dryRun: values['dry-run'] ?? false,
    asOf,
    retentionDays: days === undefined ? DEFAULT_RETENTION_DAYS : Number(days),
  };
}

async function main(): Promise<void> {
  const { dryRun, asOf, retentionDays } = parseRetentionArgs(process.argv.slice(2));
  const register = new ErasureRegister(loadConfig().pseudonymSecret);
  const database = await openMigratedDatabase('npm run retention');
  try {
    const run = await applyRetention(database.dataSource, register, {
      asOf,
      retentionDays,
      dryRun,
    });
    console.log(JSON.stringify(run));
  } finally {
    await database.close();
  }
}

if (require.main === module) runCommand(main, 'Retention failed: ');
