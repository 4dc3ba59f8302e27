import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12, finding 8: a JSON body whose members have the wrong types is the client's error
 * (400), never a 500 from deep inside the server (`operationName` as an object used to reach
 * the context function: "Context creation failed: … slice is not a function").
 */
describe('request bodies of the wrong shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ development: false, introspection: false });
  });
  afterAll(() => t.stop());

  const post = async (body: unknown) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { errors?: unknown[] } };
  };

  const wrong: [string, unknown][] = [
    ['operationName', { a: 1 }],
    ['operationName', 42],
    ['operationName', true],
    ['operationName', ['Q']],
    ['query', { a: 1 }],
    ['query', 42],
    ['query', false],
    ['query', ['{ __typename }']],
    ['variables', 'x'],
    ['variables', 42],
    ['variables', true],
    ['variables', ['x']],
    ['extensions', 'x'],
    ['extensions', 42],
    ['extensions', false],
    ['extensions', ['x']],
  ];

  it.each(wrong)('answers 400 when %s is %j (finding 8)', async (member, value) => {
    const answer = await post({ query: 'query Q { __typename }', [member]: value });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(member),
        extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
      }),
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/slice|Context creation|correlationId/);
  });

  it('refuses persisted queries, malformed ones included, with a typed error and no internal one', async () => {
    for (const persistedQuery of [
      5,
      { version: 1, sha256Hash: 5 },
      { version: 1, sha256Hash: 'ab' },
    ]) {
      const { body } = await post({ query: '{ __typename }', extensions: { persistedQuery } });
      const codes = (body.errors as { extensions?: { code?: string } }[]).map(
        (e) => e.extensions?.code,
      );
      expect(codes).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    }
    const get = await fetch(
      `${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}&extensions=${encodeURIComponent('{"persistedQuery":5}')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    const answer = (await get.json()) as { errors: { extensions: { code: string } }[] };
    expect(answer.errors.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
  });

  it('still answers well-formed bodies, with null members allowed', async () => {
    const answer = await post({
      query: 'query Q { __typename }',
      operationName: null,
      variables: null,
      extensions: null,
    });
    expect(answer).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});
