import {
  CandidateProfile,
  CandidateIndex,
  DEFAULT_MATCH_PARAMS,
  listFloor,
  meetsAnEssentialSkill,
  rankExhaustive,
  scoreMatch,
  SkillClaim,
  SkillGraph,
  skillOutcome,
  skillsMet,
  SkillRequirement,
  summaryFacts,
  VacancyIndex,
  VacancyProfile,
} from '../../matching';

/**
 * "Meets k of n required skills" has one definition (skillsMet), and the default floor of the
 * match lists (listFloor) leaves out pairs meeting none of the vacancy's essential skills.
 */
const S = (n: number) => `urn:skill:${n}`;
const KUOPIO = { latitude: 62.8924, longitude: 27.677 };
const params = DEFAULT_MATCH_PARAMS;
// 3 and 4 are related (ESCO essential relation): having 4 partly meets a requirement of 3.
const graph = SkillGraph.build({
  broader: [],
  related: [[S(3), S(4), 'essential']],
  essentialSkillsByOccupation: new Map(),
});

const claim = (n: number, proficiency: number): SkillClaim => ({
  skillUri: S(n),
  proficiency,
  verified: true,
  experienceMonths: null,
  lastUsedYear: null,
});
const requirement = (
  n: number,
  importance: SkillRequirement['importance'],
  minProficiency = 3,
): SkillRequirement => ({ skillUri: S(n), importance, minProficiency });

function candidate(id: string, skills: SkillClaim[]): CandidateProfile {
  return {
    id,
    skills,
    languages: new Map(),
    educationLevel: null,
    experienceMonths: null,
    licences: new Set(),
    location: KUOPIO,
    maxCommuteKm: 40,
    willingToRelocate: false,
    remotePreference: 'any',
    workingTimes: [],
    contractTypes: [],
    earliestStart: null,
    desiredOccupationUris: [],
    desiredIscoGroups: [],
  };
}
function vacancy(id: string, skills: SkillRequirement[]): VacancyProfile {
  return {
    id,
    occupationUri: null,
    iscoGroup: null,
    skills,
    languages: [],
    minEducationLevel: null,
    minExperienceMonths: null,
    licences: [],
    location: KUOPIO,
    remote: 'none',
    workingTime: 'full_time',
    contractType: 'permanent',
    startDate: null,
  };
}

describe('skillsMet: one definition of "meets k of n required skills"', () => {
  const requirements = [
    requirement(1, 'essential'), // held at the level asked: met
    requirement(2, 'essential', 5), // held four levels short: no credit, not met
    requirement(3, 'important'), // through the related 4: met
    requirement(5, 'nice_to_have', 4), // one level short: met (some credit)
    requirement(6, 'essential'), // lacked: not met
  ];
  const person = candidate('c', [claim(1, 3), claim(2, 1), claim(4, 3), claim(5, 3)]);

  it('counts a related skill and a level short of the one asked (while it gives credit) as met', () => {
    expect(skillsMet(skillOutcome(person, requirements, graph, params))).toEqual({
      met: 3,
      throughRelated: 1,
      required: 5,
      essentialMet: 1,
      essentialRequired: 3,
    });
  });

  it("gives a pair's score and its requirements alone the same counts, and the summary the same", () => {
    const score = scoreMatch(person, vacancy('v', requirements), graph, params);
    expect(skillsMet(score)).toEqual(skillsMet(skillOutcome(person, requirements, graph, params)));
    const facts = summaryFacts(score);
    expect(facts.counts).toEqual(skillsMet(score));
    // Unmet: the essential 2 (no credit) and 6, most important first; met: 1 (essential), 5, then 3 through 4.
    expect(facts).toMatchObject({
      essentialMissing: 2,
      unmetUris: [S(2), S(6)],
      unmetEssential: 2,
      metUris: [S(1), S(3), S(5)],
    });
  });

  it('meets an essential skill through a related one, and a vacancy with none is never excluded', () => {
    const viaRelated = scoreMatch(
      candidate('c', [claim(4, 3)]),
      vacancy('v', [requirement(3, 'essential')]),
      graph,
      params,
    );
    expect(meetsAnEssentialSkill(viaRelated)).toBe(true);
    const none = scoreMatch(
      candidate('c', [claim(7, 3)]),
      vacancy('v', [requirement(3, 'essential'), requirement(7, 'important')]),
      graph,
      params,
    );
    expect(meetsAnEssentialSkill(none)).toBe(false);
    const noEssentials = scoreMatch(
      candidate('c', []),
      vacancy('v', [requirement(7, 'important')]),
      graph,
      params,
    );
    expect(meetsAnEssentialSkill(noEssentials)).toBe(true);
  });
});

describe('listFloor: the default floor of a match list', () => {
  it('applies the default score and the essential-skill rule only when neither minScore nor near misses are asked for', () => {
    expect(listFloor(undefined, undefined, params)).toEqual({
      minScore: params.defaultMinScore,
      requireEssentialSkill: true,
    });
    expect(listFloor(null, false, params)).toEqual({
      minScore: params.defaultMinScore,
      requireEssentialSkill: true,
    });
    expect(listFloor(0, undefined, params)).toEqual({ minScore: 0, requireEssentialSkill: false });
    expect(listFloor(0.6, true, params)).toEqual({ minScore: 0.6, requireEssentialSkill: false });
    expect(listFloor(null, true, params)).toEqual({ minScore: 0, requireEssentialSkill: false });
    expect(listFloor(undefined, undefined, { ...params, defaultMinScore: 0.2 }).minScore).toBe(0.2);
  });

  it('leaves out of both indexes exactly the pairs meeting no essential skill', () => {
    const people = [
      candidate('c-direct', [claim(1, 3)]),
      candidate('c-related', [claim(4, 3)]),
      candidate('c-other', [claim(2, 3)]),
    ];
    const job = vacancy('v', [
      requirement(1, 'essential'),
      requirement(3, 'essential'),
      requirement(2, 'important'),
    ]);
    const index = CandidateIndex.build(
      graph,
      people.map((profile) => ({ profile, tag: '297' })),
      params,
    );
    const ids = (requireEssentialSkill: boolean) =>
      index
        .rank(job, { k: 10, requireEssentialSkill })
        .matches.map((m) => m.score.candidateId)
        .sort();
    expect(ids(false)).toEqual(['c-direct', 'c-other', 'c-related']);
    expect(ids(true)).toEqual(['c-direct', 'c-related']);

    const jobs = [
      job,
      vacancy('v-none', [requirement(6, 'essential'), requirement(1, 'important')]),
      vacancy('v-no-essentials', [requirement(6, 'important')]),
    ];
    const vacancies = VacancyIndex.build(
      graph,
      jobs.map((profile) => ({ profile, tag: '297' })),
      params,
    );
    const person = people[1]!;
    const listed = vacancies
      .rank(person, { k: 10, requireEssentialSkill: true })
      .matches.map((m) => m.score.vacancyId)
      .sort();
    expect(listed).toEqual(['v', 'v-no-essentials']);
    expect(listed).toEqual(
      rankExhaustive(
        jobs,
        (v) => scoreMatch(person, v, graph, params),
        (s) => s.vacancyId,
        { requireEssentialSkill: true },
      )
        .map((m) => m.score.vacancyId)
        .sort(),
    );
  });
});
