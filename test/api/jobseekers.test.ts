import { Actor } from '../../src/auth/actor';
import { startTestApp, TestApp } from '../support/test-app';

const WELDING = 'http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc';
const FORKLIFT = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';

const CREATE = `mutation ($input: CreateJobseekerInput!) { createJobseeker(input: $input) { id pseudonym customerId } }`;

describe('jobseekers, competence profiles, consent and the audit log', () => {
  let t: TestApp;
  let counsellor: string;
  let otherAreaCounsellor: string;
  let employer: string;
  let jobseekerId: string;
  let employerId: string;

  const auditRows = () =>
    t.app.database.dataSource.query(
      `SELECT actor_id, actor_role, operation, purpose, outcome FROM audit_log WHERE jobseeker_id = $1 ORDER BY id`,
      [jobseekerId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    counsellor = await t.token({
      id: 'counsellor-1',
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    otherAreaCounsellor = await t.token({
      id: 'counsellor-9',
      role: 'counsellor',
      employmentArea: 'joensuu',
    });
    const admin = await t.token({ id: 'admin-1', role: 'admin' });
    const created = await t.graphql<{ createEmployer: { id: string } }>(
      `mutation { createEmployer(input: { businessId: "0112038-9", name: "Siilin Trukki Oy", municipalityCode: "749" }) { id } }`,
      undefined,
      { token: admin },
    );
    employerId = created.body.data!.createEmployer.id;
    employer = await t.token({ id: 'hr-1', role: 'employer', employerId } as Actor);
    const { body } = await t.graphql<{ createJobseeker: { id: string } }>(
      CREATE,
      {
        input: {
          customerId: 'ASIAKAS-1001',
          homeMunicipalityCode: '749',
          employmentStatus: 'UNEMPLOYED',
          birthYear: 1971,
          maxCommuteKm: 40,
          languages: [
            { language: 'fi', level: 'NATIVE' },
            { language: 'en', level: 'B1' },
          ],
          personalData: {
            firstName: 'Testi',
            lastName: 'Henkilö',
            email: 'testi.henkilo@example.invalid',
          },
        },
      },
      { token: counsellor },
    );
    jobseekerId = body.data!.createJobseeker.id;
    const assessment = await t.graphql(
      `mutation ($id: ID!) { addCompetenceAssessment(jobseekerId: $id, input: { source: COUNSELLOR_VERIFIED, skills: [
        { skillUri: "${WELDING}", level: 4, experienceMonths: 60, lastUsedYear: 2025 },
        { skillUri: "${FORKLIFT}", level: 3 }] }) { id } }`,
      { id: jobseekerId },
      { token: counsellor },
    );
    expect(assessment.body.errors).toBeUndefined();
  });
  afterAll(() => t.stop());

  it("lists the jobseekers of the counsellor's area with their active competence profiles; another area sees none", async () => {
    const query = `{ jobseekers(first: 10, filter: { skillUri: "${WELDING}" }) { edges { node { id customerId languages { language level } activeAssessment { source skills { skillUri level experienceMonths } } } } } }`;
    const own = await t.graphql<{ jobseekers: { edges: { node: unknown }[] } }>(query, undefined, {
      token: counsellor,
      purpose: 'guidance meeting',
    });
    expect(own.body.data!.jobseekers.edges.map((e) => e.node)).toEqual([
      {
        id: jobseekerId,
        customerId: 'ASIAKAS-1001',
        languages: [
          { language: 'en', level: 'B1' },
          { language: 'fi', level: 'NATIVE' },
        ],
        activeAssessment: {
          source: 'COUNSELLOR_VERIFIED',
          skills: [
            { skillUri: WELDING, level: 4, experienceMonths: 60 },
            { skillUri: FORKLIFT, level: 3, experienceMonths: null },
          ].sort((a, b) => (a.skillUri < b.skillUri ? -1 : 1)),
        },
      },
    ]);
    const other = await t.graphql<{ jobseekers: { edges: unknown[] } }>(query, undefined, {
      token: otherAreaCounsellor,
    });
    expect(other.body.data!.jobseekers.edges).toEqual([]);
    const direct = await t.graphql(
      `query ($id: ID!) { jobseeker(id: $id) { id } }`,
      { id: jobseekerId },
      { token: otherAreaCounsellor },
    );
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('links assessed skills and desired occupations and skills to the taxonomy, an unknown URI by URI alone', async () => {
    const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
    const UNKNOWN = 'http://data.europa.eu/esco/skill/not-in-this-taxonomy';
    await t.app.database.dataSource.query(
      `UPDATE jobseeker SET desired_occupation_uris = $2, desired_skill_uris = $3 WHERE id = $1`,
      [jobseekerId, [WELDER], [FORKLIFT, UNKNOWN]],
    );
    type Linked = { uri: string; preferredLabel: string | null };
    const { body } = await t.graphql<{
      jobseeker: {
        activeAssessment: { skills: { skillUri: string; skill: Linked }[] };
        desiredOccupations: Linked[];
        desiredSkills: Linked[];
      };
    }>(
      `query ($id: ID!) { jobseeker(id: $id) {
        activeAssessment { skills { skillUri skill { uri preferredLabel(language: FI) } } }
        desiredOccupations { uri preferredLabel(language: FI) }
        desiredSkills { uri preferredLabel(language: FI) } } }`,
      { id: jobseekerId },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    const jobseeker = body.data!.jobseeker;
    expect(jobseeker.activeAssessment.skills).toHaveLength(2);
    for (const s of jobseeker.activeAssessment.skills) {
      expect(s.skill.uri).toBe(s.skillUri);
      expect(s.skill.preferredLabel).toEqual(expect.any(String));
    }
    expect(jobseeker.desiredOccupations).toEqual([
      { uri: WELDER, preferredLabel: expect.any(String) },
    ]);
    expect(jobseeker.desiredSkills).toEqual([
      { uri: FORKLIFT, preferredLabel: expect.any(String) },
      { uri: UNKNOWN, preferredLabel: null },
    ]);
  });

  it('requires a counsellor to state a purpose for personal data, and audits the refusal', async () => {
    const { body } = await t.graphql(
      `query Refused($id: ID!) { jobseeker(id: $id) { personalData { firstName } } }`,
      { id: jobseekerId },
      { token: counsellor },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'X-Osaamo-Purpose',
    });
    expect(JSON.stringify(body.data)).not.toContain('Testi');
    expect(await auditRows()).toContainEqual({
      actor_id: 'counsellor-1',
      actor_role: 'counsellor',
      operation: 'query Refused',
      purpose: null,
      outcome: 'denied',
    });
  });

  it('returns personal data to a counsellor with a purpose and writes one audit row for the read', async () => {
    const before = (await auditRows()).length;
    const { body } = await t.graphql(
      `query GuidanceVisit($id: ID!) { jobseeker(id: $id) { personalData { firstName lastName email } } }`,
      { id: jobseekerId },
      { token: counsellor, purpose: 'guidance meeting' },
    );
    expect(body.data).toEqual({
      jobseeker: {
        personalData: {
          firstName: 'Testi',
          lastName: 'Henkilö',
          email: 'testi.henkilo@example.invalid',
        },
      },
    });
    const rows = await auditRows();
    expect(rows.slice(before)).toEqual([
      {
        actor_id: 'counsellor-1',
        actor_role: 'counsellor',
        operation: 'query GuidanceVisit',
        purpose: 'guidance meeting',
        outcome: 'allowed',
      },
    ]);
  });

  it('refuses personal data that leaves a field out (the input replaces the record), changing nothing; null clears', async () => {
    const SET = `mutation ($id: ID!, $input: PersonalDataInput!) { setJobseekerPersonalData(id: $id, input: $input) }`;
    const read = async () =>
      (
        await t.graphql<{
          jobseeker: { personalData: { email: string | null; phone: string | null } };
        }>(
          `query ($id: ID!) { jobseeker(id: $id) { personalData { email phone } } }`,
          { id: jobseekerId },
          { token: counsellor, purpose: 'guidance meeting' },
        )
      ).body.data!.jobseeker.personalData;
    const before = await read();
    const refused = await t.graphql(
      SET,
      { id: jobseekerId, input: { firstName: 'Testi', lastName: 'Henkilö', phone: '040 123' } },
      { token: counsellor },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    expect(await read()).toEqual(before);
    const whole = {
      firstName: 'Testi',
      lastName: 'Henkilö',
      email: before.email,
      phone: null,
      streetAddress: null,
      postalCode: null,
      postOffice: null,
    };
    const cleared = await t.graphql(SET, { id: jobseekerId, input: whole }, { token: counsellor });
    expect(cleared.body.errors).toBeUndefined();
    expect(await read()).toEqual({ email: before.email, phone: null });
  });

  it('shows employers a pseudonymised profile, personal data only with consent, and revocation takes effect at once', async () => {
    // The customer id is read as personal data: test/api/personal-fields.test.ts.
    const query = `query Candidates { jobseekers(first: 10) { edges { node { id pseudonym personalData { firstName } } } } }`;
    const read = async () =>
      (
        await t.graphql<{ jobseekers: { edges: { node: Record<string, unknown> }[] } }>(
          query,
          undefined,
          { token: employer },
        )
      ).body.data!.jobseekers.edges.map((e) => e.node);
    const before = (await read())[0]!;
    expect(before).toEqual({
      id: null,
      pseudonym: expect.stringMatching(/^[\w-]{12}$/),
      personalData: null,
    });
    expect(before.pseudonym).not.toContain(jobseekerId.slice(0, 8));

    const jobseekerToken = await t.token({
      id: 'jobseeker-1',
      role: 'jobseeker',
      jobseekerId,
    } as Actor);
    const granted = await t.graphql<{ grantConsent: { id: string } }>(
      `mutation ($id: ID!) { grantConsent(jobseekerId: $id, purpose: SHOW_PROFILE_TO_EMPLOYERS, recipient: "all_employers") { id } }`,
      { id: jobseekerId },
      { token: jobseekerToken },
    );
    const withConsent = (await read())[0]!;
    expect(withConsent.personalData).toEqual({ firstName: 'Testi' });

    await t.graphql(
      `mutation ($id: ID!) { revokeConsent(id: $id) { revokedAt } }`,
      { id: granted.body.data!.grantConsent.id },
      { token: jobseekerToken },
    );
    const revoked = (await read())[0]!;
    expect(revoked.personalData).toBeNull();
    const employerRows = (await auditRows()).filter(
      (r: { actor_role: string }) => r.actor_role === 'employer',
    );
    expect(employerRows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'denied',
      'allowed',
      'denied',
    ]);
  });

  it('never shows birth year, and refuses a personal identity code as customer id, writing nothing', async () => {
    const { body } = await t.graphql(
      CREATE,
      {
        input: {
          customerId: '010170-123F',
          homeMunicipalityCode: '297',
          employmentStatus: 'UNEMPLOYED',
          personalData: { firstName: 'A', lastName: 'B' },
        },
      },
      { token: counsellor },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.customerId',
    });
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM jobseeker`,
    );
    expect(n).toBe(1);
    const schema = await (await import('../../src/api/schema')).buildAppSchema();
    expect(
      Object.keys((schema.getType('Jobseeker') as import('graphql').GraphQLObjectType).getFields()),
    ).not.toContain('birthYear');
  });
});
