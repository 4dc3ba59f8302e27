import {
  CandidateProfile,
  DEFAULT_MATCH_PARAMS,
  hitRatio,
  rankTrainings,
  scoreMatch,
  SkillGraph,
  VacancyProfile,
} from '../../matching';
import { plainCandidate, plainVacancy } from './arbitraries';

const graph = SkillGraph.build({
  broader: [],
  related: [],
  essentialSkillsByOccupation: new Map(),
});
const person: CandidateProfile = {
  ...plainCandidate('p', [['a', 3]]),
  skills: [
    { skillUri: 'a', proficiency: 3, verified: true, experienceMonths: 24, lastUsedYear: 2026 },
  ],
};
const vacancy = (id: string, skills: string[]): VacancyProfile =>
  plainVacancy(
    id,
    skills.map((skillUri) => ({ skillUri, importance: 'essential', minProficiency: 3 })),
  );

describe('training suggestions', () => {
  // Two vacancies (three positions) want a, b, c, d; one (one position) wants x.
  const near = [
    { profile: vacancy('v1', ['a', 'b', 'c', 'd']), positions: 2 },
    { profile: vacancy('v2', ['a', 'b', 'c']), positions: 1 },
    { profile: vacancy('v3', ['a', 'x']), positions: 1 },
  ].map((v) => ({ ...v, score: scoreMatch(person, v.profile, graph, DEFAULT_MATCH_PARAMS).total }));
  const small = { id: 'small', skills: [{ skillUri: 'x', levelReached: 3 }] };
  const big = {
    id: 'big',
    skills: ['b', 'c', 'd', 'q', 'r', 's'].map((skillUri) => ({ skillUri, levelReached: 3 })),
  };

  it('values a course by the position-weighted score it adds to real vacancies, with the arithmetic shown', () => {
    const ranked = rankTrainings(person, near, [small, big], graph, DEFAULT_MATCH_PARAMS, 0.6);
    const first = ranked[0]!;
    const second = ranked[1]!;
    expect(first.trainingId).toBe('big');
    const trained: CandidateProfile = {
      ...person,
      skills: [
        ...person.skills,
        ...['b', 'c', 'd'].map((skillUri) => ({
          skillUri,
          proficiency: 3,
          verified: true,
          experienceMonths: null,
          lastUsedYear: 2026,
        })),
      ],
    };
    const expected = near
      .slice(0, 2)
      .reduce(
        (sum, v) =>
          sum +
          v.positions *
            (scoreMatch(trained, v.profile, graph, DEFAULT_MATCH_PARAMS).total - v.score),
        0,
      );
    expect(first.value).toBeCloseTo(expected, 12);
    expect(first.closes.map((c) => c.skillUri)).toEqual(['b', 'c', 'd']);
    expect(first.raises.map((r) => r.vacancyId)).toEqual(['v1', 'v2']);
    expect(second.trainingId).toBe('small');
  });

  it('is not what the ratio of hits to course size would pick: that favours the small overlapping course', () => {
    const asked = new Set(near.flatMap((v) => v.profile.skills.map((s) => s.skillUri)));
    expect(hitRatio(person, small, asked)).toBe(1);
    expect(hitRatio(person, big, asked)).toBe(0.5);
  });
});
