import 'reflect-metadata';
import { P67JobPosting } from '../../fixtures/external/p67-job-posting.contract';
import { FakeServer } from '../../scripts/fakes/fake-server';
import { createNationalFake } from '../../scripts/fakes/national-fake';
import { NationalSync } from '../../src/external/national-sync';
import { PlaceLocator } from '../../src/external/places';
import { NationalProvider } from '../../src/external/providers/national-provider';
import { openTestDatabase, TestDatabase } from '../support/test-database';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 10, 30, 8);
/** A naive P67 time stamp (no zone), as [C1] of the contract expects. */
const at = (hours: number) => new Date(BASE + hours * HOUR).toISOString().replace(/Z$/, '000');

function posting(n: number, modifiedHours: number, archivedHours?: number): P67JobPosting {
  return {
    languages: ['fi'],
    descriptionsContentType: 'plain',
    metadata: {
      externalId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      created: at(-100),
      lastModified: at(modifiedHours),
      archived: archivedHours === undefined ? null : at(archivedHours),
    },
    position: { title: { fi: `Ilmoitus ${n} (${modifiedHours})` } },
    location: { municipalities: ['297'], regions: ['11'], countries: ['FI'] },
    application: { published: at(-100), expires: at(24 * 60) },
  };
}
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the national sync', () => {
  let db: TestDatabase;
  let fake: FakeServer;
  let sync: NationalSync;
  /** What the fake serves; a test changes it as the service's ads change. */
  let ads: P67JobPosting[] = [];
  const stored = async () =>
    (
      (await db.database.dataSource.query(
        `SELECT external_id AS id FROM national_vacancy ORDER BY external_id`,
      )) as { id: string }[]
    ).map((r) => r.id);

  beforeAll(async () => {
    db = await openTestDatabase();
    fake = await createNationalFake({ postings: () => ads }).start();
    const provider = new NationalProvider(
      { baseUrl: fake.url, subscriptionKey: 'key' },
      new PlaceLocator([]),
    );
    sync = new NationalSync(db.database.dataSource, provider, {
      municipalityIn: ['297'],
      overlapMs: HOUR,
    });
  });
  afterAll(async () => {
    await fake.stop();
    await db.close();
  });

  it('keeps the area in step: a full pull, an idempotent repeat, then changes and removals since the watermark with an overlap', async () => {
    const signal = new AbortController().signal;
    ads = [posting(1, 1), posting(2, 2), posting(3, 3)];
    const first = await sync.full(signal);
    expect(first).toMatchObject({ kind: 'full', written: 3, deleted: 0, complete: true });
    expect(first.watermark?.toISOString()).toBe(new Date(BASE + 3 * HOUR).toISOString());
    expect(fake.requests[0].body).toBe('{"onlyStatus":"PUBLISHED","municipalityIn":["297"]}');

    // The same answer again writes nothing.
    const again = await sync.full(signal);
    expect(again).toMatchObject({ written: 0, deleted: 0 });

    // Ad 2 changes, ad 4 is new, ad 3 is archived.
    ads = [posting(1, 1), posting(2, 5), posting(3, 6, 6), posting(4, 4)];
    fake.clear();
    const step = await sync.incremental(signal);
    const [published, archived] = fake.requests.map((r) => JSON.parse(r.body));
    // The window starts an hour (the overlap) before the watermark, 3 h.
    expect(published).toEqual({
      onlyStatus: 'PUBLISHED',
      modified: { from: new Date(BASE + 2 * HOUR).toISOString() },
      municipalityIn: ['297'],
    });
    expect(archived).toEqual({
      onlyStatus: 'ARCHIVED',
      archived: { from: new Date(BASE + 2 * HOUR).toISOString() },
      municipalityIn: ['297'],
    });
    // Ad 2 changed and ad 4 is new: two rows written; ad 3 archived: one deleted.
    expect(step).toMatchObject({ kind: 'incremental', written: 2, deleted: 1, complete: true });
    expect(await stored()).toEqual([id(1), id(2), id(4)]);
    expect(step.watermark?.toISOString()).toBe(new Date(BASE + 6 * HOUR).toISOString());
  });

  it('a stream cut off midway keeps what came, but never moves the watermark nor deletes', async () => {
    const signal = new AbortController().signal;
    const before = await sync.watermark();
    // Ad 1 is gone from the service; a complete full pull would delete it.
    ads = [posting(2, 7), posting(4, 8), posting(5, 9), posting(6, 10), posting(7, 11)];
    fake.clear();
    fake.fail({ kind: 'malformed' }, 1);
    const cut = await sync.full(signal);
    expect(cut).toMatchObject({ complete: false, deleted: 0 });
    expect(cut.watermark).toEqual(before);
    expect(await stored()).toEqual(expect.arrayContaining([id(1), id(2), id(4), id(5)]));

    // The next complete full pull reconciles: ad 1 goes, the watermark moves.
    const whole = await sync.full(signal);
    expect(whole).toMatchObject({ complete: true, deleted: 1 });
    expect(await stored()).toEqual([id(2), id(4), id(5), id(6), id(7)]);
    expect(whole.watermark?.toISOString()).toBe(new Date(BASE + 11 * HOUR).toISOString());
  });
});
