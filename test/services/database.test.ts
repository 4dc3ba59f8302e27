import { EscoLabel } from '../../src/taxonomy/entities';
import { openEmptyDatabase, openTestDatabase, TestDatabase } from '../support/test-database';

const label = (uri: string, text: string): EscoLabel =>
  Object.assign(new EscoLabel(), {
    conceptUri: uri,
    language: 'fi',
    labelType: 'alternative',
    label: text,
    conceptKind: 'skill',
  });

describe('database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('keeps only the committed rows when two concurrent writes run and one fails mid-transaction', async () => {
    const { dataSource } = db.database;
    let releaseFailing!: () => void;
    const failingMayFinish = new Promise<void>((resolve) => (releaseFailing = resolve));

    const failing = dataSource.transaction(async (manager) => {
      await manager.save(label('urn:test:failing', 'ensimmäinen rivi'));
      await failingMayFinish; // the other transaction runs while this one holds uncommitted rows
      await manager.save(label('urn:test:failing', 'toinen rivi'));
      throw new Error('injected failure mid-transaction');
    });
    const succeeding = dataSource.transaction(async (manager) => {
      await manager.save(label('urn:test:committed', 'onnistunut rivi'));
    });
    // On the embedded database the pool has one connection, so the second transaction waits for
    // the first: release the first only after the second was queued.
    setTimeout(releaseFailing, 50);

    await expect(failing).rejects.toThrow('injected failure');
    await succeeding;
    const rows = await dataSource
      .getRepository(EscoLabel)
      .findBy([{ conceptUri: 'urn:test:failing' }, { conceptUri: 'urn:test:committed' }]);
    expect(rows.map((r) => r.label)).toEqual(['onnistunut rivi']);
  });

  it('reports ready once reachable and migrated', async () => {
    await expect(db.database.readiness()).resolves.toEqual({ ready: true });
  });
});

describe('migrations', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await openEmptyDatabase();
  });
  afterAll(() => empty.close());

  it('run from empty, match the entities, revert and run again', async () => {
    const { database } = empty;
    await expect(database.readiness()).resolves.toEqual({
      ready: false,
      reason: 'migrations pending',
    });
    const applied = await database.migrate();
    expect(applied.length).toBeGreaterThan(0);
    // The SQL TypeORM would need to reach the entities from the migrated schema: none.
    const drift = await database.dataSource.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);
    await expect(database.migrate()).resolves.toEqual([]);

    for (let i = 0; i < applied.length; i++) await database.dataSource.undoLastMigration();
    const tables: { name: string }[] = await database.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'esco_%'`,
    );
    expect(tables).toEqual([]);
    await expect(database.migrate()).resolves.toEqual(applied);
  });
});
