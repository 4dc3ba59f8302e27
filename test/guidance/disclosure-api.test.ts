import 'reflect-metadata';
import {
  cellKeyOf,
  DEFAULT_CELL_KEY_PARAMS,
  DEFAULT_MATCH_PARAMS,
  PoolCounter,
  protectedCount,
} from '../../matching';
import { claimFactor } from '../../matching/credit';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { loadCandidates, loadVacancies } from '../../src/matches/profile-loader';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

/**
 * The attacks of issue 12 (finding 5) played through the API: overlapping filters, stepped
 * thresholds, before and after a write, totals minus cells. Counts nobody could list are
 * perturbed by the cell key method (the statistics over many groups are in
 * test/matching/cell-key.test.ts); counts a caller can list anyway are exact and agree with
 * the list.
 */
describe('counts of people that cannot be subtracted', () => {
  let t: TestApp;
  let counsellor: string;
  let employer: string;
  let learning: string;
  let admin: string;
  let employerId: string;
  let vacancyId: string;
  const { bigN } = DEFAULT_CELL_KEY_PARAMS;
  const keyOf = (id: string) => t.app.services.matches.recordKeys.keyOf(id);
  /** What the cell key method shows of these people. */
  const protectedOf = (ids: string[]) =>
    protectedCount(ids.length, cellKeyOf(ids.map(keyOf), bigN));

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    employerId = users.find((u) => u.user === 'tyonantaja-1')!.employerId!;
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    employer = await t.token({ id: 'e1', role: 'employer', employerId });
    learning = await t.token({ id: 'oppimisymparisto', role: 'learning_environment' });
    admin = await t.token({ id: 'admin', role: 'admin' });
    [{ id: vacancyId }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE employer_id = $1 AND status = 'open' ORDER BY external_id LIMIT 1`,
      [employerId],
    );
  });
  afterAll(() => t.stop());

  type Demand = { demandForSkills: { skillUri: string; jobseekers: number | null }[] };
  const demand = async (token: string, municipalities: string[]) => {
    const { body } = await t.graphql<Demand>(
      `query ($m: [String!]!) { demandForSkills(municipalities: $m, first: 100) { skillUri jobseekers } }`,
      { m: municipalities },
      { token },
    );
    expect(body.errors).toBeUndefined();
    return new Map(body.data!.demandForSkills.map((d) => [d.skillUri, d.jobseekers]));
  };

  it('demandForSkills: (base ∪ a small municipality) − base no longer gives its count', async () => {
    // The attack, ["297","844"] − ["297"], over several bases and every smaller
    // municipality of the area (Tervo alone has one jobseeker: too few cases to judge). The
    // counsellor's counts are exact; the learning environment and an employer see the same.
    const SMALLER = ['402', '778', '687', '686', '204', '857', '239', '921', '844'];
    const BASES = [['297'], ['297', '749'], ['749'], ['297', '402']];
    let played = 0;
    let exact = 0;
    for (const base of BASES) {
      const [truthBase, seenBase] = await Promise.all([
        demand(counsellor, base),
        demand(learning, base),
      ]);
      const unions = await Promise.all(
        SMALLER.filter((m) => !base.includes(m)).map((m) =>
          Promise.all([demand(counsellor, [...base, m]), demand(learning, [...base, m])]),
        ),
      );
      for (const [truthUnion, seenUnion] of unions) {
        for (const [skill, shownUnion] of seenUnion) {
          if (!truthUnion.has(skill) || !truthBase.has(skill)) continue;
          const hidden = truthUnion.get(skill)! - truthBase.get(skill)!;
          const shownBase = seenBase.get(skill);
          if (hidden < 1 || hidden > 4 || shownUnion == null || shownBase == null) continue;
          played++;
          if (shownUnion - shownBase === hidden) exact++;
        }
      }
    }
    // The same question answers the same, to every role that is not exact.
    expect(await demand(employer, ['297', '844'])).toEqual(await demand(learning, ['297', '844']));
    // The issue recovered every such count exactly. Over thousands of random groups the rate is
    // about 0.21 (test/matching/cell-key.test.ts); here the cells of a base are shared by its
    // differences, so the bound leaves room for that.
    expect(played).toBeGreaterThan(100);
    expect(exact / played).toBeLessThanOrEqual(0.35);
    // About 150 requests: more than the default minute on a loaded machine.
  }, 240_000);

  it('demandForSkills: each count a non-counsellor sees is the perturbed count of its holders', async () => {
    const rows: { skill_uri: string; holders: string[] }[] = await t.app.database.dataSource.query(
      `WITH demand AS (
           SELECT rs.skill_uri, min(rs.min_proficiency) AS level FROM requirement_skill rs JOIN vacancy v ON v.id = rs.vacancy_id
           WHERE v.status = 'open' AND v.source = 'local' AND v.municipality_code = ANY($1) GROUP BY rs.skill_uri),
         latest AS (
           SELECT DISTINCT ON (a.jobseeker_id) a.id, a.jobseeker_id FROM competence_assessment a JOIN jobseeker j ON j.id = a.jobseeker_id
           WHERE j.home_municipality_code = ANY($1) ORDER BY a.jobseeker_id, a.assessed_at DESC)
         SELECT d.skill_uri, coalesce(array_agg(DISTINCT l.jobseeker_id::text) FILTER (WHERE l.id IS NOT NULL), '{}') AS holders
         FROM demand d LEFT JOIN assessed_skill s ON s.skill_uri = d.skill_uri AND s.proficiency >= d.level
         LEFT JOIN latest l ON l.id = s.assessment_id GROUP BY d.skill_uri`,
      [['297', '844']],
    );
    const seen = await demand(learning, ['297', '844']);
    const exact = await demand(counsellor, ['297', '844']);
    expect(seen.size).toBeGreaterThan(20);
    for (const { skill_uri: skill, holders } of rows) {
      if (!seen.has(skill) || !exact.has(skill)) continue;
      expect(exact.get(skill)).toBe(holders.length);
      expect(seen.get(skill)).toBe(protectedOf(holders));
    }
    // A counsellor asking beyond their area counts people they cannot list: perturbed too.
    const everywhere = await demand(counsellor, []);
    const everywhereSeen = await demand(learning, []);
    expect(everywhere).toEqual(everywhereSeen);
  });

  type Insights = {
    requirementInsights: {
      pool: number | null;
      requirements: { ifDropped: number | null; moreIfDropped: number | null }[];
    };
  };
  const insights = async (token: string, threshold: number) => {
    const { body } = await t.graphql<Insights>(
      `query ($id: ID!, $t: Float!) { requirementInsights(vacancyId: $id, threshold: $t) { pool requirements { ifDropped moreIfDropped } } }`,
      { id: vacancyId, t: threshold },
      { token },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.requirementInsights;
  };
  type MatchPage = {
    matchesForVacancy: {
      edges: { node: { jobseeker: { pseudonym: string } } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };
  /** Every candidate matchesForVacancy lists to this caller at this minimum score. */
  const listed = async (token: string, minScore: number) => {
    const pseudonyms: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body }: { body: { data?: MatchPage; errors?: unknown } } = await t.graphql<MatchPage>(
        `query ($id: ID!, $after: String, $min: Float) { matchesForVacancy(vacancyId: $id, first: 100, after: $after, filter: { minScore: $min }) {
          edges { node { jobseeker { pseudonym } } } pageInfo { hasNextPage endCursor } } }`,
        { id: vacancyId, after: after as string | null, min: minScore },
        { token },
      );
      expect(body.errors).toBeUndefined();
      const page: MatchPage['matchesForVacancy'] = body.data!.matchesForVacancy;
      pseudonyms.push(...page.edges.map((e) => e.node.jobseeker.pseudonym));
      if (!page.pageInfo.hasNextPage) return pseudonyms;
      after = page.pageInfo.endCursor;
    }
  };

  it("requirementInsights: an employer's pool is exactly the candidates it can list, small ones included", async () => {
    let small = 0;
    for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
      const count = (await listed(employer, threshold)).length;
      expect((await insights(employer, threshold)).pool).toBe(count);
      if (count > 0 && count < 5) small++;
    }
    // The case: pool null while matchesForVacancy listed the same 3.
    expect(small).toBeGreaterThan(0);
  });

  it('requirementInsights: a threshold stepped by 0.01 shows each variant perturbed by the people it counts', async () => {
    const profile = (await loadVacancies(t.app.database.dataSource, [vacancyId]))[0]!;
    const [candidates, graph] = await Promise.all([
      loadCandidates(t.app.database.dataSource),
      t.app.services.matches.skillGraph(),
    ]);
    const recordKeys = t.app.services.matches.recordKeys;
    let differences = 0;
    let exact = 0;
    let previous: { shown: (number | null)[]; truth: number[] } | undefined;
    for (let step = 40; step <= 60; step++) {
      const threshold = step / 100;
      const counter = new PoolCounter(profile, graph, DEFAULT_MATCH_PARAMS, threshold, recordKeys);
      for (const c of candidates) {
        counter.beginCandidate();
        for (const claim of c.skills)
          counter.addClaim(
            claim.skillUri,
            claim.proficiency,
            // As the index stores it (the tests of matching/ check the two feeds agree).
            claimFactor(
              claim.verified,
              claim.experienceMonths,
              claim.lastUsedYear,
              DEFAULT_MATCH_PARAMS,
            ),
          );
        counter.endCandidate(c);
      }
      const truth = counter.result().skills.map((s) => s.ifDropped);
      const keys = counter.cellKeys().skills.map((s) => s.ifDropped);
      const seen = await insights(employer, threshold);
      const shown = seen.requirements.map((r) => r.ifDropped);
      truth.forEach((n, i) => expect(shown[i]).toBe(protectedCount(n, keys[i]!)));
      if (previous)
        truth.forEach((n, i) => {
          const was = previous!.shown[i]!;
          const moved = previous!.truth[i]! - n;
          if (moved > 0 && was !== null && shown[i] !== null) {
            differences++;
            if (was - shown[i]! === moved) exact++;
          }
        });
      previous = { shown, truth };
    }
    // Some step moved someone; the statistics of how rarely a difference is exact are in
    // test/matching/cell-key.test.ts (over thousands of groups; here only a handful).
    expect(differences).toBeGreaterThan(0);
    expect(exact).toBeLessThan(differences);
  });

  type Summary = { matchOutcomeSummary: { status: string; count: number | null }[] };
  const summary = async (token: string, vacancy: string | null) => {
    const { body } = await t.graphql<Summary>(
      `query ($v: ID) { matchOutcomeSummary(vacancyId: $v) { status count } }`,
      { v: vacancy },
      { token },
    );
    expect(body.errors).toBeUndefined();
    return Object.fromEntries(body.data!.matchOutcomeSummary.map((c) => [c.status, c.count]));
  };

  it('matchOutcomeSummary: a total is a cell of its own, before and after a write', async () => {
    const ds = t.app.database.dataSource;
    const people: { id: string }[] = await ds.query(
      `SELECT id FROM jobseeker ORDER BY id LIMIT 12`,
    );
    const vacancies: { id: string }[] = await ds.query(
      `SELECT id FROM vacancy WHERE employer_id = $1 ORDER BY external_id LIMIT 3`,
      [employerId],
    );
    const record = async (vacancy: string, jobseeker: string, status: string) => {
      const { body } = await t.graphql(
        `mutation ($input: MatchOutcomeInput!) { recordMatchOutcome(input: $input) { status } }`,
        { input: { vacancyId: vacancy, jobseeker, status } },
        { token: counsellor },
      );
      expect(body.errors).toBeUndefined();
    };
    // Five hired across three vacancies (2 + 2 + 1), then one more on the last.
    const hired: [string, string][] = [
      [vacancies[0]!.id, people[0]!.id],
      [vacancies[0]!.id, people[1]!.id],
      [vacancies[1]!.id, people[2]!.id],
      [vacancies[1]!.id, people[3]!.id],
      [vacancies[2]!.id, people[4]!.id],
    ];
    for (const [v, j] of hired) await record(v, j, 'HIRED');
    const check = async () => {
      const rows: { vacancy_id: string; jobseeker_id: string }[] = await ds.query(
        `SELECT DISTINCT ON (vacancy_id, jobseeker_id) vacancy_id, jobseeker_id, status FROM match_outcome
         ORDER BY vacancy_id, jobseeker_id, recorded_at DESC`,
      );
      const hiredNow = rows.filter((r) => (r as unknown as { status: string }).status === 'hired');
      const total = await summary(admin, null);
      // The total is perturbed as one cell of everyone hired, not summed from the vacancies.
      expect(total.HIRED).toBe(protectedOf(hiredNow.map((r) => r.jobseeker_id)));
      expect((await summary(counsellor, null)).HIRED).toBe(hiredNow.length);
      for (const { id } of vacancies) {
        const own = hiredNow.filter((r) => r.vacancy_id === id).map((r) => r.jobseeker_id);
        expect((await summary(employer, id)).HIRED).toBe(protectedOf(own));
        expect((await summary(admin, id)).HIRED).toBe(protectedOf(own));
        expect((await summary(counsellor, id)).HIRED).toBe(own.length);
      }
      return total.HIRED;
    };
    await check();
    await record(vacancies[2]!.id, people[5]!.id, 'HIRED');
    await check();
  });

  it('compareRevisions: the pool of the current revision is exact, as the employer lists it', async () => {
    const revisions: { revision: number }[] = await t.app.database.dataSource.query(
      `SELECT revision FROM requirement_profile_revision WHERE vacancy_id = $1 ORDER BY revision`,
      [vacancyId],
    );
    const current = revisions[revisions.length - 1]!.revision;
    const compare = async (token: string) => {
      const { body } = await t.graphql<{
        compareRevisions: {
          poolFrom: number | null;
          poolTo: number | null;
          poolChange: number | null;
        };
      }>(
        `query ($id: ID!, $from: Int!, $to: Int!) { compareRevisions(vacancyId: $id, from: $from, to: $to) { poolFrom poolTo poolChange } }`,
        { id: vacancyId, from: current, to: current },
        { token },
      );
      expect(body.errors).toBeUndefined();
      return body.data!.compareRevisions;
    };
    const asEmployer = await compare(employer);
    expect(asEmployer.poolTo).toBe((await insights(employer, 0.5)).pool);
    expect(asEmployer.poolFrom).toBe(asEmployer.poolTo);
    expect(asEmployer.poolChange).toBe(0);
  });
});
