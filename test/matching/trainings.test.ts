import {
  CandidateProfile,
  DEFAULT_MATCH_PARAMS,
  DEFAULT_TRAINING_PARAMS,
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
    // Heading and reach weights off: every near vacancy weighs its positions.
    const ranked = rankTrainings(person, near, [small, big], graph, DEFAULT_MATCH_PARAMS, 0.6, {
      headingWeight: 1,
      reachExponent: 0,
    });
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

describe('training suggestions for where the person is heading', () => {
  // A nurse (desired occupation: nurse) nearly matches two nursing vacancies that ask two
  // skills more; many customer-service and livestock vacancies, far off, share one skill with her.
  const NURSE = 'occupation/nurse';
  const nursing = ['care', 'medication', 'hygiene', 'assessment', 'documentation'];
  const nurse: CandidateProfile = {
    ...plainCandidate(
      'nurse',
      nursing.map((s) => [s, 4]),
    ),
    desiredOccupationUris: [NURSE],
    desiredIscoGroups: ['2221'],
  };
  const inOccupation = (
    id: string,
    occupationUri: string,
    iscoGroup: string,
    skills: string[],
  ): VacancyProfile => ({ ...vacancy(id, skills), occupationUri, iscoGroup });
  const near = [
    ...[1, 2].map((i) => ({
      profile: inOccupation(`nurse-${i}`, NURSE, '2221', [...nursing, 'wound-care', 'triage']),
      positions: 1,
    })),
    ...[1, 2, 3, 4, 5, 6].map((i) => ({
      profile: inOccupation(`service-${i}`, 'occupation/service', '4222', [
        'care',
        'cash',
        'phone',
        'complaints',
      ]),
      positions: 3,
    })),
    ...[1, 2, 3].map((i) => ({
      profile: inOccupation(`farm-${i}`, 'occupation/livestock', '6121', [
        'care',
        'feeding',
        'milking',
        'herd',
      ]),
      positions: 2,
    })),
  ].map((v) => ({ ...v, score: scoreMatch(nurse, v.profile, graph, DEFAULT_MATCH_PARAMS).total }));
  const course = (id: string, skills: string[]) => ({
    id,
    skills: skills.map((skillUri) => ({ skillUri, levelReached: 3 })),
  });
  const courses = [
    course('customer-service', ['cash', 'phone', 'complaints']),
    course('livestock', ['feeding', 'milking', 'herd']),
    course('nursing', ['wound-care', 'triage']),
  ];

  it('puts the course for the nursing vacancies she nearly matches first, and says it is for nursing', () => {
    const best = Math.max(...near.map((v) => v.score));
    expect(near.find((v) => v.score === best)!.profile.occupationUri).toBe(NURSE);
    const ranked = rankTrainings(nurse, near, courses, graph, DEFAULT_MATCH_PARAMS, 0.6);
    expect(ranked.map((e) => e.trainingId)).toEqual(['nursing', 'customer-service', 'livestock']);
    expect(ranked[0]!.heading).toEqual({
      occupationUri: NURSE,
      vacancies: 2,
      skillUris: ['wound-care', 'triage'],
    });
    expect(ranked[1]!.heading).toBeNull();
  });

  it('would put the customer-service course first if only open positions counted (the complaint)', () => {
    const ranked = rankTrainings(nurse, near, courses, graph, DEFAULT_MATCH_PARAMS, 0.6, {
      headingWeight: 1,
      reachExponent: 0,
    });
    expect(ranked[0]!.trainingId).toBe('customer-service');
  });

  it('weighs a vacancy by its positions, 1 + (headingWeight − 1) × occupation fit, and (score ÷ threshold) squared', () => {
    const [nursingVacancy, serviceVacancy] = [near[0]!, near[2]!];
    const gain = (v: (typeof near)[number], trained: string[]) =>
      scoreMatch(
        {
          ...nurse,
          skills: [
            ...nurse.skills,
            ...trained.map((skillUri) => ({
              skillUri,
              proficiency: 3,
              verified: true,
              experienceMonths: null,
              lastUsedYear: DEFAULT_MATCH_PARAMS.currentYear,
            })),
          ],
        },
        v.profile,
        graph,
        DEFAULT_MATCH_PARAMS,
      ).total - v.score;
    const [nursingCourse] = rankTrainings(
      nurse,
      [nursingVacancy],
      [courses[2]!],
      graph,
      DEFAULT_MATCH_PARAMS,
      0.6,
    );
    const reach = (score: number) =>
      Math.min(1, score / 0.6) ** DEFAULT_TRAINING_PARAMS.reachExponent;
    expect(nursingCourse!.value).toBeCloseTo(
      DEFAULT_TRAINING_PARAMS.headingWeight *
        reach(nursingVacancy.score) *
        gain(nursingVacancy, ['wound-care', 'triage']),
      12,
    );
    const [serviceCourse] = rankTrainings(
      nurse,
      [serviceVacancy],
      [courses[0]!],
      graph,
      DEFAULT_MATCH_PARAMS,
      0.6,
    );
    expect(serviceCourse!.value).toBeCloseTo(
      3 * reach(serviceVacancy.score) * gain(serviceVacancy, ['cash', 'phone', 'complaints']),
      12,
    );
  });
});
