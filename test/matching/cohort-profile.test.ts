import fc from 'fast-check';
import {
  combinedSkills,
  groupAbsorption,
  nearlyCoveredOccupations,
  vacancyAbsorption,
} from '../../matching';
import { plainCandidate, plainVacancy } from './arbitraries';

const memberMatchesArb = fc
  .array(
    fc.record({
      memberId: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5'),
      matches: fc.uniqueArray(
        fc.record({
          vacancyId: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
          score: fc.double({ min: 0.35, max: 1, noNaN: true }),
        }),
        { selector: (m) => m.vacancyId, maxLength: 4 },
      ),
    }),
    { maxLength: 5 },
  )
  .map((list) => {
    // One entry per member, as the analysis gives them.
    const seen = new Set<string>();
    return list.filter((m) => !seen.has(m.memberId) && seen.add(m.memberId));
  });
const positionsArb = fc.record({
  v1: fc.integer({ min: 0, max: 4 }),
  v2: fc.integer({ min: 0, max: 4 }),
  v3: fc.integer({ min: 0, max: 4 }),
  v4: fc.integer({ min: 0, max: 4 }),
});

describe('a cohort’s combined profile', () => {
  it('returns each skill with its holders and their levels, most held first, then by URI', () => {
    const members = [
      plainCandidate('b', [
        ['weld', 4],
        ['forklift', 2],
      ]),
      plainCandidate('a', [['weld', 3]]),
      plainCandidate('c', [['office', 3]]),
    ];
    expect(combinedSkills(members)).toEqual([
      {
        skillUri: 'weld',
        holderIds: ['a', 'b'],
        levelHolderIds: [[], [], ['a'], ['b'], []],
      },
      { skillUri: 'forklift', holderIds: ['b'], levelHolderIds: [[], ['b'], [], [], []] },
      { skillUri: 'office', holderIds: ['c'], levelHolderIds: [[], [], ['c'], [], []] },
    ]);
    expect(combinedSkills(members, 2).map((s) => s.skillUri)).toEqual(['weld']);
  });
});

describe('vacancies by how many of a cohort they could take', () => {
  it('returns, for every vacancy, positions at most its members above the floor, ranked', () => {
    fc.assert(
      fc.property(memberMatchesArb, positionsArb, (members, positions) => {
        const positionsOf = (id: string) => positions[id as keyof typeof positions];
        const ranked = vacancyAbsorption(members, positionsOf);
        // The naive reference: each vacancy's members counted one by one.
        for (const a of ranked) {
          const holders = members.filter((m) => m.matches.some((x) => x.vacancyId === a.vacancyId));
          expect(a.memberIds.sort()).toEqual(holders.map((m) => m.memberId).sort());
          expect(a.positions).toBe(Math.max(1, positionsOf(a.vacancyId)));
          expect(a.absorbable).toBe(Math.min(a.positions, holders.length));
        }
        const named = new Set(members.flatMap((m) => m.matches.map((x) => x.vacancyId)));
        expect(ranked.length).toBe(named.size);
        for (let i = 1; i < ranked.length; i++)
          expect(ranked[i - 1]!.absorbable).toBeGreaterThanOrEqual(ranked[i]!.absorbable);
      }),
    );
  });

  it('returns groups whose members are the distinct members of their vacancies', () => {
    fc.assert(
      fc.property(memberMatchesArb, positionsArb, (members, positions) => {
        const ranked = vacancyAbsorption(members, (id) => positions[id as keyof typeof positions]);
        const place = (id: string) =>
          id === 'v1' || id === 'v2' ? 'north' : id === 'v3' ? 'south' : null;
        const groups = groupAbsorption(ranked, place);
        for (const g of groups) {
          const inGroup = ranked.filter((a) => place(a.vacancyId) === g.key);
          const distinct = new Set(inGroup.flatMap((a) => a.memberIds));
          expect(g.memberIds).toEqual([...distinct].sort());
          expect(g.positions).toBe(inGroup.reduce((s, a) => s + a.positions, 0));
          expect(g.absorbable).toBe(Math.min(g.positions, distinct.size));
        }
        expect(groups.some((g) => g.key === null)).toBe(false);
      }),
    );
  });
});

describe('occupations a cohort nearly covers', () => {
  const essential = (skillUri: string) => ({
    skillUri,
    importance: 'essential' as const,
    minProficiency: 3,
  });
  const welder = (id: string, skills: string[]) => ({
    ...plainVacancy(id, skills.map(essential)),
    occupationUri: 'occ:welder',
  });

  it('returns no occupation the group covers less than the minimum share of', () => {
    const members = [
      plainCandidate('a', [
        ['weld', 3],
        ['blueprint', 3],
      ]),
      plainCandidate('b', [['weld', 3]]),
      plainCandidate('c', [
        ['weld', 3],
        ['tig', 2],
      ]),
      plainCandidate('d', [['office', 3]]),
    ];
    const vacancies = [welder('v1', ['weld', 'blueprint', 'tig']), welder('v2', ['weld', 'tig'])];
    // weld: 3 of 4 hold it; blueprint and tig 1 each, below half: 1 of 3 essentials covered.
    const args = [vacancies, () => 2, combinedSkills(members), members.length] as const;
    expect(
      nearlyCoveredOccupations(...args, { heldShare: 0.5, askedShare: 0.5, minCoverage: 0.5 }),
    ).toEqual([]);
    expect(
      nearlyCoveredOccupations(...args, { heldShare: 0.5, askedShare: 0.5, minCoverage: 0.3 }),
    ).toEqual([
      {
        occupationUri: 'occ:welder',
        vacancies: 2,
        positions: 4,
        essentialSkillUris: ['blueprint', 'tig', 'weld'],
        coverage: 1 / 3,
        missing: [
          { skillUri: 'blueprint', holders: 1 },
          { skillUri: 'tig', holders: 1 },
        ],
      },
    ]);
  });

  it('returns an occupation once the group covers at least the minimum share', () => {
    const members = [
      plainCandidate('a', [
        ['weld', 3],
        ['blueprint', 3],
      ]),
      plainCandidate('b', [
        ['weld', 3],
        ['blueprint', 3],
      ]),
    ];
    const result = nearlyCoveredOccupations(
      [welder('v1', ['weld', 'blueprint', 'tig'])],
      () => 0,
      combinedSkills(members),
      members.length,
    );
    expect(result).toEqual([
      {
        occupationUri: 'occ:welder',
        vacancies: 1,
        positions: 1,
        essentialSkillUris: ['blueprint', 'tig', 'weld'],
        coverage: 2 / 3,
        missing: [{ skillUri: 'tig', holders: 0 }],
      },
    ]);
  });
});
