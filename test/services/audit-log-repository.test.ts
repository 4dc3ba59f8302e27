import { randomUUID } from 'node:crypto';
import { AuditLogRepository } from '../../src/audit/audit-log.repository';
import { openTestDatabase, TestDatabase } from '../support/test-database';

// The writes the personal-data readers and the importer are to call (one statement each).
describe('the audit log repository', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('records one row per jobseeker read, allowed or denied, and the importer changes, newest first', async () => {
    const audit = new AuditLogRepository(db.database.dataSource);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const reader = { actorId: 'u1', actorRole: 'counsellor', operation: 'query X', purpose: null };
    await audit.recordReads(reader, [a, b], new Set([a]));
    await audit.recordChanges({ actorId: 'importer', actorRole: 'importer', purpose: 'why' }, [
      { jobseekerId: c, operation: 'import --overwrite: Jobseeker (line 3)' },
    ]);
    const rows = await audit.list({
      jobseekerId: null,
      actorId: null,
      from: null,
      to: null,
      after: null,
      limit: 10,
    });
    const shown = rows.map((r) => [
      r.jobseekerId,
      r.actorId,
      r.actorRole,
      r.operation,
      r.purpose,
      r.outcome,
    ]);
    // Newest first; the two rows of one read come from one statement, in no promised order.
    expect(shown[0]).toEqual([
      c,
      'importer',
      'importer',
      'import --overwrite: Jobseeker (line 3)',
      'why',
      'allowed',
    ]);
    expect(shown.slice(1).sort((x, y) => (x[5]! < y[5]! ? -1 : 1))).toEqual([
      [a, 'u1', 'counsellor', 'query X', null, 'allowed'],
      [b, 'u1', 'counsellor', 'query X', null, 'denied'],
    ]);
  });
});
