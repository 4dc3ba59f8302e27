/**
 * A full pull of the size of all Finland (15,000 postings, over 50 MB) through the contract
 * fake: removals, malformed lines, lines of the wrong shape, and a stream cut off midway. Runs
 * in CI (some seconds of CPU on 2 cores, most of it reading 50 MB against the contract).
 */
import { P67JobPosting } from '../../fixtures/external/p67-job-posting.contract';
import { FakeServer } from '../../scripts/fakes/fake-server';
import { createNationalFake } from '../../scripts/fakes/national-fake';
import { PlaceLocator } from '../../src/external/places';
import { NationalProvider } from '../../src/external/providers/national-provider';

const TOTAL = 15_000;
const isArchived = (i: number) => i % 20 === 7;
const isNotJson = (i: number) => i % 1000 === 500;
const isWrongShape = (i: number) => i % 1500 === 700;
const PARAGRAPH =
  'Tehtäviisi kuuluu levytöiden valmistus piirustusten mukaan, hitsaus ja laadunvarmistus. ' +
  'Arvostamme oma-aloitteisuutta, huolellisuutta ja halua oppia uutta. ';

function posting(i: number): P67JobPosting {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    languages: ['fi'],
    // Markdown in one ad of ten, plain text in the rest (reading Markdown costs the most).
    descriptionsContentType: i % 10 === 3 ? 'markdown' : 'plain',
    metadata: {
      externalId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      created: `2026-11-${day}T08:00:00.000000`,
      lastModified: `2026-11-${day}T09:${String(i % 60).padStart(2, '0')}:00.000000`,
      archived: isArchived(i) ? `2026-11-${day}T10:00:00.000000` : null,
    },
    owner: { company: { fi: `Esimerkki ${i % 400} Oy` } },
    position: {
      title: { fi: `Levyseppä ${i}` },
      jobDescription: { fi: `## Levyseppä\n\n${`**Haemme** ${PARAGRAPH}\n\n`.repeat(18)}` },
      mainOccupation: 'http://data.europa.eu/esco/isco/C7213',
      skills: ['http://data.europa.eu/esco/skill/a1b2c3d4-0000-4000-8000-000000000001'],
      workTime: '01',
      continuityOfWork: ['01'],
    },
    location: { municipalities: [String(i % 2 ? 297 : 91)], regions: ['11'], countries: ['FI'] },
    application: { published: `2026-11-${day}T08:00:00`, openPositions: 1 },
    contacts: [{ firstName: 'Esimerkki', email: 'rekry@example.fi' }],
  };
}

function* postings(): Iterable<P67JobPosting | string> {
  for (let i = 0; i < TOTAL; i++) {
    if (isNotJson(i)) yield '{"metadata": {"externalId": "broken"';
    else if (isWrongShape(i)) yield JSON.stringify({ id: `old-${i}`, status: 'ACTIVE' });
    else yield posting(i);
  }
}

const count = (test: (i: number) => boolean) =>
  Array.from({ length: TOTAL }, (_, i) => i).filter(test).length;
const bad = (i: number) => isNotJson(i) || isWrongShape(i);

describe('a full national pull of 15,000 postings (large stream)', () => {
  let fake: FakeServer;
  let provider: NationalProvider;
  beforeAll(async () => {
    fake = await createNationalFake({ postings }).start();
    provider = new NationalProvider(
      { baseUrl: fake.url, subscriptionKey: 'key' },
      new PlaceLocator([]),
    );
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.clear());

  it('reports a stream cut off midway as incomplete, with the postings read before the cut', async () => {
    fake.fail({ kind: 'malformed' }, 1);
    let read = 0;
    const report = await provider.pull(
      { onlyStatus: 'PUBLISHED' },
      new AbortController().signal,
      () => void read++,
    );
    expect(report.complete).toBe(false);
    expect(report.cutOff).toMatch(/broke off|cut short/);
    expect(read).toBe(3);
  }, 60_000);

  it('reads 50 MB line by line: every open ad, the bad lines skipped and counted, the archived pass as removals', async () => {
    let ads = 0;
    let sentWhenFirstRead = -1;
    const published = await provider.pull(
      { onlyStatus: 'PUBLISHED' },
      new AbortController().signal,
      (record) => {
        if (sentWhenFirstRead < 0) sentWhenFirstRead = fake.streamedBytes;
        if (record.vacancy) ads++;
      },
    );
    const open = count((i) => !bad(i) && !isArchived(i));
    expect(ads).toBe(open);
    expect(published).toMatchObject({
      ads: open,
      archived: 0,
      badLines: count(bad),
      badReasons: { 'not JSON': count(isNotJson), 'shape: metadata': count(isWrongShape) },
      complete: true,
    });
    expect(published.bytes).toBeGreaterThan(50 * 1024 * 1024);
    // Streamed: the first posting was read long before the fake had sent the last.
    expect(sentWhenFirstRead).toBeLessThan(published.bytes / 10);
    expect(published.coverage.municipality).toBe(open);

    const removals: string[] = [];
    const archived = await provider.pull(
      { onlyStatus: 'ARCHIVED' },
      new AbortController().signal,
      (record) => void (record.archived && removals.push(record.externalId)),
    );
    expect(removals).toHaveLength(count((i) => !bad(i) && isArchived(i)));
    expect(archived.complete).toBe(true);
  }, 180_000);
});
