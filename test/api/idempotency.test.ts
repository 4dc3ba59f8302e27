import { startTestApp, TestApp } from '../support/test-app';

/** Idempotency keys on mutations (checklist 34). */
describe('idempotency keys', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token({ id: 'yllapito', role: 'admin' });
  });
  afterAll(() => t.stop());

  const CREATE = `mutation ($input: CreateEmployerInput!) { createEmployer(input: $input) { id name } }`;
  const send = async (key: string, name: string, businessId = '0737546-2') => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        'idempotency-key': key,
      },
      body: JSON.stringify({
        query: CREATE,
        variables: { input: { businessId, name, municipalityCode: '297' } },
      }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: { createEmployer: { id: string } };
        errors?: { extensions?: Record<string, unknown> }[];
      },
    };
  };
  const employersNamed = async (name: string) =>
    (
      (await t.app.database.dataSource.query(
        `SELECT count(*)::int AS n FROM employer WHERE name = $1`,
        [name],
      )) as { n: number }[]
    )[0]!.n;

  it('has one effect and the same answer for the same key, even sent twice at once', async () => {
    const [a, b] = await Promise.all([
      send('order-1', 'Idempotent Oy'),
      send('order-1', 'Idempotent Oy'),
    ]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body).toEqual(a.body);
    const c = await send('order-1', 'Idempotent Oy');
    expect(c.body).toEqual(a.body);
    expect(await employersNamed('Idempotent Oy')).toBe(1);
  });

  it('refuses a key longer than 200 characters, naming the header', async () => {
    const long = await send('k'.repeat(201), 'Long Key Oy');
    expect(long.status).toBe(400);
    expect(long.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'Idempotency-Key',
    });
    expect(await employersNamed('Long Key Oy')).toBe(0);
  });

  it('refuses the same key with another payload, and a new key has its own effect', async () => {
    await send('order-2', 'First Oy', '2344583-8');
    const other = await send('order-2', 'Second Oy', '2344583-8');
    expect(other.status).toBe(409);
    expect(other.body.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'Idempotency-Key',
    });
    expect(await employersNamed('Second Oy')).toBe(0);
    // A new key runs again: here the business id is already taken, and that answer is its own.
    const fresh = await send('order-3', 'Second Oy', '2344583-8');
    expect(fresh.body.errors![0]!.extensions!.field).not.toBe('Idempotency-Key');
    expect(await employersNamed('First Oy')).toBe(1);
  });
});
