import {
  GraphQLField,
  GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { ACCESS_RULES } from '../../src/auth/access-policy';
import { Actor, Role } from '../../src/auth/actor';
import { buildAppSchema } from '../../src/api/schema';
import { textProblem, withStorableText } from '../../src/kernel/validation/text-problem';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12, finding 6 (API): every string argument and input field refuses NUL and lone
 * surrogates with BAD_USER_INPUT naming its path, before anything reaches the database
 * (`updateEmployer(input: {name: "A\u0000B"})` answered an internal error).
 */
const ID = '00000000-0000-4000-8000-00000000dead';
const ACTORS: Record<Role, Actor> = {
  counsellor: { id: 's-c', role: 'counsellor', employmentArea: 'kuopio' },
  employer: { id: 's-e', role: 'employer', employerId: ID },
  jobseeker: { id: 's-j', role: 'jobseeker', jobseekerId: ID },
  learning_environment: { id: 's-l', role: 'learning_environment' },
  integrator: { id: 's-i', role: 'integrator' },
  admin: { id: 's-a', role: 'admin' },
  data_protection_officer: { id: 's-d', role: 'data_protection_officer' },
};

/** A value for a required input type, and the path of its first string (where the bad text goes). */
function valueFor(type: GraphQLInputType, path: string): { value: unknown; stringPath?: string } {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    const item = valueFor(inner.ofType as GraphQLInputType, `${path}[0]`);
    return { value: [item.value], stringPath: item.stringPath };
  }
  if (isEnumType(inner)) return { value: inner.getValues()[0]!.name };
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    let stringPath: string | undefined;
    for (const f of Object.values(inner.getFields())) {
      if (!isNonNullType(f.type) || f.defaultValue !== undefined) continue;
      const field = valueFor(f.type, `${path}.${f.name}`);
      value[f.name] = field.value;
      stringPath ??= field.stringPath;
    }
    return { value, stringPath };
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'String':
      case 'ID':
        return { value: 'x', stringPath: path };
      case 'Int':
        return { value: 1 };
      case 'Float':
        return { value: 0.5 };
      case 'Boolean':
        return { value: true };
      case 'LocalDate':
        return { value: '2026-01-01' };
      default:
        return { value: '2026-01-01T00:00:00Z' };
    }
  }
  return { value: null };
}

function setAt(root: Record<string, unknown>, path: string, text: string): void {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let node: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = text;
}

describe('string inputs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ development: false, introspection: false });
  });
  afterAll(() => t.stop());

  it('names NUL and lone surrogates as problems, and nothing else', () => {
    expect(textProblem('A\u0000B')).toMatch(/NUL/);
    expect(textProblem('A\uD800B')).toMatch(/surrogate/);
    expect(textProblem('A\uDC00')).toMatch(/surrogate/);
    expect(textProblem('\uDFFF\uD800')).toMatch(/surrogate/);
    expect(textProblem('Sähköasentaja 😀 \u00a0\t\n')).toBeNull();
    expect(textProblem('')).toBeNull();
  });

  it('refuses updateEmployer(input: {name: "A\\u0000B"}) with BAD_USER_INPUT naming input.name (finding 6)', async () => {
    const admin = await t.token(ACTORS.admin);
    const created = await t.graphql<{ createEmployer: { id: string } }>(
      `mutation { createEmployer(input: { businessId: "0737546-2", name: "Oy", municipalityCode: "297" }) { id } }`,
      {},
      { token: admin },
    );
    const id = created.body.data!.createEmployer.id;
    const literal = await t.graphql(
      `mutation { updateEmployer(id: "${id}", input: { name: "A\\u0000B" }) { id } }`,
      {},
      { token: admin },
    );
    expect(literal.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
    const variable = await t.graphql(
      `mutation ($i: UpdateEmployerInput!) { updateEmployer(id: "${id}", input: $i) { id } }`,
      { i: { name: 'A\uD800B' } },
      { token: admin },
    );
    expect(variable.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
    const [row] = await t.app.database.dataSource.query(`SELECT name FROM employer WHERE id = $1`, [
      id,
    ]);
    expect(row.name).toBe('Oy');
  });

  it('refuses them in every string argument and input field of every operation (finding 6)', async () => {
    const schema = await buildAppSchema();
    const operations: [string, GraphQLField<unknown, unknown>][] = [
      ...Object.values(schema.getQueryType()!.getFields()).map(
        (f) => ['query', f] as [string, typeof f],
      ),
      ...Object.values(schema.getMutationType()!.getFields()).map(
        (f) => ['mutation', f] as [string, typeof f],
      ),
    ];
    const wrong: string[] = [];
    let checked = 0;
    for (const [kind, field] of operations) {
      const rule = ACCESS_RULES.get(field.name)!;
      const token = 'public' in rule ? undefined : await t.token(ACTORS[rule.roles[0]!]);
      const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      for (const [bad, text] of [
        ['NUL', 'A\u0000B'],
        ['lone surrogate', 'A\uDC00B'],
      ] as const) {
        const variables: Record<string, unknown> = {};
        let target: string | undefined;
        for (const arg of args) {
          const { value, stringPath } = valueFor(arg.type, arg.name);
          variables[arg.name] = value;
          target ??= stringPath;
        }
        if (!target) continue;
        setAt(variables, target, text);
        checked++;
        const signature = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const named = getNamedType(field.type);
        const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
        const query = `${kind} (${signature}) { ${field.name}(${call})${selection} }`;
        const { body } = await t.graphql(query, variables, { token, purpose: 'string check' });
        const error = body.errors?.[0];
        if (error?.extensions?.code !== 'BAD_USER_INPUT' || error.extensions.field !== target)
          wrong.push(
            `${field.name} with ${bad} in ${target}: ${JSON.stringify(body).slice(0, 200)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});

describe('outside text made storable (finding 6, outside ads)', () => {
  it('removes NUL and lone surrogates from every string of an answer, deep, and keeps the rest', () => {
    const published = new Date('2026-11-30T00:00:00Z');
    const answer = {
      vacancies: [
        {
          title: 'Ohjelmistokehittäjä\u0000',
          description: 'A\uD800B 😀',
          skillUris: ['x\u0000'],
          location: { latitude: 62.9, longitude: 27.7 },
          publishedAt: published,
          employerName: null,
        },
      ],
      removedIds: ['id\uDC00'],
    };
    const stored = withStorableText(answer);
    expect(stored).toEqual({
      vacancies: [
        {
          title: 'Ohjelmistokehittäjä',
          description: 'AB 😀',
          skillUris: ['x'],
          location: { latitude: 62.9, longitude: 27.7 },
          publishedAt: published,
          employerName: null,
        },
      ],
      removedIds: ['id'],
    });
    expect(stored.vacancies[0]!.publishedAt).toBeInstanceOf(Date);
  });
});
