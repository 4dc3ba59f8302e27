import { Actor } from '../../src/auth/actor';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12, findings 10 and 11: fields of a jobseeker that are personal data behave as their
 * descriptions say. The customer id (a direct identifier) is read through the audited reader
 * with a purpose; consents are shown to counsellors (of the area) and the jobseeker only.
 */
describe('personal fields of a jobseeker', () => {
  let t: TestApp;
  let jobseekerId: string;
  let customerId: string;
  const counsellor: Actor = { id: 'pf-c', role: 'counsellor', employmentArea: 'kuopio' };
  const admin: Actor = { id: 'pf-a', role: 'admin' };
  const auditRows = (actorId: string) =>
    t.app.database.dataSource.query(
      `SELECT actor_role, jobseeker_id, operation, purpose, outcome FROM audit_log WHERE actor_id = $1 ORDER BY id`,
      [actorId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    [{ id: jobseekerId, customer_id: customerId }] = await ds.query(
      `SELECT j.id, j.customer_id FROM jobseeker j JOIN municipality m ON m.code = j.home_municipality_code
       WHERE m.employment_area = 'kuopio' AND EXISTS (SELECT 1 FROM consent c WHERE c.jobseeker_id = j.id)
       ORDER BY j.id LIMIT 1`,
    );
  });
  afterAll(() => t.stop());

  const ask = async (actor: Actor, field: string, purpose?: string) =>
    (
      await t.graphql<{ jobseeker: Record<string, unknown> | null }>(
        `query Read($id: ID!) { jobseeker(id: $id) { ${field} } }`,
        { id: jobseekerId },
        { token: await t.token(actor), purpose },
      )
    ).body;

  it('refuses a counsellor the customer id without a purpose, and audits the refusal (finding 10)', async () => {
    const actor = { ...counsellor, id: 'pf-c-nopurpose' };
    const body = await ask(actor, 'customerId');
    expect(body.data?.jobseeker).toEqual({ customerId: null });
    expect(body.errors?.[0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'X-Osaamo-Purpose',
    });
    expect(await auditRows(actor.id)).toEqual([
      {
        actor_role: 'counsellor',
        jobseeker_id: jobseekerId,
        operation: 'query Read',
        purpose: null,
        outcome: 'denied',
      },
    ]);
  });

  it('gives a counsellor of the area the customer id with a purpose, with an audit row (finding 10)', async () => {
    const body = await ask(counsellor, 'customerId', 'guidance meeting');
    expect(body).toEqual({ data: { jobseeker: { customerId } } });
    expect(await auditRows(counsellor.id)).toEqual([
      {
        actor_role: 'counsellor',
        jobseeker_id: jobseekerId,
        operation: 'query Read',
        purpose: 'guidance meeting',
        outcome: 'allowed',
      },
    ]);
  });

  it('gives the jobseeker their own customer id, and an admin or an employer none (finding 10)', async () => {
    const self: Actor = { id: 'pf-self', role: 'jobseeker', jobseekerId };
    expect(await ask(self, 'customerId')).toEqual({ data: { jobseeker: { customerId } } });
    expect(await ask(admin, 'customerId')).toEqual({ data: { jobseeker: { customerId: null } } });
    expect((await auditRows(admin.id)).map((r: { outcome: string }) => r.outcome)).toEqual([
      'denied',
    ]);
    // An employer, even one the jobseeker consented to show their profile to.
    const [{ id: employerId }] = await t.app.database.dataSource.query(
      `SELECT id FROM employer ORDER BY id LIMIT 1`,
    );
    const employer: Actor = { id: 'pf-e', role: 'employer', employerId };
    await t.app.database.dataSource.query(
      `INSERT INTO consent (jobseeker_id, purpose, recipient, granted_at) VALUES ($1, 'show_profile_to_employers', 'all_employers', now())`,
      [jobseekerId],
    );
    const listed = await t.graphql<{
      jobseekers: { edges: { node: { customerId: string | null; personalData: unknown } }[] };
    }>(
      `{ jobseekers(first: 100) { edges { node { customerId personalData { lastName } } } } }`,
      undefined,
      {
        token: await t.token(employer),
      },
    );
    const nodes = listed.body.data!.jobseekers.edges.map((e) => e.node);
    expect(nodes.some((n) => n.personalData !== null)).toBe(true);
    expect(nodes.every((n) => n.customerId === null)).toBe(true);
  });

  it('shows consents to the counsellor of the area and to the jobseeker, not to an admin (finding 11)', async () => {
    const self: Actor = { id: 'pf-self', role: 'jobseeker', jobseekerId };
    const consents = (body: Awaited<ReturnType<typeof ask>>) =>
      (body.data?.jobseeker as { consents: unknown[] }).consents;
    expect(consents(await ask(counsellor, 'consents { purpose }', 'x')).length).toBeGreaterThan(0);
    expect(consents(await ask(self, 'consents { purpose }')).length).toBeGreaterThan(0);
    expect(consents(await ask(admin, 'consents { purpose }'))).toEqual([]);
    const listed = await t.graphql<{
      jobseekers: { edges: { node: { consents: unknown[] } }[] };
    }>(`{ jobseekers(first: 50) { edges { node { consents { id } } } } }`, undefined, {
      token: await t.token(admin),
    });
    expect(listed.body.data!.jobseekers.edges.flatMap((e) => e.node.consents)).toEqual([]);
  });
});
