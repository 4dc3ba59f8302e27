import fs from 'node:fs';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import express from 'express';
import { DEVELOPMENT_SECRET, PROJECT_ROOT } from '../../src/config';
import { fixtureActor, loadFixtureUsers } from '../../src/auth/fixture-users';
import { TokenService } from '../../src/auth/token.service';
import { BEARER_HINT } from '../../src/api/context';
import {
  Example,
  EXAMPLES,
  FIRST_OPEN_VACANCY,
  readmeFirstSteps,
} from '../../src/api/http/examples';
import { explorerRouter } from '../../src/api/http/explorer';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { GraphQLErrorBody, startTestApp, TestApp } from '../support/test-app';

const README = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const USERS = loadFixtureUsers();

interface Answer {
  status: number;
  body: { data?: Record<string, unknown>; errors?: GraphQLErrorBody[] };
}

/** The first ten minutes: the examples of the explorer and the README, run for real. */
describe('the first steps (development)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The explorer fills tokens in only under the public development secret.
    t = await startTestApp({
      development: true,
      introspection: true,
      jwtSecret: DEVELOPMENT_SECRET,
    });
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
  });
  afterAll(() => t.stop());

  const post = async (
    headers: Record<string, string>,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<Answer> => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  const tokenOf = (user: string): Promise<string> => {
    const fixture = USERS.find((u) => u.user === user);
    if (!fixture) throw new Error(`${user} is not in fixtures/people/users.json`);
    return t.token(fixtureActor(fixture));
  };

  /** The example as the README's commands run it: its user's token, purpose and vacancy. */
  const run = async (example: Example, auth?: Record<string, string>): Promise<Answer> => {
    const headers: Record<string, string> = auth ?? {};
    if (!auth && example.user) headers.authorization = `Bearer ${await tokenOf(example.user)}`;
    if (example.purpose) headers['x-osaamo-purpose'] = example.purpose;
    let variables = example.variables;
    if (example.needsVacancy) {
      const first = await post(headers, FIRST_OPEN_VACANCY);
      const edges = (first.body.data?.vacancies as { edges: { node: { id: string } }[] }).edges;
      expect(edges.length).toBe(1);
      variables = { ...variables, vacancyId: edges[0]!.node.id };
    }
    return post(headers, example.query, variables);
  };

  it.each(EXAMPLES.map((e) => [e.title, e] as const))(
    '%s: runs without errors',
    async (_, example) => {
      const { status, body } = await run(example);
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      // Each answers something on the sample: an example that shows nothing teaches nothing.
      for (const [field, value] of Object.entries(body.data ?? {}))
        expect({ field, empty: isEmpty(value) }).toEqual({ field, empty: false });
    },
  );

  it('every fixture user of the README has an example, and the examples are those of the README', () => {
    const named = [
      'neuvoja',
      'tyonantaja-1',
      'tyonhakija-1',
      'oppimisymparisto',
      'integraatio',
      'yllapito',
      'tietosuojavastaava',
    ];
    for (const user of named) {
      expect(EXAMPLES.some((e) => e.user === user)).toBe(true);
      expect(README).toContain(`npm run token --silent -- --user ${user} `);
    }
    // Written by `npm run readme:examples`; this fails when an example changed without it.
    expect(README).toContain(readmeFirstSteps(USERS));
  });

  it('the README points to nothing outside the repository', () => {
    expect(README).not.toMatch(/\.\.\/shared|\/work\//);
  });

  it("an integrator's operation runs with the API key the administrator's example creates", async () => {
    const create = EXAMPLES.find((e) => e.query.includes('createApiKey'))!;
    const { body } = await run(create);
    const key = (body.data?.createApiKey as { key: string }).key;
    for (const example of EXAMPLES.filter((e) => e.alsoWithApiKey)) {
      const answer = await run(example, { 'x-api-key': key });
      expect({ status: answer.status, errors: answer.body.errors }).toEqual({
        status: 200,
        errors: undefined,
      });
    }
  });

  it('refuses a token sent without "Bearer " with UNAUTHENTICATED and says how to send it', async () => {
    const token = await tokenOf('integraatio');
    for (const authorization of [token, `Token ${token}`, 'Bearer']) {
      const { status, body } = await post(
        { authorization },
        '{ vacancies { edges { node { id } } } }',
      );
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.errors?.[0]?.message).toBe(BEARER_HINT);
      expect(BEARER_HINT).toContain('Authorization: Bearer <token>');
    }
    // The same token with its scheme is accepted.
    const ok = await post(
      { authorization: `bearer ${token}` },
      '{ vacancies { edges { node { id } } } }',
    );
    expect({ status: ok.status, errors: ok.body.errors }).toEqual({
      status: 200,
      errors: undefined,
    });
    // A token that is not valid keeps its own reason: the hint is only for a missing scheme.
    const forged = await post({ authorization: 'Bearer not.a.token' }, '{ __typename }');
    expect(forged.body.errors?.[0]?.message).toMatch(/token is not valid/);
  });

  it('the explorer is titled Osaamo and opens with one tab per example, tokens and purposes filled in', async () => {
    const page = await (await fetch(`${t.url}/explorer/`)).text();
    expect(page).toMatch(/<title>Osaamo<\/title>/);
    const script = await (await fetch(`${t.url}/explorer/app.js`)).text();
    const tabs = explorerTabs(script);
    expect(tabs).toHaveLength(EXAMPLES.length);
    for (const [i, example] of EXAMPLES.entries()) {
      const tab = tabs[i]!;
      expect(tab.query).toContain(example.query);
      expect(tab.query).toContain(example.title);
      if (example.needsVacancy) expect(tab.query).toContain(FIRST_OPEN_VACANCY);
      const headers = JSON.parse(tab.headers ?? '{}') as Record<string, string>;
      expect(headers['x-osaamo-purpose']).toBe(example.purpose);
      if (!example.user) {
        expect(headers.Authorization).toBeUndefined();
        continue;
      }
      const token = /^Bearer (\S+)$/.exec(headers.Authorization ?? '')?.[1];
      const actor = await t.app.services.tokens.verify(token ?? '');
      expect(actor).toEqual(
        expect.objectContaining(fixtureActor(USERS.find((u) => u.user === example.user)!)),
      );
      // The tab runs as it opens (but for the vacancy it asks to be picked).
      if (!example.needsVacancy) {
        const { body } = await post(
          { ...headers },
          example.query,
          tab.variables ? (JSON.parse(tab.variables) as Record<string, unknown>) : undefined,
        );
        expect({ title: example.title, errors: body.errors }).toEqual({
          title: example.title,
          errors: undefined,
        });
      }
    }
  });
});

