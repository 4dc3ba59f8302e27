import { Actor } from '../../src/auth/actor';
import { startTestApp, TestApp } from '../support/test-app';

const PLANT = '3012468-8';
const FIELDS = 'lastEmployerBusinessId laidOffOn';
const CREATE = `mutation ($input: CreateJobseekerInput!) { createJobseeker(input: $input) { id ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: JobseekerInput!) { updateJobseeker(id: $id, input: $input) { ${FIELDS} } }`;
const READ = `query ($id: ID!) { jobseeker(id: $id) { ${FIELDS} } }`;

interface LayOff {
  lastEmployerBusinessId: string | null;
  laidOffOn: string | null;
}

describe('lay-off facts of a jobseeker', () => {
  let t: TestApp;
  let counsellor: string;
  let employer: string;
  let jobseekerId: string;

  const stored = async (): Promise<LayOff> =>
    (await t.graphql<{ jobseeker: LayOff }>(READ, { id: jobseekerId }, { token: counsellor })).body
      .data!.jobseeker;
  const jobseekerCount = async (): Promise<number> =>
    (await t.app.database.dataSource.query(`SELECT count(*)::int AS n FROM jobseeker`))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    counsellor = await t.token({
      id: 'counsellor-1',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    const admin = await t.token({ id: 'admin-1', role: 'admin' });
    const created = await t.graphql<{ createEmployer: { id: string } }>(
      `mutation { createEmployer(input: { businessId: "0112038-9", name: "Siilin Trukki Oy", municipalityCode: "749" }) { id } }`,
      undefined,
      { token: admin },
    );
    employer = await t.token({
      id: 'hr-1',
      role: 'employer',
      employerId: created.body.data!.createEmployer.id,
    } as Actor);
    const { body } = await t.graphql<{ createJobseeker: { id: string } & LayOff }>(
      CREATE,
      {
        input: {
          customerId: 'ASIAKAS-2001',
          homeMunicipalityCode: '749',
          employmentStatus: 'LAID_OFF',
          lastEmployerBusinessId: ` ${PLANT} `,
          laidOffOn: '2026-10-31',
          personalData: { firstName: 'Testi', lastName: 'Lomautettu' },
        },
      },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    jobseekerId = body.data!.createJobseeker.id;
  });
  afterAll(() => t.stop());

  it('returns the business id (trimmed) and the day when a counsellor creates a jobseeker with them', async () => {
    expect(await stored()).toEqual({ lastEmployerBusinessId: PLANT, laidOffOn: '2026-10-31' });
  });

  it('returns the jobseeker their own lay-off facts', async () => {
    const self = await t.token({ id: 'jobseeker-1', role: 'jobseeker', jobseekerId } as Actor);
    const { body } = await t.graphql<{ jobseeker: LayOff }>(
      READ,
      { id: jobseekerId },
      { token: self },
    );
    expect(body.data!.jobseeker).toEqual({
      lastEmployerBusinessId: PLANT,
      laidOffOn: '2026-10-31',
    });
  });

  it('returns the changed facts when updated, and none when cleared with null', async () => {
    const changed = await t.graphql<{ updateJobseeker: LayOff }>(
      UPDATE,
      { id: jobseekerId, input: { lastEmployerBusinessId: '0112038-9', laidOffOn: '1990-01-01' } },
      { token: counsellor },
    );
    expect(changed.body.data!.updateJobseeker).toEqual({
      lastEmployerBusinessId: '0112038-9',
      laidOffOn: '1990-01-01',
    });
    // Omitted fields stay.
    await t.graphql(
      UPDATE,
      { id: jobseekerId, input: { maxCommuteKm: 30 } },
      { token: counsellor },
    );
    expect(await stored()).toEqual({
      lastEmployerBusinessId: '0112038-9',
      laidOffOn: '1990-01-01',
    });
    const cleared = await t.graphql<{ updateJobseeker: LayOff }>(
      UPDATE,
      { id: jobseekerId, input: { lastEmployerBusinessId: null, laidOffOn: null } },
      { token: counsellor },
    );
    expect(cleared.body.data!.updateJobseeker).toEqual({
      lastEmployerBusinessId: null,
      laidOffOn: null,
    });
    await t.graphql(
      UPDATE,
      { id: jobseekerId, input: { lastEmployerBusinessId: PLANT, laidOffOn: '2026-10-31' } },
      { token: counsellor },
    );
  });

  it.each([
    ['1234567-8', 'a wrong check digit'],
    ['12345678', 'no hyphen'],
    ['Y-3012468-8', 'a prefix'],
  ])(
    'returns BAD_USER_INPUT naming input.lastEmployerBusinessId for %s (%s), changing nothing',
    async (businessId) => {
      const updated = await t.graphql(
        UPDATE,
        { id: jobseekerId, input: { lastEmployerBusinessId: businessId, maxCommuteKm: 5 } },
        { token: counsellor },
      );
      expect(updated.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.lastEmployerBusinessId',
        reason: 'must be a Finnish business ID such as 1234567-8',
      });
      expect(await stored()).toEqual({ lastEmployerBusinessId: PLANT, laidOffOn: '2026-10-31' });

      const before = await jobseekerCount();
      const created = await t.graphql(
        CREATE,
        {
          input: {
            customerId: `ASIAKAS-${businessId}`,
            homeMunicipalityCode: '749',
            employmentStatus: 'LAID_OFF',
            lastEmployerBusinessId: businessId,
            personalData: { firstName: 'A', lastName: 'B' },
          },
        },
        { token: counsellor },
      );
      expect(created.body.errors?.[0]?.extensions).toMatchObject({
        field: 'input.lastEmployerBusinessId',
      });
      expect(await jobseekerCount()).toBe(before);
    },
  );

  it('returns BAD_USER_INPUT naming input.laidOffOn for a day in the future or before 1990, changing nothing', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const [day, reason] of [
      [tomorrow, 'must not be in the future'],
      ['1989-12-31', 'must not be before 1990'],
    ]) {
      const { body } = await t.graphql(
        UPDATE,
        { id: jobseekerId, input: { laidOffOn: day, maxCommuteKm: 5 } },
        { token: counsellor },
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.laidOffOn',
        reason,
      });
    }
    expect(await stored()).toEqual({ lastEmployerBusinessId: PLANT, laidOffOn: '2026-10-31' });
  });

  it('returns null for both to an employer, who sees the pseudonymised candidate', async () => {
    const { body } = await t.graphql<{
      jobseekers: { edges: { node: { id: string | null } & LayOff }[] };
    }>(
      `{ jobseekers(first: 10) { edges { node { id employmentStatus ${FIELDS} } } } }`,
      undefined,
      {
        token: employer,
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.jobseekers.edges.map((e) => e.node)).toEqual([
      { id: null, employmentStatus: 'LAID_OFF', lastEmployerBusinessId: null, laidOffOn: null },
    ]);
  });
});
