import 'reflect-metadata';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';

const SHEET_METAL_WORKER =
  'http://data.europa.eu/esco/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b';
const GAP = `query ($j: ID!, $o: String) { skillGap(jobseekerId: $j, occupationUri: $o, language: EN) {
  target met skillsMet { met required } explanation missing { skillUri label importance requiredLevel level related { label relation level } }
  underLevel { skillUri requiredLevel level } } }`;
const TRAININGS = `query ($j: ID!) { trainingSuggestions(jobseekerId: $j, first: 5) {
  trainingId title mode municipalityCode nextStart value broughtWithinReach reason
  closes { skillUri label levelBefore levelAfter } raises { vacancyId before after } } }`;

type Gap = {
  skillGap: {
    met: number;
    skillsMet: { met: number; required: number };
    missing: { skillUri: string; importance: string; level: number | null }[];
    underLevel: { requiredLevel: number; level: number }[];
    explanation: string;
  };
};
type Suggestions = {
  trainingSuggestions: {
    trainingId: string;
    mode: string;
    nextStart: string;
    value: number;
    reason: string;
    closes: unknown[];
    raises: { vacancyId: string; before: number; after: number }[];
  }[];
};

describe('the learning environment and counsellors: gaps, trainings, demand', () => {
  let t: TestApp;
  let counsellor: string;
  let learning: string;
  let employer: string;
  let consenting: string;
  let consentId: string;
  let notConsenting: string;

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    learning = await t.token({ id: 'oppimisymparisto', role: 'learning_environment' });
    employer = await t.token({
      id: 'e',
      role: 'employer',
      employerId: '00000000-0000-4000-8000-000000000001',
    });
    [{ jobseeker_id: consenting, id: consentId }] = await ds.query(
      `SELECT jobseeker_id, id FROM consent WHERE purpose = 'learning_environment_skill_gaps' AND revoked_at IS NULL ORDER BY jobseeker_id LIMIT 1`,
    );
    [{ id: notConsenting }] = await ds.query(
      `SELECT id FROM jobseeker j WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c.jobseeker_id = j.id AND c.purpose = 'learning_environment_skill_gaps') ORDER BY id LIMIT 1`,
    );
  });
  afterAll(() => t.stop());

  it('lists missing and under-level skills against an occupation, as the profile and the taxonomy say', async () => {
    const { body } = await t.graphql<Gap>(
      GAP,
      { j: consenting, o: SHEET_METAL_WORKER },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    const gap = body.data!.skillGap;
    const ds = t.app.database.dataSource;
    const required: { skill_uri: string; relation_type: string }[] = await ds.query(
      `SELECT skill_uri, relation_type FROM esco_occupation_skill WHERE occupation_uri = $1`,
      [SHEET_METAL_WORKER],
    );
    const held: { skill_uri: string; proficiency: number }[] = await ds.query(
      `SELECT s.skill_uri, s.proficiency FROM assessed_skill s JOIN competence_assessment a ON a.id = s.assessment_id
       WHERE a.jobseeker_id = $1 AND a.assessed_at = (SELECT max(assessed_at) FROM competence_assessment WHERE jobseeker_id = $1)`,
      [consenting],
    );
    const level = new Map(held.map((h) => [h.skill_uri, h.proficiency]));
    const lacking = required
      .filter((r) => !level.has(r.skill_uri))
      .map((r) => r.skill_uri)
      .sort();
    expect(gap.missing.map((m) => m.skillUri).sort()).toEqual(lacking);
    // k of n as explainMatch counts it: every skill held at the level asked is met, and so may
    // be one lacked (through a related skill) or held a level short (while it gives credit).
    expect(gap.skillsMet).toEqual({ met: gap.met, required: required.length });
    expect(gap.met).toBeGreaterThanOrEqual(
      required.length - gap.missing.length - gap.underLevel.length,
    );
    // Essential ones first.
    const firstOptional = gap.missing.findIndex((m) => m.importance === 'NICE_TO_HAVE');
    if (firstOptional >= 0)
      expect(gap.missing.slice(firstOptional).every((m) => m.importance === 'NICE_TO_HAVE')).toBe(
        true,
      );
    for (const u of gap.underLevel) expect(u.level).toBeLessThan(u.requiredLevel);
    expect(gap.explanation).toMatch(/^Meets \d+ of \d+ skill requirements/);
  });

  it('lets the learning environment read gaps only under a valid consent, and not once it is revoked', async () => {
    const allowed = await t.graphql<Gap>(
      GAP,
      { j: consenting, o: SHEET_METAL_WORKER },
      { token: learning },
    );
    expect(allowed.body.errors).toBeUndefined();
    const refused = await t.graphql(
      GAP,
      { j: notConsenting, o: SHEET_METAL_WORKER },
      { token: learning },
    );
    const missing = await t.graphql(
      GAP,
      { j: '00000000-0000-4000-8000-000000000009', o: SHEET_METAL_WORKER },
      { token: learning },
    );
    expect(refused.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(refused.body.errors![0]!.message.replace(notConsenting, 'X')).toBe(
      missing.body.errors![0]!.message.replace('00000000-0000-4000-8000-000000000009', 'X'),
    );
    const revoke = await t.graphql(
      `mutation ($id: ID!) { revokeConsent(id: $id) { id } }`,
      { id: consentId },
      { token: counsellor },
    );
    expect(revoke.body.errors).toBeUndefined();
    const after = await t.graphql(
      GAP,
      { j: consenting, o: SHEET_METAL_WORKER },
      { token: learning },
    );
    expect(after.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const trainings = await t.graphql(TRAININGS, { j: consenting }, { token: learning });
    expect(trainings.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('ranks trainings by how much they raise real matches, each with the skills it closes and scores before and after', async () => {
    const [{ id: person }] = await t.app.database.dataSource.query(
      `SELECT id FROM jobseeker WHERE home_municipality_code = '297' ORDER BY id LIMIT 1`,
    );
    const { body } = await t.graphql<Suggestions>(TRAININGS, { j: person }, { token: counsellor });
    expect(body.errors).toBeUndefined();
    const suggestions = body.data!.trainingSuggestions;
    expect(suggestions.length).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < suggestions.length; i++) {
      const s = suggestions[i]!;
      if (i > 0) expect(s.value).toBeLessThanOrEqual(suggestions[i - 1]!.value);
      expect(s.nextStart >= today).toBe(true);
      expect(s.raises.length).toBeGreaterThan(0);
      for (const r of s.raises) expect(r.after).toBeGreaterThan(r.before);
      expect(s.reason).toMatch(/raises the match to \d+ vacancies/);
    }
    // "before" is the score the person has now, as explainMatch gives it.
    const top = suggestions[0]!.raises[0]!;
    const explained = await t.graphql<{ explainMatch: { score: number } }>(
      `query ($j: ID!, $v: ID!) { explainMatch(jobseekerId: $j, vacancyId: $v) { score } }`,
      { j: person, v: top.vacancyId },
      { token: counsellor },
    );
    expect(explained.body.data!.explainMatch.score).toBeCloseTo(top.before, 9);
  });

  it('names the skills in most demand and least supply, hiding small jobseeker counts from all but counsellors', async () => {
    const Q = `{ demandForSkills(municipalities: ["844", "921", "687", "297"], first: 100) { skillUri vacancies positions jobseekers gap } }`;
    type Demand = {
      demandForSkills: {
        skillUri: string;
        positions: number;
        jobseekers: number | null;
        gap: number | null;
      }[];
    };
    const asCounsellor = (await t.graphql<Demand>(Q, {}, { token: counsellor })).body.data!
      .demandForSkills;
    const asEmployer = (await t.graphql<Demand>(Q, {}, { token: employer })).body.data!
      .demandForSkills;
    expect(asCounsellor.length).toBeGreaterThan(0);
    for (let i = 1; i < asCounsellor.length; i++)
      expect(asCounsellor[i]!.gap!).toBeLessThanOrEqual(asCounsellor[i - 1]!.gap!);
    // Exact for the counsellor (all four are of the Kuopio area); for the employer perturbed by
    // at most 2 and hidden below 5 after perturbation, so a true 1 or 2 never shows.
    const small = asCounsellor.filter((d) => d.jobseekers! > 0 && d.jobseekers! < 5);
    expect(small.length).toBeGreaterThan(0);
    for (const d of asCounsellor) {
      const seen = asEmployer.find((e) => e.skillUri === d.skillUri);
      if (!seen) continue;
      if (d.jobseekers === 0) expect(seen.jobseekers).toBe(0);
      else if (seen.jobseekers === null) expect(d.jobseekers).toBeLessThan(7);
      else {
        expect(seen.jobseekers).toBeGreaterThanOrEqual(5);
        expect(Math.abs(seen.jobseekers - d.jobseekers!)).toBeLessThanOrEqual(2);
      }
      if (d.jobseekers! > 0 && d.jobseekers! < 3) expect(seen.jobseekers).toBeNull();
      expect(seen.gap).toBe(seen.jobseekers === null ? null : seen.positions - seen.jobseekers);
    }
  });
});
