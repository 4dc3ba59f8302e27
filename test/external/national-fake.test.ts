import { P67_JOB_POSTING } from '../../fixtures/external/p67-job-posting.contract';
import { createEuresFake } from '../../scripts/fakes/eures-fake';
import {
  EURES_INVALID_JSON,
  EURES_JV,
  EURES_SEARCH_PATH,
} from '../../fixtures/external/eures-search.contract';
import { PlaceLocator } from '../../src/external/places';
import { EuresProvider } from '../../src/external/providers/eures-provider';
import { FakeServer } from '../../scripts/fakes/fake-server';
import { createNationalFake } from '../../scripts/fakes/national-fake';

/** The fake is written from the contract: it refuses what the contract refuses. */
describe('the Job Market Finland fake', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await createNationalFake().start();
  });
  afterAll(() => fake.stop());

  const ask = (headers: Record<string, string>, body: unknown) =>
    fetch(`${fake.url}/jobpostings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('refuses the wrong key header with 401, and wants no bearer token', async () => {
    const wrong = await ask({ 'Ocp-Apim-Subscription-Key': 'k' }, { onlyStatus: 'PUBLISHED' });
    expect(wrong.status).toBe(401);
    await wrong.arrayBuffer();
    const right = await ask({ 'KIPA-Subscription-Key': 'k' }, { onlyStatus: 'PUBLISHED' });
    expect(right.status).toBe(200);
    expect(right.headers.get('content-type')).toBe('application/x-ndjson');
    await right.arrayBuffer();
  });

  it('refuses an array onlyStatus, the old status values and empty sets with 400', async () => {
    for (const body of [
      { onlyStatus: ['ACTIVE', 'REMOVED'] },
      { onlyStatus: ['PUBLISHED'] },
      { onlyStatus: 'PUBLISHED', regionIn: [] },
    ]) {
      const answer = await ask({ 'KIPA-Subscription-Key': 'k' }, body);
      expect(answer.status).toBe(400);
      await answer.arrayBuffer();
    }
  });

  it('serves fixture records of the contract shape, archived ones only when asked for', async () => {
    const read = async (body: unknown) =>
      (await (await ask({ 'KIPA-Subscription-Key': 'k' }, body)).text())
        .split('\n')
        .filter(Boolean)
        .map((line) => P67_JOB_POSTING.parse(JSON.parse(line)));
    const published = await read({ onlyStatus: 'PUBLISHED' });
    const archived = await read({ onlyStatus: 'ARCHIVED' });
    expect(published.length + archived.length).toBe(60);
    expect(archived.length).toBeGreaterThan(0);
    expect(published.every((p) => !p.metadata.archived)).toBe(true);
    expect(archived.every((p) => p.metadata.archived)).toBe(true);
    // Filters: Rautavaara (687), and Helsinki written without its leading zero matched as 091.
    const rautavaara = await read({ onlyStatus: 'PUBLISHED', municipalityIn: ['687'] });
    expect(rautavaara.length).toBeGreaterThan(0);
    expect(rautavaara.every((p) => p.location?.municipalities?.[0] === '687')).toBe(true);
    const helsinki = await read({ municipalityIn: ['091'] });
    expect(helsinki.some((p) => p.location?.municipalities?.[0] === '91')).toBe(true);
  });
});

describe('the EURES fake', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await createEuresFake().start();
  });
  afterAll(() => fake.stop());
  /** The body our client sends, which the contract accepts. */
  const full = () =>
    new EuresProvider({}, new PlaceLocator([])).requestBody({
      occupationUris: [],
      iscoGroups: [],
      skillUris: [],
      languages: [],
      municipalityCodes: [],
      countries: [],
      workingTimes: [],
    }) as Record<string, unknown>;
  const search = (body: Record<string, unknown>) =>
    fetch(`${fake.url}${EURES_SEARCH_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('holds the portal to its contract: 50 a page, 200 pages, every field and no other; skill and language filters it cannot honour are refused', async () => {
    const { sessionId: _omitted, ...withoutSession } = full();
    for (const [change, status] of [
      [{}, 200],
      [{ page: 200 }, 200],
      [{ page: 201 }, 400],
      [{ page: 0 }, 400],
      [{ resultsPerPage: 51 }, 400],
      [{ skillUris: ['http://data.europa.eu/esco/skill/x'] }, 400],
      [{ requiredLanguages: [{ isoCode: 'en', level: 'B2' }] }, 400],
      [{ euresFlag: true }, 400],
      [{ locationCodes: ['se', 'ITC4'] }, 200],
      [{ locationCodes: ['Sweden'] }, 400],
    ] as const) {
      const answer = await search({ ...full(), ...change });
      expect([change, answer.status]).toEqual([change, status]);
      await answer.arrayBuffer();
    }
    const missing = await search(withoutSession);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual(EURES_INVALID_JSON);
  });

  it('serves only hits the contract accepts, honouring the country filter as EU codes', async () => {
    const answer = (await (await search({ ...full(), locationCodes: ['fi'] })).json()) as {
      numberRecords: number;
      jvs: unknown[];
    };
    expect(answer.jvs.length).toBeGreaterThan(0);
    expect(answer.numberRecords).toBe(answer.jvs.length);
    for (const jv of answer.jvs) {
      expect(EURES_JV.safeParse(jv).success).toBe(true);
      expect(Object.keys((jv as { locationMap: object }).locationMap)).toEqual(['FI']);
    }
  });
});
