import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';

const AUDIT = `query ($j: ID, $a: String, $first: Int, $after: String) {
  auditLog(jobseekerId: $j, actorId: $a, first: $first, after: $after) {
    edges { cursor node { id at actorId actorRole jobseekerId operation purpose outcome } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
type Audit = {
  auditLog: {
    edges: {
      cursor: string;
      node: {
        id: string;
        actorId: string;
        jobseekerId: string;
        operation: string;
        purpose: string | null;
        outcome: string;
      };
    }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
};
const entries = (body: { data?: Audit | null }) => body.data!.auditLog.edges.map((e) => e.node);

describe('the audit log (checklist 21, 22)', () => {
  let t: TestApp;
  let counsellor: string;
  let dpo: string;
  let jobseekerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    counsellor = await t.token({
      id: 'neuvoja-audit',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    dpo = await t.token({ id: 'tietosuojavastaava', role: 'data_protection_officer' });
    [{ id: jobseekerId }] = await t.app.database.dataSource.query(
      `SELECT id FROM jobseeker WHERE home_municipality_code = '297' ORDER BY id LIMIT 1`,
    );
  });
  afterAll(() => t.stop());

  it('lets the data protection officer list reads by jobseeker and actor, newest first, page by page', async () => {
    for (const purpose of ['first visit', 'second visit', null]) {
      await t.graphql(
        `query Visit($id: ID!) { jobseeker(id: $id) { personalData { firstName } } }`,
        { id: jobseekerId },
        { token: counsellor, purpose: purpose ?? undefined },
      );
    }
    const { body } = await t.graphql<Audit>(
      AUDIT,
      { j: jobseekerId, a: 'neuvoja-audit', first: 2 },
      { token: dpo },
    );
    expect(body.errors).toBeUndefined();
    const page = body.data!.auditLog;
    expect(entries(body).map((e) => [e.purpose, e.outcome])).toEqual([
      [null, 'DENIED'],
      ['second visit', 'ALLOWED'],
    ]);
    expect(entries(body)[0]!.operation).toContain('Visit');
    expect(page.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page.edges[0]!.cursor,
      endCursor: page.edges[1]!.cursor,
    });
    const next = await t.graphql<Audit>(
      AUDIT,
      { j: jobseekerId, a: 'neuvoja-audit', first: 2, after: page.pageInfo.endCursor },
      { token: dpo },
    );
    expect(entries(next.body).map((e) => e.purpose)).toEqual(['first visit']);
    expect(next.body.data!.auditLog.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });

  it('refuses a malformed jobseeker id, naming the field', async () => {
    const { body } = await t.graphql(AUDIT, { j: 'not-an-id', first: 1 }, { token: dpo });
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'jobseekerId',
    });
  });

  it('is for the data protection officer only', async () => {
    for (const token of [counsellor, await t.token({ id: 'admin', role: 'admin' })]) {
      const { body } = await t.graphql(AUDIT, { first: 1 }, { token });
      expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('cannot be changed or emptied in the database, whoever connects', async () => {
    const ds = t.app.database.dataSource;
    const [{ n: before }] = await ds.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(before).toBeGreaterThan(0);
    await expect(ds.query(`UPDATE audit_log SET purpose = 'rewritten'`)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(ds.query(`DELETE FROM audit_log`)).rejects.toMatchObject({ code: '42501' });
    await expect(ds.query(`TRUNCATE audit_log`)).rejects.toMatchObject({ code: '42501' });
    const [{ n: after }] = await ds.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after).toBe(before);
    const [{ n: rewritten }] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE purpose = 'rewritten'`,
    );
    expect(rewritten).toBe(0);
  });
});
