import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12, finding 9: with introspection off, no error may hint at the schema. graphql-js
 * suggests ("Did you mean …?") fields, arguments, types, enum values and input fields, in
 * validation and in variable coercion alike; none of it may leave a production server.
 */
describe('schema hints on a production-like server', () => {
  let t: TestApp;
  let development: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ development: false, fieldSuggestions: false, introspection: false });
    development = await startTestApp({ development: true, fieldSuggestions: true });
    admin = await t.token({ id: 'hints-admin', role: 'admin' });
  });
  afterAll(async () => {
    await t.stop();
    await development.stop();
  });

  // Every row has its variables: jest would take a missing third value for a done callback.
  const cases: [string, string, Record<string, unknown>][] = [
    ['an enum value', `{ searchSkills(text: "x", language: FX) { __typename } }`, {}],
    [
      'an enum value in a variable',
      `query ($l: Language!) { searchSkills(text: "x", language: $l) { __typename } }`,
      { l: 'FX' },
    ],
    ['a type', `query ($l: Languag!) { searchSkills(text: "x", language: $l) { __typename } }`, {}],
    ['an argument', `{ searchSkills(tex: "x") { __typename } }`, {}],
    ['a field', `{ searchSkill(text: "x") { __typename } }`, {}],
    [
      'an input field in a literal',
      `mutation { createEmployer(input: { nam: "x", name: "y", businessId: "0737546-2", municipalityCode: "297" }) { id } }`,
      {},
    ],
    [
      'an input field in a variable',
      `mutation ($i: CreateEmployerInput!) { createEmployer(input: $i) { id } }`,
      { i: { nam: 'x', name: 'y', businessId: '0737546-2', municipalityCode: '297' } },
    ],
  ];

  it.each(cases)('suggests no %s (finding 9)', async (_what, query, variables) => {
    const answer = await t.graphql(query, variables, { token: admin });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    for (const error of answer.body.errors!) {
      expect(error.message).not.toMatch(/did you mean|suggest/i);
      // FI is the enum value graphql-js would suggest: nowhere in the request.
      expect(error.message).not.toMatch(/\bFI\b/);
    }
    // The same request on a development server does suggest: the case exercises a real hint.
    const hinted = await development.graphql(query, variables, {
      token: await development.token({ id: 'hints-admin', role: 'admin' }),
    });
    expect(hinted.body.errors!.map((e) => e.message).join(' ')).toMatch(/Did you mean/);
  });
});
