import { startTestApp, TestApp } from '../support/test-app';

/** Rate limits per caller, weighted by cost (checklist 27). */
describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { burst: 100, perSecond: 1 } });
  });
  afterAll(() => t.stop());

  const post = async (query: string, token?: string) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] },
    };
  };
  // searchSkills(first: 20) { uri label } costs 1 + 20 × 2 = 41; __typename costs 1.
  const EXPENSIVE = `{ searchSkills(text: "hitsaus", first: 20) { score matchedLabel } }`;

  it('refuses a caller past its budget with 429, RATE_LIMITED and when to retry; an expensive query uses more of it', async () => {
    const token = await t.token({ id: 'heavy', role: 'counsellor', employmentArea: 'kuopio' });
    expect((await post(EXPENSIVE, token)).status).toBe(200);
    expect((await post(EXPENSIVE, token)).status).toBe(200);
    const third = await post(EXPENSIVE, token);
    expect(third.status).toBe(429);
    expect(third.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    expect(third.body.errors![0]!.extensions!.retryAfterSeconds).toBe(Number(third.retryAfter));
    // What is left of the budget still buys cheap queries.
    expect((await post(`{ __typename }`, token)).status).toBe(200);
  });

  it('keeps callers apart: another user is not limited by the first', async () => {
    const other = await t.token({ id: 'light', role: 'counsellor', employmentArea: 'kuopio' });
    expect((await post(EXPENSIVE, other)).status).toBe(200);
  });
});
