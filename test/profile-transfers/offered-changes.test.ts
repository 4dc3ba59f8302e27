import { planOfferedChanges } from '../../src/profile-transfers/offered-changes';
import { OfferedChanges } from '../../src/profile-transfers/profile-transfer.report';
import { JOBSEEKER_LIST_LIMITS } from '../../src/kernel/validation/records/jobseeker.schema';

/** The rule by which a confirmed import changes matching data: additions only, never overwrites. */
describe('changes an imported profile offers', () => {
  const AT = new Date('2026-12-01T08:00:00Z');
  const offered = (over: Partial<OfferedChanges> = {}): OfferedChanges => ({
    desiredOccupationUris: [],
    desiredSkillUris: [],
    languages: [],
    licences: [],
    preferredMunicipalityCodes: [],
    preferredRegionCodes: [],
    ...over,
  });
  const current = () => ({
    desiredOccupationUris: ['occ:a'],
    desiredSkillUris: [],
    licences: ['hot_work_card'],
    languages: new Map([
      ['fi', 'native' as const],
      ['en', 'C1' as const],
    ]),
  });

  it('adds what the jobseeker lacks and keeps what they have', () => {
    const { next, applied } = planOfferedChanges(
      current(),
      offered({
        desiredOccupationUris: ['occ:a', 'occ:b'],
        desiredSkillUris: ['skill:x'],
        licences: ['driving_licence_b', 'hot_work_card'],
        languages: [{ language: 'sv', level: 'A2' }],
      }),
      AT,
    );
    expect(next.desiredOccupationUris).toEqual(['occ:a', 'occ:b']);
    expect(next.desiredSkillUris).toEqual(['skill:x']);
    expect(next.licences).toEqual(['hot_work_card', 'driving_licence_b']);
    expect(next.languages.get('sv')).toBe('A2');
    expect(applied.added).toEqual([
      'language sv A2',
      'desired occupation occ:b',
      'desired skill skill:x',
      'licence driving_licence_b',
    ]);
    expect(applied.conflicts).toEqual([]);
    expect(applied.at).toBe(AT.toISOString());
  });

  it('never overwrites a language level the jobseeker has: the difference is a conflict', () => {
    const { next, applied } = planOfferedChanges(
      current(),
      offered({
        languages: [
          { language: 'en', level: 'B2' },
          { language: 'fi', level: 'native' },
        ],
      }),
      AT,
    );
    expect(next.languages.get('en')).toBe('C1');
    expect(applied.added).toEqual([]);
    expect(applied.conflicts).toEqual(['language en: has C1, the profile says B2']);
  });

  it('stops at the matching data limits and says so', () => {
    const many = Array.from(
      { length: JOBSEEKER_LIST_LIMITS.desiredOccupations + 2 },
      (_, i) => `occ:${i}`,
    );
    const { next, applied } = planOfferedChanges(
      { ...current(), desiredOccupationUris: [] },
      offered({ desiredOccupationUris: many }),
      AT,
    );
    expect(next.desiredOccupationUris).toHaveLength(JOBSEEKER_LIST_LIMITS.desiredOccupations);
    expect(applied.conflicts).toHaveLength(2);
    expect(applied.conflicts[0]).toContain('the most there may be');
  });

  it('shows preferred municipalities and regions as not applicable', () => {
    const { applied } = planOfferedChanges(
      current(),
      offered({ preferredMunicipalityCodes: ['297'], preferredRegionCodes: ['11'] }),
      AT,
    );
    expect(applied.notApplicable).toEqual(['preferred municipality 297', 'preferred region 11']);
    expect(applied.added).toEqual([]);
  });
});
