/**
 * npm run retention -- [--dry-run] [--as-of YYYY-MM-DD] [--days N]: erases jobseekers whose
 * customer relationship ended more than N days (OSAAMO_RETENTION_DAYS, default 365) before the
 * given day (today). Prints what it did as JSON.
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { ErasureRegister } from '../erasure/erasure-register';
import { DEFAULT_RETENTION_DAYS, applyRetention } from '../retention/retention';
import { openMigratedDatabase } from './open-database';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const register = new ErasureRegister(loadConfig().pseudonymSecret);
  const database = await openMigratedDatabase('npm run retention');
  try {
    const days = argument('--days') ?? process.env.OSAAMO_RETENTION_DAYS;
    const run = await applyRetention(database.dataSource, register, {
      asOf: argument('--as-of'),
      retentionDays: days === undefined ? DEFAULT_RETENTION_DAYS : Number(days),
      dryRun: process.argv.includes('--dry-run'),
    });
    console.log(JSON.stringify(run));
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`Retention failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
