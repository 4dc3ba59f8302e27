import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

describe('a counsellor on the area fixtures', () => {
  let t: TestApp;
  let counsellor: string;
  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    const user = users.find((u) => u.user === 'neuvoja')!;
    counsellor = await t.token({
      id: user.user,
      role: 'counsellor',
      employmentArea: user.employmentArea,
    });
  });
  afterAll(() => t.stop());

  it('pages through every jobseeker of the area, each with an active competence profile', async () => {
    let after: string | null = null;
    const seen: string[] = [];
    type Page = {
      jobseekers: {
        edges: { node: { id: string; activeAssessment: { skills: unknown[] } | null } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    for (let page = 0; page < 10; page++) {
      const response: { body: { data?: Page } } = await t.graphql<Page>(
        `query ($after: String) { jobseekers(first: 100, after: $after) { edges { node { id activeAssessment { skills { skillUri level } } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { token: counsellor },
      );
      const { edges, pageInfo }: Page['jobseekers'] = response.body.data!.jobseekers;
      for (const { node } of edges) {
        expect(node.activeAssessment?.skills.length).toBeGreaterThan(0);
        seen.push(node.id);
      }
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    // 300 of the area and 96 laid off by one plant (fixtures/README.md).
    expect(new Set(seen).size).toBe(396);
  });

  it('lists open vacancies with their requirement profiles and employers', async () => {
    const { body } = await t.graphql<{
      vacancies: {
        edges: {
          node: {
            title: string;
            employer: { name: string };
            requirements: {
              revision: number;
              skills: { importance: string }[];
              languages: { language: string }[];
            };
          };
        }[];
      };
    }>(
      `{ vacancies(first: 100, filter: { statuses: [OPEN], municipalityCodes: ["297"] }) { edges { node { title employer { name } requirements { revision skills { importance requiredLevel } languages { language minLevel } } } } } }`,
      undefined,
      { token: counsellor },
    );
    const vacancies = body.data!.vacancies.edges.map((e) => e.node);
    expect(vacancies.length).toBeGreaterThan(40);
    for (const v of vacancies) {
      expect(v.employer.name).toMatch(/ Oy$/);
      expect(v.requirements.skills.some((s) => s.importance === 'ESSENTIAL')).toBe(true);
      expect(v.requirements.languages.map((l) => l.language)).toContain('fi');
    }
  });

  it("gives a fixture recruiter's token its own vacancies only and pseudonymised people", async () => {
    const recruiter = users.find((u) => u.user === 'tyonantaja-1')!;
    const token = await t.token({
      id: recruiter.user,
      role: 'employer',
      employerId: recruiter.employerId,
    });
    const { body } = await t.graphql<{
      vacancies: { edges: { node: { employerId: string } }[] };
      jobseekers: {
        edges: { node: { id: string | null; customerId: string | null; pseudonym: string } }[];
      };
    }>(
      `{ vacancies(first: 100) { edges { node { employerId } } } jobseekers(first: 100) { edges { node { id customerId pseudonym } } } }`,
      undefined,
      { token },
    );
    const vacancies = body.data!.vacancies.edges.map((e) => e.node.employerId);
    expect(vacancies).toHaveLength(3);
    expect(new Set(vacancies)).toEqual(new Set([recruiter.employerId]));
    const people = body.data!.jobseekers.edges.map((e) => e.node);
    expect(people).toHaveLength(100);
    expect(
      people.every((p) => p.id === null && p.customerId === null && p.pseudonym.length === 12),
    ).toBe(true);
  });

  it("gives a fixture jobseeker's token themself only", async () => {
    const jobseeker = users.find((u) => u.user === 'tyonhakija-1')!;
    const token = await t.token({
      id: jobseeker.user,
      role: 'jobseeker',
      jobseekerId: jobseeker.jobseekerId,
    });
    const { body } = await t.graphql<{
      jobseekers: { edges: { node: { id: string; personalData: { firstName: string } } }[] };
    }>(
      `{ jobseekers(first: 10) { edges { node { id personalData { firstName } } } } }`,
      undefined,
      { token },
    );
    expect(body.data!.jobseekers.edges.map((e) => e.node.id)).toEqual([jobseeker.jobseekerId]);
    expect(body.data!.jobseekers.edges[0]!.node.personalData.firstName).toBeTruthy();
  });
});
