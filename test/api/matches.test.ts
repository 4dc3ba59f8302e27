import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { StatementCounter } from '../support/statement-counter';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

interface MatchNode {
  score: number;
  exactScore: number;
  vacancyId: string;
  summary: string;
  components: {
    name: string;
    value: number | null;
    weight: number;
    contribution: number;
    exactContribution: number;
  }[];
  matchedSkills: unknown[];
  jobseeker: { id: string | null; pseudonym: string };
}
type Matches = {
  edges: { node: MatchNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
};

const FOR_VACANCY = `query ($id: ID!, $first: Int) { matchesForVacancy(vacancyId: $id, first: $first) {
  edges { node { score exactScore vacancyId summary(language: FI) components { name value weight contribution exactContribution } matchedSkills { skillUri } jobseeker { id pseudonym } } }
  pageInfo { hasNextPage endCursor } } }`;

describe('ranked, explained matches', () => {
  let t: TestApp;
  let counsellor: string;
  let vacancyId: string;
  let jobseekerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    const recruiter = users.find((u) => u.user === 'tyonantaja-1')!;
    [{ id: vacancyId }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE employer_id = $1 AND status = 'open' ORDER BY external_id LIMIT 1`,
      [recruiter.employerId],
    );
    jobseekerId = users.find((u) => u.user === 'tyonhakija-1')!.jobseekerId!;
  });
  afterAll(() => t.stop());

  const forVacancy = async (token: string, first = 50) =>
    await t.graphql<{ matchesForVacancy: Matches }>(
      FOR_VACANCY,
      { id: vacancyId, first },
      { token },
    );

  it('ranks jobseekers for a vacancy best first, each explained, the exact contributions adding up to the exact score', async () => {
    const { body } = await forVacancy(counsellor);
    const matches = body.data!.matchesForVacancy.edges.map((e) => e.node);
    expect(matches.length).toBeGreaterThan(5);
    for (let i = 1; i < matches.length; i++)
      expect(matches[i]!.exactScore).toBeLessThanOrEqual(matches[i - 1]!.exactScore);
    const twoDecimals = (x: number | null) =>
      x === null || Math.abs(x * 100 - Math.round(x * 100)) < 1e-9;
    for (const m of matches) {
      const sum = m.components.reduce((s, c) => s + c.exactContribution, 0);
      expect(Math.abs(sum - m.exactScore)).toBeLessThan(1e-9);
      // Shown to people: two decimals, the exact one rounded.
      expect(m.score).toBe(Math.round(m.exactScore * 100) / 100);
      for (const c of m.components) {
        expect([c.value, c.weight, c.contribution].every(twoDecimals)).toBe(true);
        expect(Math.abs(c.contribution - c.exactContribution)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
      expect(m.summary).toMatch(/^Sopivuus \d+ %\./);
      expect(m.jobseeker.id).not.toBeNull();
    }
    expect(matches[0]!.matchedSkills.length).toBeGreaterThan(0);
  });

  it('ranks open vacancies for a jobseeker, and explains one pair on request', async () => {
    const { body } = await t.graphql<{ matchesForJobseeker: Matches }>(
      `query ($id: ID!) { matchesForJobseeker(jobseekerId: $id, first: 10, filter: { includeNearMisses: true }) { edges { node { score vacancyId summary(language: EN) } } } }`,
      { id: jobseekerId },
      { token: counsellor },
    );
    const matches = body.data!.matchesForJobseeker.edges.map((e) => e.node);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches[0]!.summary).toMatch(/^Fit \d+ %\. Meets \d+ of \d+ required skills/);
    const explained = await t.graphql<{ explainMatch: { score: number; summary: string } }>(
      `query ($j: ID!, $v: ID!) { explainMatch(jobseekerId: $j, vacancyId: $v) { score summary(language: SV) } }`,
      { j: jobseekerId, v: matches[0]!.vacancyId },
      { token: counsellor },
    );
    expect(explained.body.data!.explainMatch.score).toBeCloseTo(matches[0]!.score, 12);
    expect(explained.body.data!.explainMatch.summary).toMatch(/^Matchning \d+ %\./);
  });

  it('resolves the jobseekers of 5 and of 50 matches in the same number of statements', async () => {
    const ds = t.app.database.dataSource;
    // The feed's changes (the fixtures) are applied first: the count is of the request alone.
    await t.app.services.matches.index.catchUp();
    const counter = new StatementCounter().attach(ds);
    // The jobs pause meanwhile: a request that joined the feed poll's replay would not send its
    // own read of the feed (the counter leaves the poll's statements out, not the request's).
    await t.app.jobs.stop();
    const statementsFor = async (first: number) => {
      counter.statements = 0;
      const { body } = await t.graphql<{ matchesForVacancy: Matches }>(
        `query ($id: ID!, $first: Int) { matchesForVacancy(vacancyId: $id, first: $first, filter: { includeNearMisses: true }) { edges { node { score jobseeker { pseudonym } } } } }`,
        { id: vacancyId, first },
        { token: counsellor },
      );
      expect(body.data!.matchesForVacancy.edges).toHaveLength(first);
      return counter.statements;
    };
    try {
      expect(await statementsFor(50)).toBe(await statementsFor(5));
    } finally {
      counter.detach(ds);
      t.app.jobs.start();
    }
  });

  it('resolves the skills of every explanation item of 5 and of 50 matches in the same number of statements', async () => {
    const ds = t.app.database.dataSource;
    await t.app.services.matches.index.catchUp();
    const counter = new StatementCounter().attach(ds);
    await t.app.jobs.stop();
    type Linked = { skillUri: string; skill: { uri: string; preferredLabel: string | null } };
    type Explained = {
      matchesForVacancy: {
        edges: {
          node: {
            matchedSkills: Linked[];
            missingSkills: Linked[];
            relatedSkills: (Linked & {
              viaSkillUri: string;
              viaSkill: { uri: string; preferredLabel: string | null };
            })[];
          };
        }[];
      };
    };
    const SKILL = 'skillUri skill { uri preferredLabel(language: FI) }';
    const statementsFor = async (first: number) => {
      counter.statements = 0;
      const { body } = await t.graphql<Explained>(
        `query ($id: ID!, $first: Int) { matchesForVacancy(vacancyId: $id, first: $first, filter: { includeNearMisses: true }) {
          edges { node { matchedSkills { ${SKILL} } missingSkills { ${SKILL} }
            relatedSkills { ${SKILL} viaSkillUri viaSkill { uri preferredLabel(language: FI) } } } } } }`,
        { id: vacancyId, first },
        { token: counsellor },
      );
      expect(body.errors).toBeUndefined();
      const nodes = body.data!.matchesForVacancy.edges.map((e) => e.node);
      expect(nodes).toHaveLength(first);
      const items = nodes.flatMap((n) => [
        ...n.matchedSkills,
        ...n.missingSkills,
        ...n.relatedSkills,
      ]);
      expect(items.length).toBeGreaterThan(first);
      for (const item of items) {
        expect(item.skill.uri).toBe(item.skillUri);
        expect(item.skill.preferredLabel).toEqual(expect.any(String));
      }
      for (const r of nodes.flatMap((n) => n.relatedSkills))
        expect(r.viaSkill.uri).toBe(r.viaSkillUri);
      return counter.statements;
    };
    try {
      expect(await statementsFor(50)).toBe(await statementsFor(5));
    } finally {
      counter.detach(ds);
      t.app.jobs.start();
    }
  });

  it("gives an employer pseudonymised candidates for its own vacancy and NOT_FOUND for another's", async () => {
    const own = users.find((u) => u.user === 'tyonantaja-1')!;
    const other = users.find((u) => u.user === 'tyonantaja-2')!;
    const ownToken = await t.token({ id: own.user, role: 'employer', employerId: own.employerId });
    const mine = await forVacancy(ownToken);
    const candidates = mine.body.data!.matchesForVacancy.edges.map((e) => e.node.jobseeker);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => c.id === null && c.pseudonym.length === 12)).toBe(true);
    // Who laid a candidate off, and when, would name them: an employer gets neither.
    const layOffs = await t.graphql<{
      matchesForVacancy: { edges: { node: { jobseeker: Record<string, unknown> } }[] };
    }>(
      `query ($id: ID!) { matchesForVacancy(vacancyId: $id, first: 50) { edges { node { jobseeker { lastEmployerBusinessId laidOffOn } } } } }`,
      { id: vacancyId },
      { token: ownToken },
    );
    expect(layOffs.body.errors).toBeUndefined();
    expect(
      layOffs.body.data!.matchesForVacancy.edges.every(
        (e) =>
          e.node.jobseeker.lastEmployerBusinessId === null && e.node.jobseeker.laidOffOn === null,
      ),
    ).toBe(true);
    const theirs = await forVacancy(
      await t.token({ id: other.user, role: 'employer', employerId: other.employerId }),
    );
    expect(theirs.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(theirs.body.data).toBeNull();
  });

  it('returns identical rankings when every stored birth year changes: protected attributes never reach the score', async () => {
    const ranking = async () => {
      const forV = (await forVacancy(counsellor, 100)).body.data!.matchesForVacancy.edges.map(
        (e) => [e.node.jobseeker.id, e.node.score],
      );
      const forJ = (
        await t.graphql<{ matchesForJobseeker: Matches }>(
          `query ($id: ID!) { matchesForJobseeker(jobseekerId: $id, first: 100) { edges { node { vacancyId score } } } }`,
          { id: jobseekerId },
          { token: counsellor },
        )
      ).body.data!.matchesForJobseeker.edges.map((e) => [e.node.vacancyId, e.node.score]);
      return { forV, forJ };
    };
    const before = await ranking();
    await t.app.database.dataSource.query(
      `UPDATE jobseeker SET birth_year = CASE WHEN birth_year IS NULL THEN 1960 ELSE 2026 - (2026 - birth_year + 37) % 50 - 15 END`,
    );
    const [{ changed }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS changed FROM jobseeker WHERE birth_year IS NOT NULL`,
    );
    expect(changed).toBe(396);
    expect(await ranking()).toEqual(before);
  });

  it('records match outcomes and counts them, hiding counts below 5 from employers', async () => {
    const own = users.find((u) => u.user === 'tyonantaja-1')!;
    const employer = await t.token({ id: own.user, role: 'employer', employerId: own.employerId });
    const record = (token: string, input: Record<string, unknown>) =>
      t.graphql<{ recordMatchOutcome: { status: string } }>(
        `mutation ($input: MatchOutcomeInput!) { recordMatchOutcome(input: $input) { status reason } }`,
        { input },
        { token },
      );
    const ranked = (await forVacancy(employer, 3)).body.data!.matchesForVacancy.edges.map(
      (e) => e.node.jobseeker.pseudonym,
    );
    const rejected = await record(employer, {
      vacancyId,
      jobseeker: ranked[0],
      status: 'REJECTED',
    });
    expect(rejected.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect(
      (await record(employer, { vacancyId, jobseeker: ranked[0], status: 'INTERVIEWED' })).body
        .data!.recordMatchOutcome.status,
    ).toBe('INTERVIEWED');
    const wrong = await record(employer, {
      vacancyId,
      jobseeker: 'not-a-pseudonym',
      status: 'APPLIED',
    });
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.jobseeker',
    });
    const candidates = (await forVacancy(counsellor, 3)).body.data!.matchesForVacancy.edges.map(
      (e) => e.node.jobseeker.id!,
    );
    await record(counsellor, { vacancyId, jobseeker: candidates[1], status: 'HIRED' });
    await record(counsellor, {
      vacancyId,
      jobseeker: candidates[2],
      status: 'REJECTED',
      reason: 'Ei ajokorttia',
    });

    const summary = async (token: string) =>
      Object.fromEntries(
        (
          await t.graphql<{ matchOutcomeSummary: { status: string; count: number | null }[] }>(
            `query ($v: ID) { matchOutcomeSummary(vacancyId: $v) { status count } }`,
            { v: vacancyId },
            { token },
          )
        ).body.data!.matchOutcomeSummary.map((c) => [c.status, c.count]),
      );
    // The counsellor sees exact counts, small ones included.
    expect(await summary(counsellor)).toEqual({
      PROPOSED: 0,
      APPLIED: 0,
      INTERVIEWED: 1,
      HIRED: 1,
      REJECTED: 1,
    });
    // The employer sees counts below 5 hidden.
    expect(await summary(employer)).toEqual({
      PROPOSED: 0,
      APPLIED: 0,
      INTERVIEWED: null,
      HIRED: null,
      REJECTED: null,
    });
  });

  it('filters matches by distance and languages, and refuses bad filters naming the field', async () => {
    const query = `query ($id: ID!, $filter: MatchFilterInput) { matchesForVacancy(vacancyId: $id, first: 100, filter: $filter) {
      edges { node { jobseeker { id } } } } }`;
    const count = async (filter: Record<string, unknown>) =>
      (
        await t.graphql<{ matchesForVacancy: Matches }>(
          query,
          { id: vacancyId, filter },
          { token: counsellor },
        )
      ).body.data!.matchesForVacancy.edges.length;
    // Within one other municipality, so that the counts stay below the page size.
    const [{ code }] = await t.app.database.dataSource.query(
      `SELECT municipality_code AS code FROM vacancy WHERE id = $1`,
      [vacancyId],
    );
    const other = code === '749' ? '297' : '749';
    const there = await count({ municipalityCodes: [other] });
    expect(there).toBeGreaterThan(0);
    expect(there).toBeLessThan(100);
    // Municipality centres are kilometres apart: nobody there is within 1 km of the workplace.
    expect(await count({ municipalityCodes: [other], maxDistanceKm: 1 })).toBe(0);
    expect(await count({ municipalityCodes: [other], maxDistanceKm: 200 })).toBe(there);
    expect(await count({ municipalityCodes: [other], languages: ['fi', 'ar'] })).toBeLessThan(
      there,
    );
    const bad = await t.graphql(
      query,
      { id: vacancyId, filter: { maxDistanceKm: -5 } },
      { token: counsellor },
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.maxDistanceKm',
    });
    const badLanguage = await t.graphql(
      query,
      { id: vacancyId, filter: { languages: ['finnish'] } },
      { token: counsellor },
    );
    expect(badLanguage.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.languages[0]',
    });
  });

  it('gives each match the distance the matcher judged, the same one the distance filter uses', async () => {
    const query = `query ($id: ID!, $filter: MatchFilterInput) { matchesForJobseeker(jobseekerId: $id, first: 100, filter: $filter) {
      edges { node { vacancyId distanceKm } } } }`;
    const nodes = async (filter: Record<string, unknown>) => {
      const { body } = await t.graphql<{
        matchesForJobseeker: {
          edges: { node: { vacancyId: string; distanceKm: number | null } }[];
        };
      }>(query, { id: jobseekerId, filter }, { token: counsellor });
      expect(body.errors).toBeUndefined();
      return body.data!.matchesForJobseeker.edges.map((e) => e.node);
    };
    const all = await nodes({ includeNearMisses: true });
    const distances = all.map((m) => m.distanceKm);
    // The fixture jobseeker and vacancies all have a place: every distance is known.
    expect(distances.every((d) => typeof d === 'number' && d >= 0)).toBe(true);
    expect(new Set(distances).size).toBeGreaterThan(1);
    const sorted = [...(distances as number[])].sort((a, b) => a - b);
    const limit = sorted[Math.floor(sorted.length / 2)]!;
    const within = await nodes({ includeNearMisses: true, maxDistanceKm: limit });
    expect(within.map((m) => m.vacancyId).sort()).toEqual(
      all
        .filter((m) => m.distanceKm! <= limit)
        .map((m) => m.vacancyId)
        .sort(),
    );
  });

  it('filters vacancies for a jobseeker by distance and by the languages they may require', async () => {
    const query = `query ($id: ID!, $filter: MatchFilterInput) { matchesForJobseeker(jobseekerId: $id, first: 100, filter: $filter) {
      edges { node { vacancyId } } } }`;
    const ids = async (filter: Record<string, unknown>) =>
      (
        await t.graphql<{ matchesForJobseeker: Matches }>(
          query,
          { id: jobseekerId, filter },
          { token: counsellor },
        )
      ).body.data!.matchesForJobseeker.edges.map((e) => e.node.vacancyId);
    const all = await ids({ includeNearMisses: true });
    expect(all.length).toBeGreaterThan(0);
    // Every fixture vacancy requires Finnish: allowing only English leaves none.
    expect(await ids({ includeNearMisses: true, languages: ['en'] })).toEqual([]);
    expect(await ids({ includeNearMisses: true, languages: ['fi', 'en'] })).toEqual(all);
    // From the jobseeker's home centre, 0 km reaches only vacancies at that same centre.
    const [{ code }] = await t.app.database.dataSource.query(
      `SELECT home_municipality_code AS code FROM jobseeker WHERE id = $1`,
      [jobseekerId],
    );
    const near = await ids({ includeNearMisses: true, maxDistanceKm: 0 });
    const [{ n }] = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM vacancy WHERE id = ANY($1::uuid[]) AND municipality_code = $2`,
      [all, code],
    );
    expect(near.length).toBe(n);
  });
});
