import {
  attributeGaps,
  CandidateProfile,
  DEFAULT_MATCH_PARAMS,
  describeAttribution,
  fairnessMarket,
  FairnessPool,
  isQualified,
  LanguageLevel,
  listFloor,
  rankExhaustive,
  scoreMatch,
  measureFairness,
  SkillGraph,
  skillGraphOf,
  TOP_PLACES,
  topExposure,
  VacancyProfile,
} from '../../matching';
import { readTaxonomyView } from '../../src/taxonomy/import/taxonomy-view-reader';
import { SAMPLE_TAXONOMY_DIR } from '../../src/taxonomy/sample/load-sample-taxonomy';

const view = readTaxonomyView(SAMPLE_TAXONOMY_DIR);
const graph = skillGraphOf(view);
const params = DEFAULT_MATCH_PARAMS;

describe('fairness of exposure', () => {
  it('returns a ratio of 1 for every group, none flagged, when groups differ only in their label', () => {
    const { vacancies, pools } = fairnessMarket(view, graph, 5, 60, 30);
    const reference = pools.find((p) => p.dimension === 'mother tongue')!;
    const twins = reference.members.filter((m) => m.group === 'fi').map((m) => m.profile);
    const pool: FairnessPool = {
      dimension: 'label',
      groups: ['a', 'b', 'c'],
      members: ['a', 'b', 'c'].flatMap((group) =>
        twins.map((profile) => ({ group, profile: { ...profile, id: `${group}${profile.id}` } })),
      ),
    };
    const result = measureFairness(pool, vacancies, graph, params);
    // The lists are longer than the top places, so the cut (and how ties at it share) matters.
    const exposed = result.groups.reduce((sum, g) => sum + g.exposure, 0);
    expect(exposed).toBeGreaterThan(TOP_PLACES * vacancies.length * 0.5);
    for (const g of result.groups) {
      expect(g.ratio).toBeCloseTo(1, 12);
      expect(g.flagged).toBe(false);
    }
    expect(attributeGaps(result, pool, vacancies, graph, params)).toEqual([]);
  });

  it('returns the exposure and qualified counts that rankExhaustive and isQualified give, pair by pair', () => {
    const { vacancies, pools } = fairnessMarket(view, graph, 9, 40, 25);
    for (const pool of pools) {
      const groupOf = new Map(pool.members.map((m) => [m.profile.id, m.group]));
      const exposure = new Map(pool.groups.map((g) => [g, 0]));
      const qualified = new Map(pool.groups.map((g) => [g, 0]));
      const floor = listFloor(undefined, false, params);
      for (const vacancy of vacancies) {
        for (const m of pool.members)
          if (isQualified(m.profile, vacancy)) qualified.set(m.group, qualified.get(m.group)! + 1);
        const ranked = rankExhaustive(
          pool.members.map((m) => m.profile),
          (c) => scoreMatch(c, vacancy, graph, params),
          (s) => s.candidateId,
          floor,
        );
        topExposure(ranked.map((r) => r.score.total)).forEach((places, i) => {
          const group = groupOf.get(ranked[i]!.score.candidateId)!;
          exposure.set(group, exposure.get(group)! + places);
        });
      }
      const result = measureFairness(pool, vacancies, graph, params);
      for (const g of result.groups) {
        expect(g.exposure).toBeCloseTo(exposure.get(g.group)!, 9);
        expect(g.qualified).toBe(qualified.get(g.group));
      }
    }
  });

  it('returns places shared equally by candidates tied at the last place', () => {
    expect(topExposure([0.9, 0.5, 0.5, 0.5, 0.1], 2)).toEqual([1, 1 / 3, 1 / 3, 1 / 3, 0]);
    expect(topExposure([0.2, 0.4], 10)).toEqual([1, 1]);
  });

  it('flags the other-mother-tongue group and names the language rule when an essential native-Finnish requirement excludes it', () => {
    const skills = ['s:a', 's:b', 's:c'];
    const vacancy: VacancyProfile = {
      id: 'v1',
      occupationUri: 'o:1',
      iscoGroup: '1111',
      skills: skills.map((skillUri) => ({ skillUri, importance: 'essential', minProficiency: 3 })),
      languages: [{ language: 'fi', minLevel: 6, essential: true }],
      minEducationLevel: null,
      minExperienceMonths: null,
      licences: [],
      location: null,
      remote: 'full',
      workingTime: 'full_time',
      contractType: 'permanent',
      startDate: null,
    };
    const person = (id: string, languages: [string, LanguageLevel][]): CandidateProfile => ({
      id,
      skills: skills.map((skillUri) => ({
        skillUri,
        proficiency: 4,
        verified: true,
        experienceMonths: 36,
        lastUsedYear: 2025,
      })),
      languages: new Map(languages),
      educationLevel: null,
      experienceMonths: 60,
      licences: new Set(),
      location: null,
      maxCommuteKm: null,
      willingToRelocate: false,
      remotePreference: 'any',
      workingTimes: ['full_time'],
      contractTypes: ['permanent'],
      earliestStart: null,
      desiredOccupationUris: ['o:1'],
      desiredIscoGroups: ['1111'],
    });
    const pool: FairnessPool = {
      dimension: 'mother tongue',
      groups: ['fi', 'other'],
      members: Array.from({ length: 4 }, (_, i) => [
        { group: 'fi', profile: person(`p${i}a`, [['fi', 6]]) },
        {
          group: 'other',
          profile: person(`p${i}b`, [
            ['ru', 6],
            ['fi', 4],
            ['en', 4],
          ]),
        },
      ]).flat(),
    };
    const empty = SkillGraph.build({
      broader: [],
      related: [],
      essentialSkillsByOccupation: new Map(),
    });
    expect(pool.members.every((m) => isQualified(m.profile, vacancy))).toBe(true);

    const result = measureFairness(pool, [vacancy], empty, params);
    const other = result.groups.find((g) => g.group === 'other')!;
    expect(other).toMatchObject({ ratio: 0, flagged: true });
    expect(result.groups.find((g) => g.group === 'fi')).toMatchObject({ ratio: 2, flagged: false });

    const [attribution, ...rest] = attributeGaps(result, pool, [vacancy], empty, params);
    expect(rest).toEqual([]);
    expect(attribution).toMatchObject({ group: 'other', cause: 'the native-language rule' });
    const relaxed = attribution!.trials.find((t) => t.rule === 'the native-language rule')!;
    expect(relaxed.ratio).toBeCloseTo(1, 12);
    expect(describeAttribution(attribution!)).toBe(
      'other: 0.00 (flagged); with Finnish required at B2 at most: 1.00 (1.00 of the best) → the native-language rule',
    );
  });

  it('returns the same market and the same figures for the same seed', () => {
    const run = () => {
      const market = fairnessMarket(view, graph, 11, 30, 15);
      return {
        market,
        results: market.pools.map((p) => measureFairness(p, market.vacancies, graph, params)),
      };
    };
    const [first, second] = [run(), run()];
    expect(second).toEqual(first);
    expect(fairnessMarket(view, graph, 12, 30, 15)).not.toEqual(first.market);
  });
});