describe('the explorer under a secret of its own', () => {
  it('fills in no token: only the command that makes one', async () => {
    const app = express().use(
      '/explorer',
      explorerRouter({ tokens: new TokenService('x'.repeat(40)), jwtSecret: 'x'.repeat(40) }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const script = await (await fetch(`http://127.0.0.1:${port}/explorer/app.js`)).text();
      const withUser = explorerTabs(script).filter((tab) => tab.headers?.includes('Authorization'));
      expect(withUser.length).toBe(EXAMPLES.filter((e) => e.user).length);
      for (const tab of withUser)
        expect(JSON.parse(tab.headers!)).toEqual(
          expect.objectContaining({
            Authorization: expect.stringMatching(/^Bearer <npm run token --silent -- --user \S+>$/),
          }),
        );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** Null, an empty list, or a page or log without entries. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  const list = value as { edges?: unknown[]; entries?: unknown[] };
  return (list.edges ?? list.entries)?.length === 0;
}

/** The defaultTabs the explorer's script hands GraphiQL. */
function explorerTabs(script: string): { query: string; variables?: string; headers?: string }[] {
  const json = /defaultTabs: (\[.*\]),\n/.exec(script)?.[1];
  if (!json) throw new Error('no defaultTabs in the explorer script');
  return JSON.parse(json) as never;
}
