import { startTestApp, TestApp } from '../support/test-app';
import { DEFAULT_QUERY_LIMITS } from '../../src/api/plugins/query-limits';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';

/** The limits one operation runs into (security checklist 2, 4–7, 10, 11), on a production-like server. */
describe('query limits', () => {
  let t: TestApp;
  let counsellor: string;
  let jobseekerId: string;

  beforeAll(async () => {
    t = await startTestApp({ development: false, fieldSuggestions: false, introspection: false });
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    [{ id: jobseekerId }] = await t.app.database.dataSource.query(
      `SELECT id FROM jobseeker WHERE home_municipality_code = '297' ORDER BY id LIMIT 1`,
    );
  });
  afterAll(() => t.stop());

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${counsellor}`,
        'x-osaamo-purpose': 'test',
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      },
    };
  };

  it('gives no field suggestions that would map the schema', async () => {
    const { body } = await post(`{ jobseekr(id: "x") { id } }`);
    expect(body.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('rejects an operation one level deeper than the limit; a real deep one passes', async () => {
    const nest = (depth: number): string =>
      depth === 0 ? 'uri' : `broader { ${nest(depth - 1)} }`;
    const tooDeep = await post(`{ skill(uri: "x") { ${nest(DEFAULT_QUERY_LIMITS.maxDepth)} } }`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors![0]!.message).toMatch(/depth/i);
    const real = await post(
      `query ($j: ID!) { matchesForJobseeker(jobseekerId: $j, first: 20) { sources { source status }
        edges { node { score summary vacancy { title employer { name } requirements { skills { skillUri importance } } } } } } }`,
      { j: jobseekerId },
    );
    expect(real.status).toBe(200);
    expect(real.body.errors).toBeUndefined();
  });

  it('weighs lists by first: a first:100 list nested three deep is refused with its cost, a normal page passes', async () => {
    const costly = await post(
      `{ jobseekers(first: 100) { edges { node { assessments { skills { skillUri level } } } } } }`,
    );
    expect(costly.status).toBe(400);
    expect(costly.body.errors![0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      limit: DEFAULT_QUERY_LIMITS.maxCost,
    });
    expect(costly.body.errors![0]!.extensions!.cost as number).toBeGreaterThan(
      DEFAULT_QUERY_LIMITS.maxCost,
    );
    const normal = await post(
      `{ vacancies(first: 20) { edges { node { title municipality { nameFi } } } } }`,
    );
    expect(normal.status).toBe(200);
    expect(normal.body.errors).toBeUndefined();
  });

  it('rejects enumeration by aliases, token floods and directive floods', async () => {
    const aliases = Array.from(
      { length: 16 },
      (_, i) =>
        `a${i}: jobseeker(id: "00000000-0000-4000-8000-${String(i).padStart(12, '0')}") { id }`,
    );
    const byAlias = await post(`{ ${aliases.join(' ')} }`);
    expect(byAlias.status).toBe(400);
    expect(byAlias.body.errors![0]!.message).toMatch(/alias/i);
    const tokens = await post(`{ ${'__typename '.repeat(2500)} }`);
    expect(tokens.status).toBe(400);
    expect(tokens.body.errors![0]!.message).toMatch(/token/i);
    const directives = await post(`{ __typename ${'@include(if: true) '.repeat(51)} }`);
    expect(directives.status).toBe(400);
    expect(directives.body.errors![0]!.message).toMatch(/directive/i);
  });

  it('refuses circular introspection when introspection is off, and unknown input fields', async () => {
    const introspection = await post(
      `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`,
    );
    expect(introspection.status).toBe(400);
    const extra = await post(
      `mutation { grantConsent(jobseekerId: "x", purpose: LEARNING_ENVIRONMENT_SKILL_GAPS, recipient: "learning_environment", grantedBy: "me") { id } }`,
    );
    expect(extra.status).toBe(400);
    const extraInput = await post(
      `mutation ($input: CreateEmployerInput!) { createEmployer(input: $input) { id } }`,
      { input: { businessId: '0737546-2', name: 'X', municipalityCode: '297', id: 'mine' } },
    );
    expect(extraInput.status).toBe(400);
  });

  it('rejects fragment cycles in validation', async () => {
    const cycle = await post(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`);
    expect(cycle.status).toBe(400);
  });

  it('caps page sizes with a typed error naming first', async () => {
    const { body } = await post(`{ vacancies(first: 101) { edges { node { id } } } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(body.data ?? null).toBeNull();
  });
});
