import {
  TMT_LANGUAGE_LEVELS,
  TMT_PROFILE_LIMITS,
  TMT_PROFILE_READ,
  TMT_PROFILE_WRITE,
} from '../../fixtures/external/tmt-profile.contract';
import sample from '../../fixtures/external/tmt-profile.sample.json';

type Json = Record<string, unknown>;

/** A fresh copy of the sample profile, as `GET /v1/profile` would answer it. */
const profile = (): Json => structuredClone(sample) as Json;

/** The sample as a client would write it: no labels on ESCO values, no `meta` (P51). */
function asWritten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asWritten);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'prefLabel' || key === 'altLabel' || key === 'meta') continue;
    out[key] = asWritten(item);
  }
  return out;
}

const escoSkill = (n: number) => ({
  uri: `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});

describe('TMT profile contract (P60 read, P51 write)', () => {
  it('accepts the sample profile as read', () => {
    const parsed = TMT_PROFILE_READ.safeParse(profile());
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('accepts the sample without labels and meta as written, and refuses it with them', () => {
    const written = TMT_PROFILE_WRITE.safeParse(asWritten(profile()));
    expect(written.error?.issues).toBeUndefined();
    // Labels exist only on read (EscoValue_ExternalGet); meta is read-only (ProfileDtoMeta).
    expect(TMT_PROFILE_WRITE.safeParse(profile()).success).toBe(false);
    const withMeta = asWritten(profile()) as Json;
    (withMeta.generalInfo as Json).meta = { created: '2026-01-01T00:00:00Z' };
    expect(TMT_PROFILE_WRITE.safeParse(withMeta).success).toBe(false);
  });

  it('refuses more than 20 entries in a list and more than 120 skills or occupations', () => {
    const employment = (profile().employments as Json[])[0];
    const atLimit = profile();
    atLimit.employments = Array.from({ length: TMT_PROFILE_LIMITS.items }, () => employment);
    expect(TMT_PROFILE_READ.safeParse(atLimit).success).toBe(true);
    const tooMany = profile();
    tooMany.employments = Array.from({ length: TMT_PROFILE_LIMITS.items + 1 }, () => employment);
    expect(TMT_PROFILE_READ.safeParse(tooMany).success).toBe(false);

    const languages = profile();
    languages.languageSkills = Array.from({ length: 21 }, () => ({ code: 'fi', level: 'L1' }));
    expect(TMT_PROFILE_WRITE.safeParse(asWritten(languages)).success).toBe(false);

    const skills = (count: number) => {
      const written = asWritten(profile()) as Json;
      written.jobPreferenceDescription = {
        skills: Array.from({ length: count }, (_, i) => escoSkill(i)),
      };
      return TMT_PROFILE_WRITE.safeParse(written).success;
    };
    expect(skills(TMT_PROFILE_LIMITS.escoValues)).toBe(true);
    expect(skills(TMT_PROFILE_LIMITS.escoValues + 1)).toBe(false);
  });

  it('accepts the six CEFR levels and L1 and refuses any other language level', () => {
    for (const level of TMT_LANGUAGE_LEVELS) {
      const ok = profile();
      ok.languageSkills = [{ code: 'sv', level }];
      expect(TMT_PROFILE_READ.safeParse(ok).success).toBe(true);
    }
    for (const level of ['B3', 'l1', 'native', 'C2+', '']) {
      const bad = profile();
      bad.languageSkills = [{ code: 'sv', level }];
      expect(TMT_PROFILE_READ.safeParse(bad).success).toBe(false);
    }
  });

  it('refuses a skill with a level, on write and on read', () => {
    const written = asWritten(profile()) as Json;
    written.experienceDescription = { skills: [{ ...escoSkill(1), level: 3 }] };
    expect(TMT_PROFILE_WRITE.safeParse(written).success).toBe(false);
    const read = profile();
    const skill = ((read.employments as [Json])[0].description as Json).skills as [Json];
    skill[0].level = 'advanced';
    expect(TMT_PROFILE_READ.safeParse(read).success).toBe(false);
  });

  it('refuses an ESCO value without a URI, an ongoing interval with an end, a fourth language', () => {
    const noUri = asWritten(profile()) as Json;
    noUri.experienceDescription = { skills: [{ uri: '' }] };
    expect(TMT_PROFILE_WRITE.safeParse(noUri).success).toBe(false);

    const ongoing = profile();
    (ongoing.employments as [Json])[0].interval = {
      startDate: '2019-06-03',
      endDate: '2020-01-01',
      ongoing: true,
    };
    expect(TMT_PROFILE_READ.safeParse(ongoing).success).toBe(false);

    const german = profile();
    (german.generalInfo as Json).caption = { fi: 'Hitsaaja', de: 'Schweißer' };
    expect(TMT_PROFILE_READ.safeParse(german).success).toBe(false);
  });

  it("accepts the forms KEHA's mock profile uses: empty maps and texts, a zoned time stamp", () => {
    const mockLike = {
      generalInfo: {
        caption: { fi: '', sv: '', en: '' },
        meta: { created: '2025-06-25T08:12:46.127449Z', lastModified: '2025-12-12T12:04:38Z' },
      },
      employments: [{ employer: { fi: 'Testi' }, interval: { ongoing: false } }],
      educations: [
        { customDegreeName: {}, interval: { startDate: '2026-01-01', statusCode: '1' } },
      ],
      businessActivities: [{ businessId: '', businessType: '03' }],
      languageSkills: [{ code: 'af', description: { fi: '' }, level: 'A1' }],
      experienceDescription: { description: {}, occupations: [], skills: [] },
    };
    const parsed = TMT_PROFILE_READ.safeParse(mockLike);
    expect(parsed.error?.issues).toBeUndefined();
    // Seven fraction digits: more than the 26 characters before the zone.
    const tooLong = structuredClone(mockLike);
    tooLong.generalInfo.meta.created = '2025-06-25T08:12:46.1274491Z';
    expect(TMT_PROFILE_READ.safeParse(tooLong).success).toBe(false);
  });
});
