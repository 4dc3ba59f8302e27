/** fast-check arbitraries of a small taxonomy, people and vacancies, shared by the matching tests. */
import fc from 'fast-check';
import {
  CandidateProfile,
  LanguageLevel,
  MatchParams,
  SkillGraph,
  VacancyProfile,
} from '../../matching';

export const SKILLS = 30;
export const S = (n: number) => `urn:skill:${n}`;
export const PLACES = [
  { latitude: 62.8924, longitude: 27.677 },
  { latitude: 63.0752, longitude: 27.6602 },
  { latitude: 63.5592, longitude: 27.1907 },
  { latitude: 60.1699, longitude: 24.9384 },
];

export const graphArb = fc
  .record({
    broader: fc.array(fc.tuple(fc.nat(SKILLS - 1), fc.nat(SKILLS - 1)), { maxLength: 25 }),
    related: fc.array(
      fc.tuple(fc.nat(SKILLS - 1), fc.nat(SKILLS - 1), fc.constantFrom('essential', 'optional')),
      { maxLength: 25 },
    ),
    occupations: fc.array(fc.uniqueArray(fc.nat(SKILLS - 1), { minLength: 1, maxLength: 6 }), {
      maxLength: 8,
    }),
  })
  .map(({ broader, related, occupations }) =>
    SkillGraph.build({
      broader: broader.map(([a, b]) => [S(a), S(b)]),
      related: related.map(([a, b, kind]) => [S(a), S(b), kind]),
      essentialSkillsByOccupation: new Map(occupations.map((o, i) => [`o${i}`, o.map(S)])),
    }),
  );

export const candidateArb = (id: string) =>
  fc
    .record({
      skills: fc.uniqueArray(
        fc.record({
          skill: fc.nat(SKILLS - 1),
          proficiency: fc.integer({ min: 1, max: 5 }),
          verified: fc.boolean(),
          experienceMonths: fc.option(fc.integer({ min: 0, max: 120 })),
          lastUsedYear: fc.option(fc.integer({ min: 2010, max: 2026 })),
        }),
        { selector: (c) => c.skill, maxLength: 8 },
      ),
      finnish: fc.option(fc.integer({ min: 1, max: 6 })),
      educationLevel: fc.option(fc.integer({ min: 1, max: 8 })),
      place: fc.option(fc.nat(PLACES.length - 1)),
      maxCommuteKm: fc.option(fc.integer({ min: 5, max: 200 })),
      willingToRelocate: fc.boolean(),
      remotePreference: fc.constantFrom('none', 'hybrid', 'full', 'any'),
      licence: fc.boolean(),
      occupation: fc.option(fc.nat(3)),
      tag: fc.constantFrom('297', '749', '140'),
    })
    .map((c): { profile: CandidateProfile; tag: string } => ({
      tag: c.tag,
      profile: {
        id,
        skills: c.skills.map((s) => ({
          skillUri: S(s.skill),
          proficiency: s.proficiency,
          verified: s.verified,
          experienceMonths: s.experienceMonths,
          lastUsedYear: s.lastUsedYear,
        })),
        languages: new Map<string, LanguageLevel>(
          c.finnish ? [['fi', c.finnish as LanguageLevel]] : [],
        ),
        educationLevel: c.educationLevel,
        experienceMonths: c.skills.length ? 24 : null,
        licences: new Set(c.licence ? ['B'] : []),
        location: c.place === null ? null : PLACES[c.place]!,
        maxCommuteKm: c.maxCommuteKm,
        willingToRelocate: c.willingToRelocate,
        remotePreference: c.remotePreference,
        workingTimes: ['full_time'],
        contractTypes: [],
        earliestStart: null,
        desiredOccupationUris: c.occupation === null ? [] : [`o${c.occupation}`],
        desiredIscoGroups: c.occupation === null ? [] : [`${c.occupation % 2}`],
      },
    }));

