import fc from 'fast-check';
import {
  CandidateIndex,
  cellKeyOf,
  PoolCounter,
  DEFAULT_MATCH_PARAMS,
  requirementInsights,
  scoreMatch,
  VacancyProfile,
  CandidateProfile,
  SkillGraph,
} from '../../matching';
import {
  candidateArb,
  graphArb,
  plainCandidate,
  plainVacancy,
  PLACES,
  S,
  vacancyArb,
} from './arbitraries';

/** Counted the slow way: every variant of the vacancy scored against every candidate. */
function poolOf(
  candidates: CandidateProfile[],
  vacancy: VacancyProfile,
  graph: SkillGraph,
  threshold: number,
) {
  return candidates.filter((c) => {
    const s = scoreMatch(c, vacancy, graph, DEFAULT_MATCH_PARAMS);
    return s.hardFailures.length === 0 && s.total >= threshold;
  }).length;
}

describe('requirement insights', () => {
  it('counts the pool and every variant exactly as scoring each variant against everyone does', () => {
    fc.assert(
      fc.property(
        graphArb,
        fc
          .array(fc.nat(), { minLength: 1, maxLength: 25 })
          .chain((ids) => fc.tuple(...ids.map((_, i) => candidateArb(`c${i}`)))),
        vacancyArb('v'),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        (graph, people, { profile: vacancy }, threshold) => {
          const candidates = people.map((p) => p.profile);
          const insights = requirementInsights(
            candidates,
            vacancy,
            graph,
            DEFAULT_MATCH_PARAMS,
            threshold,
          );
          expect(insights.pool).toBe(poolOf(candidates, vacancy, graph, threshold));
          // The index feeds the same counter from its columns, to the same counts.
          const counter = new PoolCounter(vacancy, graph, DEFAULT_MATCH_PARAMS, threshold);
          CandidateIndex.build(graph, people, DEFAULT_MATCH_PARAMS).feedPool(counter);
          expect(counter.result()).toEqual(insights);
          vacancy.skills.forEach((r, i) => {
            const others = vacancy.skills.filter((_, j) => j !== i);
            const effect = insights.skills[i]!;
            expect(effect.ifDropped).toBe(
              poolOf(candidates, { ...vacancy, skills: others }, graph, threshold),
            );
            if (r.importance !== 'nice_to_have') {
              const optional = vacancy.skills.map((s, j) =>
                j === i ? { ...s, importance: 'nice_to_have' as const } : s,
              );
              expect(effect.ifOptional).toBe(
                poolOf(candidates, { ...vacancy, skills: optional }, graph, threshold),
              );
            } else expect(effect.ifOptional).toBeNull();
            if (r.minProficiency > 1) {
              const lowered = vacancy.skills.map((s, j) =>
                j === i ? { ...s, minProficiency: s.minProficiency - 1 } : s,
              );
              expect(effect.ifLevelLowered).toBe(
                poolOf(candidates, { ...vacancy, skills: lowered }, graph, threshold),
              );
            } else expect(effect.ifLevelLowered).toBeNull();
          });
          // With record keys, each count's cell key is the sum of the keys of the people it counts.
          const keys = { keyOf: (id: string) => 1000 + Number(id.slice(1)) * 7919, bigN: 2 ** 32 };
          const keyed = new PoolCounter(vacancy, graph, DEFAULT_MATCH_PARAMS, threshold, keys);
          CandidateIndex.build(graph, people, DEFAULT_MATCH_PARAMS).feedPool(keyed);
          expect(keyed.result()).toEqual(insights);
          const keyOfPool = (v: VacancyProfile) =>
            cellKeyOf(
              candidates
                .filter((c) => {
                  const s = scoreMatch(c, v, graph, DEFAULT_MATCH_PARAMS);
                  return s.hardFailures.length === 0 && s.total >= threshold;
                })
                .map((c) => keys.keyOf(c.id)),
              keys.bigN,
            );
          const cells = keyed.cellKeys();
          expect(cells.pool).toBe(keyOfPool(vacancy));
          vacancy.skills.forEach((_, i) => {
            const others = vacancy.skills.filter((__, j) => j !== i);
            expect(cells.skills[i]!.ifDropped).toBe(keyOfPool({ ...vacancy, skills: others }));
          });
          vacancy.licences.forEach((licence, i) => {
            const without = { ...vacancy, licences: vacancy.licences.filter((l) => l !== licence) };
            expect(insights.licences[i]!.ifDropped).toBe(
              poolOf(candidates, without, graph, threshold),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the pool of a small case worked out by hand', () => {
    // Default weights: skills 0.55, the rest 0.45; importance essential 3, important 2.
    // The vacancy is remote (location value 1 for everyone) and asks for nothing else judged,
    // so a total is (0.55 × skills + 0.10 × location) / 0.65 over the two judged components,
    // plus conditions when the person states preferences (nobody here does).
    const person = plainCandidate;
    const vacancy = plainVacancy('v', [
      { skillUri: 'weld', importance: 'essential', minProficiency: 3 },
      { skillUri: 'read', importance: 'important', minProficiency: 3 },
    ]);
    const graph = SkillGraph.build({
      broader: [],
      related: [],
      essentialSkillsByOccupation: new Map(),
    });
    const people = [
      // both at level: skills 1 → (0.55 + 0.10) / 0.65 = 1
      person('a', [
        ['weld', 3],
        ['read', 3],
      ]),
      // weld only: skills 3/5 = 0.6 → (0.33 + 0.10) / 0.65 = 0.662
      person('b', [['weld', 4]]),
      // read only: skills 2/5 = 0.4 → (0.22 + 0.10) / 0.65 = 0.492
      person('c', [['read', 5]]),
      // weld a level short (credit 0.75): skills 2.25/5 = 0.45 → (0.2475 + 0.10) / 0.65 = 0.535
      person('d', [['weld', 2]]),
    ];
    const result = requirementInsights(people, vacancy, graph, DEFAULT_MATCH_PARAMS, 0.5);
    // In the pool at 0.5: a, b, d (c has 0.492).
    expect(result.pool).toBe(3);
    // Without weld: a 1, b 0 → 0.154, c 1, d 0 → 0.154: a and c.
    expect(result.skills[0]!.ifDropped).toBe(2);
    // Weld nice-to-have (weight 1): b 1/3 → 0.436, c 2/3 → 0.718, d 0.75/3 → 0.365: a and c.
    expect(result.skills[0]!.ifOptional).toBe(2);
    // Without read: a 1 → 1, b 1 → 1, c 0 → 0.154, d 0.75 → (0.4125 + 0.10) / 0.65 = 0.788: a, b, d.
    expect(result.skills[1]!.ifDropped).toBe(3);
    // Weld at level 2: d's credit 1 → skills 0.6 → 0.662: still a, b, d.
    expect(result.skills[0]!.ifLevelLowered).toBe(3);
  });

  it('counts a candidate whose total equals the threshold, as the candidate list does (seed 1088039729)', () => {
    // Found by the property above (fast-check seed 1088039729): no skill credit, experience 1,
    // occupation 0, location 0.7 (relocating), conditions 1, so the total is
    // (0.05 + 0 + 0.07 + 0.05) / 0.85 = 0.2, the threshold itself. Scoring put it at 0.2 and
    // listed it; the counter's other arithmetic made it 0.19999… and left it out of the pool.
    const candidate: CandidateProfile = {
      ...plainCandidate('c2', [[S(0), 1]]),
      skills: [
        {
          skillUri: S(0),
          proficiency: 1,
          verified: false,
          experienceMonths: null,
          lastUsedYear: null,
        },
      ],
      experienceMonths: 24,
      location: PLACES[0]!,
      willingToRelocate: true,
      remotePreference: 'none',
      workingTimes: ['full_time'],
      desiredOccupationUris: ['o1'],
      desiredIscoGroups: ['1'],
    };
    const vacancy: VacancyProfile = {
      ...plainVacancy('v', [{ skillUri: S(1), importance: 'essential', minProficiency: 1 }]),
      occupationUri: 'o0',
      iscoGroup: '0',
      minExperienceMonths: 1,
      location: PLACES[2]!,
      remote: 'none',
    };
    const graph = SkillGraph.build({
      broader: [],
      related: [],
      essentialSkillsByOccupation: new Map(),
    });
    expect(
      scoreMatch(candidate, vacancy, graph, DEFAULT_MATCH_PARAMS).total,
    ).toBeGreaterThanOrEqual(0.2);
    const insights = requirementInsights([candidate], vacancy, graph, DEFAULT_MATCH_PARAMS, 0.2);
    expect(insights.pool).toBe(1);
    expect(insights.skills[0]).toEqual({
      skillUri: S(1),
      ifDropped: poolOf([candidate], { ...vacancy, skills: [] }, graph, 0.2),
      ifOptional: 1,
      ifLevelLowered: null,
    });
  });
});
