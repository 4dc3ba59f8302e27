import { randomUUID } from 'node:crypto';
import { AuditLogRepository } from '../../src/audit/audit-log.repository';
import { readChanges } from '../../src/matches/match-index';
import { openTestDatabase, TestDatabase } from '../support/test-database';

// Ids read as text must still be ordered as numbers: as text, "10" comes before "9".
describe('reading by id across a digit', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('returns the change feed in id order, batch after batch, skipping none', async () => {
    const ds = db.database.dataSource;
    const [{ last }] = await ds.query(`SELECT coalesce(max(id), 0)::int AS last FROM match_change`);
    const values = Array.from({ length: 12 }, () => `('vacancy', '${randomUUID()}')`).join(', ');
    await ds.query(`INSERT INTO match_change (kind, entity_id) VALUES ${values}`);
    // Numbered from 1 after the template's changes: the ids cross a power of ten.
    const ids: number[] = [];
    let after = last as number;
    for (;;) {
      const batch = await readChanges(ds, after, 5);
      if (!batch.length) break;
      ids.push(...batch.map((c) => Number(c.id)));
      after = Number(batch[batch.length - 1]!.id);
    }
    const written: { id: number }[] = await ds.query(
      `SELECT id::int AS id FROM match_change WHERE id > $1 ORDER BY match_change.id`,
      [last],
    );
    expect(ids).toEqual(written.map((r) => r.id));
    expect(String(ids[0]).length).toBeLessThan(String(ids[ids.length - 1]).length);
  });

  it('returns the audit log newest first by id, past a power of ten', async () => {
    const audit = new AuditLogRepository(db.database.dataSource);
    const reader = {
      actorId: 'order',
      actorRole: 'counsellor',
      operation: 'query X',
      purpose: null,
    };
    for (let i = 0; i < 12; i++) await audit.recordReads(reader, [randomUUID()], new Set());
    const rows = await audit.list({
      jobseekerId: null,
      actorId: 'order',
      from: null,
      to: null,
      after: null,
      limit: 100,
    });
    const ids = rows.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ids).toHaveLength(12);
  });
});
