import { DEFAULT_MATCH_PARAMS } from '../../matching';
import { loadSamplePeopleIfEmpty } from '../../src/import/load-sample-people';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 15: the match lists' default floor (a least score and at least one essential skill met)
 * and one count of "meets k of n required skills" shared by explainMatch and skillGap.
 */
const SHEET_METAL_WORKER =
  'http://data.europa.eu/esco/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b';
const SKILLS_MET = 'skillsMet { met throughRelated required essentialMet essentialRequired }';

interface SkillsMet {
  met: number;
  throughRelated: number;
  required: number;
  essentialMet: number;
  essentialRequired: number;
}
interface Node {
  score: number;
  /** The unrounded score: the floors compare this one (`score` is rounded for display). */
  exactScore: number;
  vacancyId: string;
  jobseeker: { id: string };
  skillsMet: SkillsMet;
  nearMiss: string | null;
}
type Connection = { edges: { node: Node }[] };

const meetsNoEssential = (n: Node) =>
  n.skillsMet.essentialRequired > 0 && n.skillsMet.essentialMet === 0;

describe('the default floor of the match lists, and one count of required skills met', () => {
  let t: TestApp;
  let counsellor: string;
  let sheetMetalWorkers: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.app.database.dataSource;
    await loadSamplePeopleIfEmpty(ds);
    await t.app.services.matches.index.catchUp();
    counsellor = await t.token({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    sheetMetalWorkers = (
      await ds.query(
        `SELECT id FROM jobseeker WHERE $1 = ANY(desired_occupation_uris) ORDER BY id LIMIT 5`,
        [SHEET_METAL_WORKER],
      )
    ).map((r: { id: string }) => r.id);
  });
  afterAll(() => t.stop());

  const forJobseeker = async (id: string, filter?: Record<string, unknown>) => {
    const { body } = await t.graphql<{ matchesForJobseeker: Connection }>(
      `query ($id: ID!, $filter: MatchFilterInput) { matchesForJobseeker(jobseekerId: $id, first: 100, filter: $filter) {
        edges { node { score exactScore vacancyId nearMiss jobseeker { id } ${SKILLS_MET} } } } }`,
      { id, filter },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.matchesForJobseeker.edges.map((e) => e.node);
  };
  const forVacancy = async (id: string, filter?: Record<string, unknown>) => {
    const { body } = await t.graphql<{ matchesForVacancy: Connection }>(
      `query ($id: ID!, $filter: MatchFilterInput) { matchesForVacancy(vacancyId: $id, first: 100, filter: $filter) {
        edges { node { score exactScore vacancyId nearMiss jobseeker { id } ${SKILLS_MET} } } } }`,
      { id, filter },
      { token: counsellor },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.matchesForVacancy.edges.map((e) => e.node);
  };

  it("keeps a sheet-metal worker's default list to pairs meeting an essential skill and scoring at least the default", async () => {
    expect(sheetMetalWorkers.length).toBeGreaterThan(0);
    let weakPairsSeen = 0;
    for (const id of sheetMetalWorkers) {
      const listed = await forJobseeker(id);
      for (const m of listed) {
        expect(meetsNoEssential(m)).toBe(false);
        expect(m.exactScore).toBeGreaterThanOrEqual(DEFAULT_MATCH_PARAMS.defaultMinScore);
        expect(m.nearMiss).toBeNull();
      }
      // The same score floor set explicitly lists pairs meeting no essential skill too: the
      // default's skill rule is what leaves them out.
      const explicit = await forJobseeker(id, { minScore: DEFAULT_MATCH_PARAMS.defaultMinScore });
      weakPairsSeen += explicit.filter(meetsNoEssential).length;
      expect(listed.map((m) => m.vacancyId)).toEqual(
        explicit.filter((m) => !meetsNoEssential(m)).map((m) => m.vacancyId),
      );
    }
    expect(weakPairsSeen).toBeGreaterThan(0);
  });

  it('returns the pairs meeting no essential skill, and those below the default score, when near misses or a minScore are asked for', async () => {
    const id = sheetMetalWorkers[0]!;
    const listed = await forJobseeker(id);
    const withNearMisses = await forJobseeker(id, { includeNearMisses: true });
    expect(withNearMisses.some(meetsNoEssential)).toBe(true);
    expect(withNearMisses.some((m) => m.exactScore < DEFAULT_MATCH_PARAMS.defaultMinScore)).toBe(
      true,
    );
    expect(withNearMisses.length).toBeGreaterThan(listed.length);
    const all = await forJobseeker(id, { minScore: 0 });
    expect(all.some(meetsNoEssential)).toBe(true);
    expect(all.some((m) => m.exactScore < DEFAULT_MATCH_PARAMS.defaultMinScore)).toBe(true);
    // An explicit minScore is honoured as the whole floor, near misses or not.
    for (const filter of [{ minScore: 0.5 }, { minScore: 0.5, includeNearMisses: true }]) {
      const high = await forJobseeker(id, filter);
      for (const m of high) expect(m.exactScore).toBeGreaterThanOrEqual(0.5);
      expect(high.map((m) => m.vacancyId)).toEqual(
        (filter.includeNearMisses ? withNearMisses : all)
          .filter((m) => m.exactScore >= 0.5)
          .map((m) => m.vacancyId),
      );
    }
  });

  it("keeps a vacancy's default list of people to those meeting one of its essential skills", async () => {
    const [{ id: vacancyId }] = await t.app.database.dataSource.query(
      `SELECT id FROM vacancy WHERE occupation_uri = $1 AND status = 'open' ORDER BY external_id LIMIT 1`,
      [SHEET_METAL_WORKER],
    );
    const listed = await forVacancy(vacancyId);
    expect(listed.length).toBeGreaterThan(0);
    for (const m of listed) {
      expect(meetsNoEssential(m)).toBe(false);
      expect(m.exactScore).toBeGreaterThanOrEqual(DEFAULT_MATCH_PARAMS.defaultMinScore);
    }
    const all = await forVacancy(vacancyId, { minScore: 0 });
    expect(all.some(meetsNoEssential)).toBe(true);
    // `all` is the best 100 of more: the default list begins with those of them that qualify.
    const qualifying = all
      .filter((m) => !meetsNoEssential(m) && m.exactScore >= DEFAULT_MATCH_PARAMS.defaultMinScore)
      .map((m) => m.jobseeker.id);
    expect(qualifying.length).toBeGreaterThan(0);
    expect(listed.map((m) => m.jobseeker.id).slice(0, qualifying.length)).toEqual(qualifying);
  });

  it('gives the same k of n in explainMatch, its summary and skillGap for the same pair, a related skill counting as met', async () => {
    let withRelated = 0;
    let compared = 0;
    for (const id of sheetMetalWorkers) {
      for (const m of (await forJobseeker(id, { minScore: 0 })).slice(0, 15)) {
        const { body } = await t.graphql<{
          explainMatch: { skillsMet: SkillsMet; summary: string };
          skillGap: { met: number; skillsMet: SkillsMet; explanation: string };
        }>(
          `query ($j: ID!, $v: ID!) {
            explainMatch(jobseekerId: $j, vacancyId: $v) { summary(language: EN) ${SKILLS_MET} }
            skillGap(jobseekerId: $j, vacancyId: $v, language: EN) { met explanation ${SKILLS_MET} } }`,
          { j: id, v: m.vacancyId },
          { token: counsellor },
        );
        expect(body.errors).toBeUndefined();
        const { explainMatch, skillGap } = body.data!;
        expect(skillGap.skillsMet).toEqual(explainMatch.skillsMet);
        expect(explainMatch.skillsMet).toEqual(m.skillsMet);
        const { met, required, throughRelated } = explainMatch.skillsMet;
        expect(skillGap.met).toBe(met);
        expect(explainMatch.summary).toContain(`Meets ${met} of ${required} required skills`);
        expect(skillGap.explanation).toMatch(
          new RegExp(`^Meets ${met} of ${required} skill requirements`),
        );
        compared++;
        if (throughRelated > 0) withRelated++;
      }
      if (withRelated >= 2 && compared >= 10) break;
    }
    expect(withRelated).toBeGreaterThan(0);
  });
});
