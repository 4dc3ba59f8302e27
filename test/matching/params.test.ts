import {
  CandidateIndex,
  CandidateProfile,
  DEFAULT_MATCH_PARAMS,
  MatchParams,
  matchParamsAt,
  matchParamsVersion,
  scoreMatch,
  SkillGraph,
  VacancyIndex,
  VacancyProfile,
} from '../../matching';
import { loadConfig } from '../../src/config';
import { plainCandidate, plainVacancy } from './arbitraries';

const SKILL = 'urn:skill:1';
const graph = SkillGraph.build({
  broader: [],
  related: [],
  essentialSkillsByOccupation: new Map(),
});

/** Someone who last used the one required skill in 2023: fresh for three years, then stale. */
const person: CandidateProfile = {
  ...plainCandidate('c', []),
  skills: [
    { skillUri: SKILL, proficiency: 3, verified: true, experienceMonths: 24, lastUsedYear: 2023 },
  ],
};
const job: VacancyProfile = {
  ...plainVacancy('v', [{ skillUri: SKILL, importance: 'essential', minProficiency: 3 }]),
  remote: 'none',
};

/** Every parameter by its path, with a copy of the set where only it differs. */
function variants(params: MatchParams): [string, MatchParams][] {
  const out: [string, MatchParams][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'number') {
      const copy = structuredClone(params) as unknown as Record<string, unknown>;
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[path[path.length - 1]!] = value + 1;
      out.push([path.join('.'), copy as unknown as MatchParams]);
    } else if (value !== null && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) walk(v, [...path, key]);
  };
  walk(params, []);
  return out;
}

describe('the matcher’s parameters', () => {
  it('are versioned all of them: changing any one changes the version', () => {
    const version = matchParamsVersion(DEFAULT_MATCH_PARAMS);
    const changed = variants(DEFAULT_MATCH_PARAMS);
    expect(changed.length).toBeGreaterThanOrEqual(Object.keys(DEFAULT_MATCH_PARAMS).length + 2);
    for (const [path, params] of changed)
      expect([path, matchParamsVersion(params)]).not.toEqual([path, version]);
  });

  it('version the skill graph’s weights: another relation weight is another version, and builds another graph', () => {
    const heavier: MatchParams = {
      ...DEFAULT_MATCH_PARAMS,
      skillGraph: { ...DEFAULT_MATCH_PARAMS.skillGraph, relatedOptional: 0.3 },
    };
    expect(matchParamsVersion(heavier)).not.toBe(matchParamsVersion(DEFAULT_MATCH_PARAMS));
    const input = {
      broader: [],
      related: [['a', 'b', 'optional']] as [string, string, string][],
      essentialSkillsByOccupation: new Map(),
    };
    expect(SkillGraph.build(input, DEFAULT_MATCH_PARAMS.skillGraph).similarity('a', 'b')).toBe(0.4);
    expect(SkillGraph.build(input, heavier.skillGraph).similarity('a', 'b')).toBe(0.3);
  });

  it('take the current year from the clock, in UTC', () => {
    expect(matchParamsAt(new Date('2027-01-01T00:00:00Z')).currentYear).toBe(2027);
    expect(matchParamsAt(new Date('2026-12-31T23:59:59Z')).currentYear).toBe(2026);
    const { currentYear, ...rest } = matchParamsAt(new Date('2031-06-01T00:00:00Z'));
    expect(currentYear).toBe(2031);
    expect(rest).toEqual({ ...DEFAULT_MATCH_PARAMS, currentYear: undefined });
  });

  it('score staleness against the year the service started in: in 2027, a skill last used in 2023 is a year stale', () => {
    const at = (iso: string) => loadConfig({ NODE_ENV: 'test' }, new Date(iso)).matchParams;
    const in2026 = at('2026-11-30T12:00:00Z');
    const in2027 = at('2027-03-01T12:00:00Z');
    expect(in2027.currentYear).toBe(2027);
    expect(scoreMatch(person, job, graph, in2026).components.skills.value).toBe(1);
    const stale = 1 - DEFAULT_MATCH_PARAMS.stalenessPerYear;
    expect(scoreMatch(person, job, graph, in2027).components.skills.value).toBeCloseTo(stale, 12);
    // The index the service builds with the same parameters ranks with the same staleness.
    const index = CandidateIndex.build(graph, [{ profile: person, tag: '' }], in2027);
    const [match] = index.rank(job, { k: 1 }).matches;
    expect(match?.score.components.skills.value).toBeCloseTo(stale, 12);
  });

  it('hold a person who names no commute to the configured default, in scoring and in both indexes’ place filters', () => {
    const kuopio = { latitude: 62.8924, longitude: 27.677 };
    const iisalmi = { latitude: 63.5592, longitude: 27.1907 }; // about 78 km away
    const here = { ...person, location: kuopio };
    const there = { ...job, location: iisalmi };
    for (const [defaultCommuteKm, reached] of [
      [30, false],
      [100, true],
    ] as const) {
      const params = { ...DEFAULT_MATCH_PARAMS, defaultCommuteKm };
      expect(scoreMatch(here, there, graph, params).hardFailures).toEqual(
        reached ? [] : ['location'],
      );
      const people = CandidateIndex.build(graph, [{ profile: here, tag: '' }], params);
      expect(people.rank(there, { k: 1 }).matches.map((m) => m.score.candidateId)).toEqual(
        reached ? ['c'] : [],
      );
      const vacancies = VacancyIndex.build(graph, [{ profile: there, tag: '' }], params);
      expect(vacancies.rank(here, { k: 1 }).matches.map((m) => m.score.vacancyId)).toEqual(
        reached ? ['v'] : [],
      );
    }
  });
});