export const vacancyArb = (id: string) =>
  fc
    .record({
      skills: fc.uniqueArray(
        fc.record({
          skill: fc.nat(SKILLS - 1),
          importance: fc.constantFrom('essential', 'important', 'nice_to_have'),
          minProficiency: fc.integer({ min: 1, max: 5 }),
        }),
        { selector: (r) => r.skill, maxLength: 6 },
      ),
      finnish: fc.option(
        fc.record({ level: fc.integer({ min: 1, max: 6 }), essential: fc.boolean() }),
      ),
      minEducationLevel: fc.option(fc.integer({ min: 1, max: 8 })),
      minExperienceMonths: fc.option(fc.integer({ min: 1, max: 60 })),
      licence: fc.boolean(),
      place: fc.nat(PLACES.length - 1),
      remote: fc.constantFrom('none', 'hybrid', 'full'),
      occupation: fc.option(fc.nat(3)),
      tag: fc.constantFrom('297', '749', '140'),
    })
    .map((v): { profile: VacancyProfile; tag: string } => ({
      tag: v.tag,
      profile: {
        id,
        occupationUri: v.occupation === null ? null : `o${v.occupation}`,
        iscoGroup: v.occupation === null ? null : `${v.occupation % 2}`,
        skills: v.skills.map((r) => ({
          skillUri: S(r.skill),
          importance: r.importance,
          minProficiency: r.minProficiency,
        })),
        languages: v.finnish
          ? [
              {
                language: 'fi',
                minLevel: v.finnish.level as LanguageLevel,
                essential: v.finnish.essential,
              },
            ]
          : [],
        minEducationLevel: v.minEducationLevel,
        minExperienceMonths: v.minExperienceMonths,
        licences: v.licence ? ['B'] : [],
        location: PLACES[v.place]!,
        remote: v.remote,
        workingTime: 'full_time',
        contractType: 'permanent',
        startDate: null,
      },
    }));

/** A plain profile for hand-made cases: verified claims at these levels, nothing else known. */
export function plainCandidate(
  id: string,
  skills: [skillUri: string, proficiency: number][],
): CandidateProfile {
  return {
    id,
    skills: skills.map(([skillUri, proficiency]) => ({
      skillUri,
      proficiency,
      verified: true,
      experienceMonths: null,
      lastUsedYear: null,
    })),
    languages: new Map(),
    educationLevel: null,
    experienceMonths: null,
    licences: new Set(),
    location: null,
    maxCommuteKm: null,
    willingToRelocate: false,
    remotePreference: 'any',
    workingTimes: [],
    contractTypes: [],
    earliestStart: null,
    desiredOccupationUris: [],
    desiredIscoGroups: [],
  };
}

/** A remote vacancy asking these skills, nothing else. */
export function plainVacancy(id: string, skills: VacancyProfile['skills']): VacancyProfile {
  return {
    id,
    occupationUri: null,
    iscoGroup: null,
    skills,
    languages: [],
    minEducationLevel: null,
    minExperienceMonths: null,
    licences: [],
    location: null,
    remote: 'full',
    workingTime: 'full_time',
    contractType: 'permanent',
    startDate: null,
  };
}

const share = fc.double({ min: 0, max: 1, noNaN: true });
const weight = fc.double({ min: 0.01, max: 1, noNaN: true });
const similarity = fc.double({ min: 0.01, max: 0.99, noNaN: true });

/** A parameter set anywhere in the ranges MatchParams documents. */
export const paramsArb: fc.Arbitrary<MatchParams> = fc.record({
  skillsWeight: weight,
  occupationMaxLift: fc.double({ min: 0, max: 0.5, noNaN: true }),
  languagesWeight: weight,
  educationWeight: weight,
  experienceWeight: weight,
  locationWeight: weight,
  conditionsWeight: weight,
  importance: fc.record({
    essential: fc.double({ min: 0.1, max: 5, noNaN: true }),
    important: fc.double({ min: 0.1, max: 5, noNaN: true }),
    nice_to_have: fc.double({ min: 0.1, max: 5, noNaN: true }),
  }),
  levelShortfallPenalty: share,
  unverifiedCredit: share,
  stalenessPerYear: share,
  staleAfterYears: fc.integer({ min: 0, max: 6 }),
  relatedSkillCap: share,
  sameIscoGroupCredit: share,
  defaultMinScore: share,
  experienceEvidenceMonths: fc.integer({ min: 0, max: 60 }),
  unlevelledClaimLevel: fc.integer({ min: 1, max: 5 }),
  stalenessFloor: share,
  educationShortfallPerLevel: share,
  languageShortfallShare: share,
  remoteForOnSiteOnly: share,
  hybridForRemoteOnly: share,
  defaultCommuteKm: fc.integer({ min: 1, max: 400 }),
  hybridDistanceDivisor: fc.double({ min: 1, max: 4, noNaN: true }),
  relocationCredit: share,
  contractMismatchCredit: share,
  earlyStartCredit: share,
  skillGraph: fc.record({
    narrowerForBroader: similarity,
    broaderForNarrower: similarity,
    relatedEssential: similarity,
    relatedOptional: similarity,
    coEssential: similarity,
    coEssentialMinShared: fc.integer({ min: 1, max: 5 }),
    coEssentialMin: share,
  }),
  currentYear: fc.integer({ min: 2020, max: 2035 }),
});
