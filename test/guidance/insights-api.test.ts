import 'reflect-metadata';
import { DEFAULT_MATCH_PARAMS, PoolCounter, scoreMatch, VacancyProfile } from '../../matching';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { loadCandidates, loadVacancies } from '../../src/matches/profile-loader';
import { shownCount } from '../../src/disclosure/disclosure-control';
import { startTestApp, TestApp } from '../support/test-app';
import users from '../../fixtures/people/users.json';

interface Effect {
  kind: string;
  requirement: string;
  importance: string | null;
  label: string;
  ifDropped: number | null;
  moreIfDropped: number | null;
  ifOptional: number | null;
  ifLevelLowered: number | null;
}
type Insights = {
  requirementInsights: {
    revision: number;
    pool: number | null;
    requirements: Effect[];
    mostExcluding: Effect | null;
    explanation: string;
  };
};
const INSIGHTS = `query ($id: ID!) { requirementInsights(vacancyId: $id) { revision pool explanation
  requirements { kind requirement label importance requiredLevel ifDropped moreIfDropped ifOptional ifLevelLowered }
  mostExcluding { requirement label moreIfDropped } } }`;

describe('requirement insights and revisions through GraphQL', () => {
  let t: TestApp;
  let employer: string;
  let otherEmployer: string;
  let admin: string;
  let counsellor: string;
  let vacancyId: string;

  /** The pool counted the slow way: every jobseeker scored against the profile. */
  const bruteForcePool = async (profile: VacancyProfile) => {
    const graph = await t.app.services.matches.skillGraph();
    const candidates = await loadCandidates(t.app.database.dataSource);
    return candidates.filter((c) => {
      const s = scoreMatch(c, profile, graph, DEFAULT_MATCH_PARAMS);
      return s.hardFailures.length === 0 && s.total >= 0.5;
    }).length;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await loadSamplePeopleIfEmpty(t.app.database.dataSource);
    await t.app.services.matches.index.catchUp();
    const one = users.find((u) => u.user === 'tyonantaja-1')!;
    employer = await t.token({ id: 'e1', role: 'employer', employerId: one.employerId! });
    otherEmployer = await t.token({
      id: 'e2',
      role: 'employer',
      employerId: users.find((u) => u.user === 'tyonantaja-2')!.employerId!,
    });
    admin = await t.token({ id: 'admin', role: 'admin' });
    // Every fixture jobseeker lives in the Kuopio area: the counsellor counts the same people.
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    // The employer's open vacancy with the largest pool, so that counts are not suppressed.
    const ids: { id: string }[] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE employer_id = $1 AND status = 'open' ORDER BY external_id`,
      [one.employerId],
    );
    const pools = await Promise.all(
      ids.map(
        async ({ id }) =>
          [
            id,
            await bruteForcePool((await loadVacancies(t.app.database.dataSource, [id]))[0]!),
          ] as const,
      ),
    );
    vacancyId = pools.sort((a, b) => b[1] - a[1])[0]![0];
  });
  afterAll(() => t.stop());

  it('counts the pool and each variant as scoring every jobseeker against each variant does', async () => {
    // A counsellor gets every count exactly.
    const { body } = await t.graphql<Insights>(INSIGHTS, { id: vacancyId }, { token: counsellor });
    expect(body.errors).toBeUndefined();
    const insights = body.data!.requirementInsights;
    const profile = (await loadVacancies(t.app.database.dataSource, [vacancyId]))[0]!;
    expect(insights.pool).toBe(await bruteForcePool(profile));
    expect(insights.pool).toBeGreaterThanOrEqual(5);
    const skills = insights.requirements.filter((r) => r.kind === 'SKILL');
    expect(skills).toHaveLength(profile.skills.length);
    // The schema's Importance values, as every other importance is given (not the stored ones).
    expect(skills.map((r) => r.importance)).toEqual(
      profile.skills.map((s) => s.importance.toUpperCase()),
    );
    const dropped: number[] = [];
    for (const [i, effect] of skills.entries()) {
      const others = profile.skills.filter((_, j) => j !== i);
      dropped.push(await bruteForcePool({ ...profile, skills: others }));
      expect(effect.ifDropped).toBe(dropped[i]);
      expect(effect.moreIfDropped).toBe(dropped[i]! - insights.pool!);
    }
    // In Finnish (the default language), the partitive after a number and a decimal comma.
    expect(insights.explanation).toMatch(
      new RegExp(
        `^${insights.pool} työnhakijaa, joiden sopivuus on vähintään 0,5, täyttää ehdottomat vaatimukset\\.`,
      ),
    );
    if (insights.mostExcluding) {
      const best = Math.max(...insights.requirements.map((r) => r.moreIfDropped!));
      expect(insights.mostExcluding.moreIfDropped).toBe(best);
      expect(insights.explanation).toContain(`”${insights.mostExcluding.label}” rajaa eniten pois`);
    }

    // An admin lists the pool with matchesForVacancy, so it is exact; the variants are
    // perturbed (at most 2 either way) or hidden, and moreIfDropped is their shown difference.
    const asAdmin = (await t.graphql<Insights>(INSIGHTS, { id: vacancyId }, { token: admin })).body
      .data!.requirementInsights;
    expect(asAdmin.pool).toBe(insights.pool);
    for (const [i, effect] of asAdmin.requirements.filter((r) => r.kind === 'SKILL').entries()) {
      if (effect.ifDropped === null) expect(dropped[i]).toBeLessThan(7);
      else {
        expect(Math.abs(effect.ifDropped - dropped[i]!)).toBeLessThanOrEqual(2);
        expect(effect.moreIfDropped).toBe(effect.ifDropped - asAdmin.pool!);
      }
    }
  });

  /** A profile as RequirementProfileInput, without the skill at `drop` (none when omitted). */
  const draftOf = (profile: VacancyProfile, drop = -1) => ({
    skills: profile.skills
      .filter((_, i) => i !== drop)
      .map((s) => ({
        skillUri: s.skillUri,
        importance: s.importance.toUpperCase(),
        requiredLevel: s.minProficiency,
      })),
    languages: profile.languages.map((l) => ({
      language: l.language,
      minLevel: ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'][l.minLevel - 1],
      essential: l.essential,
    })),
    licences: profile.licences,
    minEducationLevel: profile.minEducationLevel,
    minExperienceMonths: profile.minExperienceMonths,
  });
  const WITH_DRAFT = `query ($id: ID!, $draft: RequirementProfileInput) {
    requirementInsights(vacancyId: $id, draft: $draft) { revision pool
      requirements { kind requirement ifDropped moreIfDropped } } }`;

  it('counts a draft without saving it: exact for a counsellor, perturbed like the variants for others', async () => {
    const profile = (await loadVacancies(t.app.database.dataSource, [vacancyId]))[0]!;
    const insightsOf = async (token: string, draft?: object) => {
      const { body } = await t.graphql<Insights>(WITH_DRAFT, { id: vacancyId, draft }, { token });
      expect(body.errors).toBeUndefined();
      return body.data!.requirementInsights;
    };
    const saved = await insightsOf(counsellor);
    const savedAsEmployer = await insightsOf(employer);
    const skills = saved.requirements.filter((r) => r.kind === 'SKILL');
    expect(skills.length).toBeGreaterThan(0);
    for (const [i, effect] of skills.entries()) {
      // A counsellor: the draft without the skill is exactly that requirement's ifDropped.
      const drafted = await insightsOf(counsellor, draftOf(profile, i));
      expect(drafted.pool).toBe(effect.ifDropped);
      expect(drafted.pool).toBe(
        await bruteForcePool({ ...profile, skills: profile.skills.filter((_, j) => j !== i) }),
      );
      expect(drafted.revision).toBe(saved.revision);
      expect(drafted.requirements.filter((r) => r.kind === 'SKILL')).toHaveLength(
        skills.length - 1,
      );
      // An employer: the same people under the same cell key, so the draft's pool is shown as
      // the saved profile's ifDropped is (perturbed, or hidden below the limit), never exact.
      const asEmployer = await insightsOf(employer, draftOf(profile, i));
      const variant = savedAsEmployer.requirements.filter((r) => r.kind === 'SKILL')[i]!;
      expect(asEmployer.pool).toBe(variant.ifDropped);
      if (asEmployer.pool === null) expect(effect.ifDropped!).toBeLessThan(7);
      else expect(Math.abs(asEmployer.pool - effect.ifDropped!)).toBeLessThanOrEqual(2);
    }
    // The saved profile as a draft: for an employer its pool is a draft's (cell key), not the
    // exact count matchesForVacancy lists.
    const unchanged = await insightsOf(employer, draftOf(profile));
    const counter = new PoolCounter(
      profile,
      await t.app.services.matches.skillGraph(),
      DEFAULT_MATCH_PARAMS,
      0.5,
      t.app.services.matches.recordKeys,
    );
    await t.app.services.matches.feedCandidatePool(counter);
    expect(counter.result().pool).toBe(saved.pool);
    expect(unchanged.pool).toBe(
      shownCount({ count: saved.pool!, key: counter.cellKeys().pool }, false),
    );
    expect(savedAsEmployer.pool).toBe(saved.pool);
    // Nothing was saved.
    expect((await insightsOf(employer)).revision).toBe(saved.revision);
  });

  it('refuses an invalid draft naming draft.<field>, and changes nothing', async () => {
    const profile = (await loadVacancies(t.app.database.dataSource, [vacancyId]))[0]!;
    const before = (await t.graphql<Insights>(INSIGHTS, { id: vacancyId }, { token: employer }))
      .body.data!.requirementInsights;
    const draft = draftOf(profile);
    const unknown = {
      ...draft,
      skills: [
        ...draft.skills,
        {
          skillUri: 'http://data.europa.eu/esco/skill/nonexistent',
          importance: 'ESSENTIAL',
          requiredLevel: 3,
        },
      ],
    };
    const bad = await t.graphql(WITH_DRAFT, { id: vacancyId, draft: unknown }, { token: employer });
    expect(bad.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: `draft.skills[${draft.skills.length}].skillUri`,
    });
    const level = await t.graphql(
      WITH_DRAFT,
      { id: vacancyId, draft: { ...draft, minEducationLevel: 12 } },
      { token: employer },
    );
    expect(level.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'draft.minEducationLevel',
    });
    const after = (await t.graphql<Insights>(INSIGHTS, { id: vacancyId }, { token: employer })).body
      .data!.requirementInsights;
    expect(after).toEqual(before);
  });

  it('follows a new revision, and compares two revisions in words and pools', async () => {
    const before = (await t.graphql<Insights>(INSIGHTS, { id: vacancyId }, { token: employer }))
      .body.data!.requirementInsights;
    const profile = (await loadVacancies(t.app.database.dataSource, [vacancyId]))[0]!;
    const [dropped, ...kept] = profile.skills;
    const update = await t.graphql<{ updateRequirementProfile: { revision: number } }>(
      `mutation ($id: ID!, $base: Int!, $input: RequirementProfileInput!) {
        updateRequirementProfile(vacancyId: $id, baseRevision: $base, input: $input) { revision } }`,
      {
        id: vacancyId,
        base: before.revision,
        input: {
          skills: kept.map((s) => ({
            skillUri: s.skillUri,
            importance: s.importance.toUpperCase(),
            requiredLevel: s.minProficiency,
          })),
          languages: [],
          licences: profile.licences,
          minEducationLevel: profile.minEducationLevel,
          minExperienceMonths: profile.minExperienceMonths,
        },
      },
      { token: employer },
    );
    expect(update.body.errors).toBeUndefined();
    const revision = update.body.data!.updateRequirementProfile.revision;
    const after = (await t.graphql<Insights>(INSIGHTS, { id: vacancyId }, { token: employer })).body
      .data!.requirementInsights;
    expect(after.revision).toBe(revision);
    const now = (await loadVacancies(t.app.database.dataSource, [vacancyId]))[0]!;
    expect(after.pool).toBe(await bruteForcePool(now));

    const { body } = await t.graphql<{
      compareRevisions: { changes: string[]; poolFrom: number; poolTo: number; poolChange: number };
    }>(
      `query ($id: ID!, $from: Int!, $to: Int!) { compareRevisions(vacancyId: $id, from: $from, to: $to, language: SV) { changes poolFrom poolTo poolChange explanation } }`,
      { id: vacancyId, from: before.revision, to: revision },
      { token: employer },
    );
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.compareRevisions;
    expect(comparison.changes.some((c) => c.startsWith('Borttagen kompetens ”'))).toBe(true);
    expect(comparison.poolTo).toBe(after.pool);
    // Both revisions are scored against today's jobseekers (languages of the old revision included).
    expect(comparison.poolChange).toBe(comparison.poolTo - comparison.poolFrom);
    void dropped;
  });

  it("refuses another employer's vacancy with the same answer as a missing one, and bad revisions", async () => {
    const other = await t.graphql(INSIGHTS, { id: vacancyId }, { token: otherEmployer });
    const missing = await t.graphql(
      INSIGHTS,
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: otherEmployer },
    );
    expect(other.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(missing.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const bad = await t.graphql(
      `query ($id: ID!) { compareRevisions(vacancyId: $id, from: 1, to: 999) { changes } }`,
      { id: vacancyId },
      { token: employer },
    );
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
