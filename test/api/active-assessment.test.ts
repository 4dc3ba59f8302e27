import { Actor } from '../../src/auth/actor';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { loadCandidates } from '../../src/matches/profile-loader';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The active assessment has one definition (issue 13): every reader picks the same one when
 * two confirmed assessments share the newest time (an import may write that), and none picks
 * a draft, however new. Readers: the GraphQL fields, the match index's profile loader, the
 * jobseeker list's skill filter and skill demand.
 */
describe('the active assessment, decided the same way by every reader', () => {
  let t: TestApp;
  const counsellor: Actor = { id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' };
  let token: string;
  let held: string; // demanded by an open vacancy: held only in the assessments that must lose
  let level: number;
  let fresh: string; // held by nobody else: held in the assessments that must win
  let municipality: string;
  let first: string;
  let second: string;
  const TIE = '2099-01-01T00:00:00Z';
  const id = (n: number, high: boolean) =>
    high ? `ffffffff-ffff-4fff-bfff-fffffffffff${n}` : `00000000-0000-4000-8000-00000000000${n}`;

  const insert = async (
    assessmentId: string,
    jobseekerId: string,
    source: string,
    skillUri: string,
    at = TIE,
    state = 'confirmed',
  ) => {
    const ds = t.app.database.dataSource;
    await ds.query(
      `INSERT INTO competence_assessment (id, jobseeker_id, source, assessed_at, recorded_by, state, origin)
       VALUES ($1, $2, $3, $4, 'test', $5, CASE WHEN $5 = 'draft' THEN 'own_words' END)`,
      [assessmentId, jobseekerId, source, at, state],
    );
    await ds.query(
      `INSERT INTO assessed_skill (assessment_id, skill_uri, proficiency) VALUES ($1, $2, 5)`,
      [assessmentId, skillUri],
    );
  };
  const demandFor = async (skillUri: string) => {
    const demand = await t.app.services.learning.demandForSkills(
      counsellor,
      [municipality],
      100,
      'en',
    );
    const row = demand.find((d) => d.skillUri === skillUri);
    expect(row).toBeDefined();
    return row!.jobseekers!;
  };
  const holds = (profile: { skills: { skillUri: string; proficiency: number }[] }, uri: string) =>
    profile.skills.some((s) => s.skillUri === uri && s.proficiency >= level);

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    token = await t.token(counsellor);
    // A skill an open local vacancy asks for, in a municipality of the area with two jobseekers.
    const [pick] = await ds.query(
      `SELECT rs.skill_uri, rs.min_proficiency, v.municipality_code,
              (SELECT array_agg(j.id ORDER BY j.id) FROM jobseeker j WHERE j.home_municipality_code = v.municipality_code) AS people
       FROM requirement_skill rs JOIN vacancy v ON v.id = rs.vacancy_id
       JOIN municipality m ON m.code = v.municipality_code AND m.employment_area = 'kuopio'
       WHERE v.status = 'open' AND v.source = 'local'
         AND (SELECT count(*) FROM jobseeker j WHERE j.home_municipality_code = v.municipality_code) >= 2
       ORDER BY rs.skill_uri, v.id LIMIT 1`,
    );
    held = pick.skill_uri;
    level = pick.min_proficiency;
    municipality = pick.municipality_code;
    [first, second] = pick.people;
    [{ uri: fresh }] = await ds.query(
      `SELECT uri FROM esco_skill WHERE uri NOT IN (SELECT skill_uri FROM assessed_skill) AND uri <> $1 ORDER BY uri LIMIT 1`,
      [held],
    );
  });
  afterAll(() => t.stop());

  it('picks, at a tie, the counsellor-verified assessment, then the smallest id; never a draft', async () => {
    const ds = t.app.database.dataSource;
    const before = await loadCandidates(ds, [first, second]);
    const demandBefore = await demandFor(held);
    // First jobseeker: a self-assessment (smaller id) and a verified one at the same time.
    await insert(id(1, false), first, 'self_assessment', held);
    await insert(id(1, true), first, 'counsellor_verified', fresh);
    // Second: two self-assessments at the same time; the smaller id wins.
    await insert(id(2, false), second, 'self_assessment', fresh);
    await insert(id(2, true), second, 'self_assessment', held);
    // Newer drafts of both, holding the demanded skill: they must not count.
    await insert(id(3, false), first, 'self_assessment', held, '2100-01-01T00:00:00Z', 'draft');
    await insert(id(4, false), second, 'self_assessment', held, '2100-01-01T00:00:00Z', 'draft');
    const winners = { [first]: id(1, true), [second]: id(2, false) };

    // GraphQL: activeAssessment and the history's first.
    for (const jobseekerId of [first, second]) {
      const { body } = await t.graphql<{
        jobseeker: { activeAssessment: { id: string }; assessments: { id: string }[] };
      }>(
        `query ($id: ID!) { jobseeker(id: $id) { activeAssessment { id } assessments { id } } }`,
        { id: jobseekerId },
        { token },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.jobseeker.activeAssessment.id).toBe(winners[jobseekerId]);
      expect(body.data!.jobseeker.assessments[0]!.id).toBe(winners[jobseekerId]);
      expect(body.data!.jobseeker.assessments.map((a) => a.id)).not.toContain(id(3, false));
    }

    // The profile loader, and the match index built from the change feed.
    const loaded = await loadCandidates(ds, [first, second]);
    for (const profile of loaded) expect(profile.skills.map((s) => s.skillUri)).toEqual([fresh]);
    expect(loaded.find((p) => p.id === first)!.skills[0]!.verified).toBe(true);
    expect(loaded.find((p) => p.id === second)!.skills[0]!.verified).toBe(false);
    await t.app.services.matches.index.catchUp();
    const index = await t.app.services.matches.index.current();
    for (const jobseekerId of [first, second])
      expect(index.candidates.profile(jobseekerId)!.skills.map((s) => s.skillUri)).toEqual([fresh]);

    // The jobseeker list's skill filter.
    const listed = async (skillUri: string) => {
      const { body } = await t.graphql<{ jobseekers: { edges: { node: { id: string } }[] } }>(
        `query ($s: ID) { jobseekers(first: 100, filter: { skillUri: $s }) { edges { node { id } } } }`,
        { s: skillUri },
        { token },
      );
      expect(body.errors).toBeUndefined();
      return body.data!.jobseekers.edges.map((e) => e.node.id);
    };
    expect((await listed(fresh)).sort()).toEqual([first, second].sort());
    const holdingDemanded = await listed(held);
    expect(holdingDemanded).not.toContain(first);
    expect(holdingDemanded).not.toContain(second);

    // Skill demand counts them only where their active assessment holds the skill (it does not).
    const heldBefore = before.filter((p) => holds(p, held)).length;
    expect(await demandFor(held)).toBe(demandBefore - heldBefore);
  });
});
