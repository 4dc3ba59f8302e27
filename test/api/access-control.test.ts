import { SignJWT, UnsecuredJWT } from 'jose';
import { ACCESS_RULES } from '../../src/auth/access-policy';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/auth/token.service';
import { buildAppSchema } from '../../src/api/schema';
import { startTestApp, TestApp, TEST_JWT_SECRET } from '../support/test-app';

describe('access control seam', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('has an access rule for every query and mutation of the schema', async () => {
    const schema = await buildAppSchema();
    const operations = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((name) => !ACCESS_RULES.has(name))).toEqual([]);
  });

  it('serves taxonomy reads without a token', async () => {
    const { body } = await t.graphql(
      '{ searchSkills(text: "trukki", first: 1) { skill { uri } } }',
    );
    expect(body.errors).toBeUndefined();
  });

  it('refuses a protected operation without a token, with UNAUTHENTICATED and no data', async () => {
    const { body } = await t.graphql('{ vacancies(first: 5) { edges { node { id } } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeNull();
  });

  it.each([
    ['expired', () => sign({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => sign({ aud: 'someone-else' })],
    ['from another issuer', () => sign({ iss: 'someone-else' })],
    ['signed with another key', () => sign({}, 'another-secret-that-is-long-enough-to-use')],
    [
      'unsigned (alg: none)',
      async () =>
        new UnsecuredJWT({ role: 'admin' })
          .setSubject('x')
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setExpirationTime('1h')
          .encode(),
    ],
    ['of an unknown role', () => sign({ role: 'superuser' })],
    ['garbage', async () => 'not-a-token'],
  ])('refuses a token that is %s', async (_case, make) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await make()}` },
      body: JSON.stringify({ query: '{ employers(first: 1) { edges { cursor } } }' }),
    });
    const body = (await response.json()) as {
      errors?: { extensions?: { code?: string } }[];
      data?: unknown;
    };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });

  it('refuses a role the operation does not name, with FORBIDDEN', async () => {
    const token = await t.token({ id: 'learning-env', role: 'learning_environment' });
    const { body } = await t.graphql('{ employers(first: 1) { edges { cursor } } }', undefined, {
      token,
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data).toBeNull();
  });
});

async function sign(
  overrides: { exp?: number; aud?: string; iss?: string; role?: string },
  secret = TEST_JWT_SECRET,
): Promise<string> {
  return new SignJWT({ role: overrides.role ?? 'admin' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(overrides.iss ?? TOKEN_ISSUER)
    .setAudience(overrides.aud ?? TOKEN_AUDIENCE)
    .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 3600)
    .sign(new TextEncoder().encode(secret));
}
