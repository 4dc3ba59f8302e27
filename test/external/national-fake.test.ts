import { P67_JOB_POSTING } from '../../fixtures/external/p67-job-posting.contract';
import { createEuresFake } from '../../scripts/fakes/eures-fake';
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
  const search = (body: Record<string, unknown>) =>
    fetch(`${fake.url}/jv-searchengine/public/jv-search/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resultsPerPage: 50, page: 1, ...body }),
    });

  it('holds the portal to its limits: 50 a page, 200 pages; a skill filter it cannot honour is refused', async () => {
    for (const [body, status] of [
      [{}, 200],
      [{ page: 200 }, 200],
      [{ page: 201 }, 400],
      [{ resultsPerPage: 51 }, 400],
      [{ skillUris: ['http://data.europa.eu/esco/skill/x'] }, 400],
      [{ skillUris: [] }, 200],
    ] as const) {
      const answer = await search(body);
      expect([body, answer.status]).toEqual([body, status]);
      await answer.arrayBuffer();
    }
  });
});
