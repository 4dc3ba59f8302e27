import 'reflect-metadata';
import { Database } from '../../src/db/database';
import { openTestDatabase, TestDatabase } from '../support/test-database';
import { describeIf, NEEDS_POSTGRES } from '../support/skip';

// PGlite ignores statement_timeout: these run on PostgreSQL only (checklist 28).

describeIf(NEEDS_POSTGRES, 'timeouts on PostgreSQL', () => {
  let db: TestDatabase;
  let short: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    short = await Database.open({
      databaseUrl: db.url,
      embeddedDataDir: '',
      statementTimeoutMs: 300,
    });
  });
  afterAll(async () => {
    await short.close();
    await db.close();
  });

  it('sets a statement timeout and a pool connection timeout (node-postgres waits forever otherwise)', async () => {
    const [{ statement_timeout }] = await db.database.dataSource.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('30s');
    const pool = (
      db.database.dataSource.driver as unknown as {
        master: { options: { connectionTimeoutMillis: number } };
      }
    ).master;
    expect(pool.options.connectionTimeoutMillis).toBeGreaterThan(0);
  });

  it('aborts a statement that runs past the timeout, with its SQLSTATE', async () => {
    const started = Date.now();
    await expect(short.dataSource.query('SELECT pg_sleep(5)')).rejects.toMatchObject({
      code: '57014',
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
