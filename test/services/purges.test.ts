import { purgeIdempotencyKeys } from '../../src/api/plugins/idempotency';
import { purgeRateLimits } from '../../src/api/plugins/rate-limit';
import { openTestDatabase, TestDatabase } from '../support/test-database';

describe('the purges of the idempotency keys and the rate limit', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('forgets idempotency keys older than a day and keeps younger ones', async () => {
    const ds = db.database.dataSource;
    await ds.query(
      `INSERT INTO idempotency_key (caller, key, request_hash, created_at) VALUES
         ('admin:a', 'old', 'h', now() - interval '25 hours'),
         ('admin:a', 'young', 'h', now() - interval '23 hours')`,
    );
    await purgeIdempotencyKeys(ds);
    const rows: { key: string }[] = await ds.query(`SELECT key FROM idempotency_key ORDER BY key`);
    expect(rows.map((r) => r.key)).toEqual(['young']);
  });

  it('deletes rate-limit rows whose window ended over an hour ago', async () => {
    const ds = db.database.dataSource;
    const now = Date.now();
    await ds.query(`INSERT INTO rate_limit (key, points, expire) VALUES ($1, 1, $2), ($3, 1, $4)`, [
      'ended-long-ago',
      now - 2 * 3_600_000,
      'ended-recently',
      now - 60_000,
    ]);
    await purgeRateLimits(ds);
    const rows: { key: string }[] = await ds.query(`SELECT key FROM rate_limit ORDER BY key`);
    expect(rows.map((r) => r.key)).toEqual(['ended-recently']);
  });
});
