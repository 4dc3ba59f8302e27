import { startTestApp, TestApp } from '../support/test-app';
import { setLogSink } from '../../src/kernel/logger';
import { MatchService } from '../../src/matches/match.service';

describe('HTTP surface (production-like configuration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ development: false, introspection: false });
  });
  afterAll(() => t.stop());

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: t.app.database.kind,
      matchChangeId: expect.any(Number),
    });
  });

  it('answers /readyz 503 until the match index is built, and serves matches after', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const original = MatchService.prototype.skillGraph;
    const spy = jest.spyOn(MatchService.prototype, 'skillGraph').mockImplementation(async function (
      this: MatchService,
    ) {
      await held;
      return original.call(this);
    });
    const slow = await startTestApp({ development: false }, { waitForMatchIndex: false });
    try {
      const response = await fetch(`${slow.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'not ready',
        reason: 'match index not built',
      });
      release();
      await slow.app.services.matches.index.build();
      expect((await fetch(`${slow.url}/readyz`)).status).toBe(200);
    } finally {
      spy.mockRestore();
      release();
      await slow.stop();
    }
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const big = JSON.stringify({
      query: `{ __typename }`,
      variables: { pad: 'x'.repeat(1024 * 1024) },
    });
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('BAD_REQUEST');
    expect((await t.graphql('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const textPlain = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(textPlain.status).toBe(400);
  });

  it('speaks GraphQL over HTTP: GET for queries (with the preflight header), 405 for a mutation by GET, multipart refused', async () => {
    const preflight = { 'apollo-require-preflight': 'true' };
    const query = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: preflight,
    });
    expect(query.status).toBe(200);
    expect(query.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const mutation = await fetch(
      `${t.url}/graphql?query=${encodeURIComponent('mutation { revokeConsent(id: "x") { id } }')}`,
      { headers: preflight },
    );
    expect(mutation.status).toBe(405);
    const multipart = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--',
    });
    expect(multipart.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('serves no landing page and no explorer outside development', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html|sandbox|graphiql/i);
    expect((await fetch(`${t.url}/explorer/`)).status).toBe(404);
  });

  it('refuses introspection when configuration turns it off, whatever NODE_ENV says', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const { body } = await t.graphql('{ __schema { types { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('masks an unexpected database error: a code and a correlation id that is in the log, no SQL', async () => {
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    try {
      await t.app.database.dataSource.query(
        'ALTER TABLE esco_description RENAME TO esco_description_gone',
      );
      const { body } = await t.graphql(
        `{ skill(uri: "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da") { description } }`,
      );
      const error = body.errors![0]!;
      expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      // Exactly this: no SQL, no table name, no stack trace.
      expect(error).toEqual({
        message: 'Internal server error',
        path: ['skill', 'description'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: expect.any(String) },
      });
      const correlationId = error.extensions?.correlationId as string;
      expect(
        lines.some((line) => line.includes(correlationId) && line.includes('unexpected_error')),
      ).toBe(true);
    } finally {
      setLogSink((line) => process.stdout.write(line + '\n'));
      await t.app.database.dataSource.query(
        'ALTER TABLE esco_description_gone RENAME TO esco_description',
      );
    }
  });
});

describe('explorer (development)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ development: true, introspection: true });
  });
  afterAll(() => t.stop());

  it('serves GraphiQL and its scripts from this server only, so it works offline', async () => {
    const page = await (await fetch(`${t.url}/explorer/`)).text();
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source.startsWith('/explorer/')).toBe(true);
      const asset = await fetch(`${t.url}${source}`);
      expect({ source, status: asset.status }).toEqual({ source, status: 200 });
      // No asset may fetch code from elsewhere at run time.
      expect(await asset.text()).not.toMatch(/https:\/\/(unpkg|cdn\.jsdelivr|esm\.sh|cdnjs)/);
    }
  });
});
