import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The 64-bit advisory lock key of a name: the first 8 bytes of its SHA-256, signed. */
export function advisoryLockKey(name: string): string {
  const hex = createHash('sha256').update(`osaamo:${name}`).digest('hex').slice(0, 16);
  return BigInt.asIntN(64, BigInt(`0x${hex}`)).toString();
}

/**
 * Runs `work` while holding the session advisory lock named `name`, on a connection of its own
 * for the run; returns false without running it when another session holds the lock. The lock
 * goes with the session, so an instance that dies mid-run frees it.
 */
export async function runAlone(
  dataSource: DataSource,
  name: string,
  work: () => Promise<unknown>,
): Promise<boolean> {
  const key = advisoryLockKey(name);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1::bigint) AS locked`, [
      key,
    ]);
    if (locked !== true) return false;
    try {
      await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1::bigint)`, [key]);
    }
    return true;
  } finally {
    await runner.release();
  }
}
