import { startTestApp, TestApp } from '../support/test-app';

/** Integrator API keys (checklist 15): hashed, scoped, revocable, refused at once after revocation. */
describe('integrator API keys', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token({ id: 'yllapito', role: 'admin' });
  });
  afterAll(() => t.stop());

  const withKey = async (key: string, query: string) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: unknown;
        errors?: { extensions?: Record<string, unknown> }[];
      },
    };
  };
  const create = (operations: string[]) =>
    t.graphql<{
      createApiKey: { key: string; apiKey: { id: string; prefix: string; operations: string[] } };
    }>(
      `mutation ($ops: [ApiOperation!]!) { createApiKey(name: "Työmarkkinatori integration", operations: $ops) { key apiKey { id prefix operations } } }`,
      { ops: operations },
      { token: admin },
    );

  it('stores only a hash, lets the key call its operations and nothing else, and refuses it at once when revoked', async () => {
    const { body } = await create(['VACANCIES']);
    expect(body.errors).toBeUndefined();
    const { key, apiKey } = body.data!.createApiKey;
    expect(key).toMatch(new RegExp(`^osk_${apiKey.prefix}_`));
    const stored: Record<string, unknown>[] = await t.app.database.dataSource.query(
      `SELECT * FROM api_key WHERE id = $1`,
      [apiKey.id],
    );
    expect(JSON.stringify(stored)).not.toContain(key.slice(13));
    expect(stored[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    // The schema's ApiOperation value; the database keeps the operation's field name.
    expect(apiKey.operations).toEqual(['VACANCIES']);
    expect(stored[0]!.operations).toEqual(['vacancies']);

    const allowed = await withKey(key, `{ vacancies(first: 1) { edges { node { id } } } }`);
    expect(allowed.body.errors).toBeUndefined();
    // Integrators may list employers, but this key was not given that operation.
    const outside = await withKey(key, `{ employers(first: 1) { edges { node { id } } } }`);
    expect(outside.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const revoked = await t.graphql<{ revokeApiKey: { revokedAt: string } }>(
      `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: apiKey.id },
      { token: admin },
    );
    expect(revoked.body.data!.revokeApiKey.revokedAt).toBeTruthy();
    const after = await withKey(key, `{ vacancies(first: 1) { edges { node { id } } } }`);
    expect(after.status).toBe(401);
    expect(after.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown key, and a key for operations integrators may not call', async () => {
    const unknown = await withKey(
      'osk_00000000_guessed',
      `{ vacancies(first: 1) { edges { node { id } } } }`,
    );
    expect(unknown.status).toBe(401);
    // The schema lists the operations integrators may call (ApiOperation); others are refused.
    const { body } = await create(['JOBSEEKERS']);
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(/"JOBSEEKERS".*ApiOperation/);
    const listed = await t.graphql<{ apiKeys: { prefix: string }[] }>(
      `{ apiKeys { prefix revokedAt } }`,
      {},
      { token: admin },
    );
    expect(listed.body.data!.apiKeys.length).toBe(1);
    const asIntegrator = await t.graphql(
      `{ apiKeys { prefix } }`,
      {},
      { token: await t.token({ id: 'i', role: 'integrator' }) },
    );
    expect(asIntegrator.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
