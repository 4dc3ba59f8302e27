import { TMT_PROFILE_READ, TmtProfileRead } from '../../fixtures/external/tmt-profile.contract';
import sample from '../../fixtures/external/tmt-profile.sample.json';
import { mapImportedProfile } from '../../src/external/tmt-profile/profile-import-mapping';
import { SUPPORT_MAX_LENGTH } from '../../src/guidance/level-suggestion';

const ESCO = 'http://data.europa.eu/esco';
const MAG = `${ESCO}/skill/60ff3eac-7d4d-4e51-87b8-74c3b5d62498`;
const MIG = `${ESCO}/skill/f015c5d5-6a1c-4f63-9012-a05f4f34105e`;
const TIG = `${ESCO}/skill/a51adea8-bf02-488a-a0d8-b0961caca5b0`;
const GRINDING = `${ESCO}/skill/e2992bda-8a68-4eae-b78a-697b07800334`;
const WELDER = `${ESCO}/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b`;
const SHEET_METAL_WORKER = `${ESCO}/occupation/572c9810-e1ee-4f7a-a71f-820f17c0c25b`;
const ASSEMBLER = `${ESCO}/occupation/af2f3615-63ab-44dc-957d-c9660410d336`;

const params = { unlevelledClaimLevel: 3, currentYear: 2026 };
const options = { today: '2026-11-30' };

/** A taxonomy that holds exactly the URIs given. */
function taxonomyOf(uris: Iterable<string>) {
  const known = new Set(uris);
  return {
    isSkill: (uri: string) => known.has(uri) && uri.includes('/skill/'),
    isOccupation: (uri: string) => known.has(uri) && uri.includes('/occupation/'),
  };
}

/** Every ESCO URI the sample names. */
function urisOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urisOf);
  if (value === null || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  return entries.flatMap(([key, item]) =>
    key === 'uri' && typeof item === 'string' ? [item] : urisOf(item),
  );
}

const sampleProfile = (): TmtProfileRead => TMT_PROFILE_READ.parse(structuredClone(sample));
// TIG and the assembler are left out: the taxonomy does not hold them.
const sampleTaxonomy = taxonomyOf(urisOf(sample).filter((u) => u !== TIG && u !== ASSEMBLER));

const S1 = `${ESCO}/skill/00000000-0000-4000-8000-000000000001`;
const S2 = `${ESCO}/skill/00000000-0000-4000-8000-000000000002`;
const skill = (uri: string, fi = 'hitsata teräsrakenteita') => ({ uri, prefLabel: { fi } });
const known = taxonomyOf([S1, S2]);

/** An employment naming the skills, with the dates given. */
function employment(
  interval: { startDate?: string; endDate?: string; ongoing?: boolean },
  skills = [skill(S1)],
  text?: string,
) {
  return {
    title: { fi: 'Hitsaaja' },
    interval,
    description: { skills, ...(text === undefined ? {} : { description: { fi: text } }) },
  };
}

const map = (profile: TmtProfileRead, taxonomy = known, p = params, o = options) =>
  mapImportedProfile(profile, taxonomy, p, o);
const claim = (profile: TmtProfileRead, uri = S1) =>
  map(profile).skills.find((s) => s.skillUri === uri);

describe('mapImportedProfile (a Job Market Finland profile as Osaamo drafts)', () => {
  it('returns claims, occupations, wishes, languages, licences and places from the sample', () => {
    const imported = map(sampleProfile(), sampleTaxonomy);

    expect(imported.skills).toHaveLength(14);
    const uris = imported.skills.map((s) => s.skillUri);
    expect(uris).toEqual([...uris].sort());
    expect(uris).not.toContain(TIG);

    const mag = imported.skills.find((s) => s.skillUri === MAG)!;
    expect(mag.support.map((s) => s.section)).toEqual([
      'employment',
      'employment',
      'education',
      'project',
      'experience_description',
    ]);
    expect(mag.support[0]).toMatchObject({
      itemTitle: 'Levyseppä-hitsaaja',
      startedOn: '2019-06-03',
      endedOn: null,
      ongoing: true,
    });
    expect(mag.support[2]).toMatchObject({
      itemTitle: 'Kone- ja tuotantotekniikan perustutkinto, hitsauksen osaamisala',
      startedOn: '2011-08-15',
      endedOn: '2014-05-31',
      ongoing: false,
      words: 'Hitsauksen ja levytöiden perusteet, työturvallisuus ja laadunvarmistus.',
    });
    expect(mag.support[4]).toMatchObject({ itemTitle: null, startedOn: null, ongoing: false });
    // 2014-08-04…2019-05-31 and 2019-06-03…today; the project lies inside, education not counted.
    expect(mag).toMatchObject({ proficiency: 3, experienceMonths: 148, lastUsedYear: 2026 });
    expect(mag.levelReason).toBe(
      'Job Market Finland profiles carry no level: level 3 until confirmed; 148 months from ' +
        'the dates of 3 items (education not counted as experience).',
    );
    // Two items that do not overlap: 1762 + 174 days.
    const grinding = imported.skills.find((s) => s.skillUri === GRINDING)!;
    expect(grinding).toMatchObject({ experienceMonths: 64, lastUsedYear: 2021 });
    expect(imported.skills.find((s) => s.skillUri === MIG)).toMatchObject({
      experienceMonths: null,
      lastUsedYear: 2014,
    });

    expect(imported.workOccupations).toEqual([
      {
        uri: WELDER,
        provenance:
          mag.support[0] &&
          expect.objectContaining({ section: 'employment', itemTitle: 'Levyseppä-hitsaaja' }),
      },
      {
        uri: SHEET_METAL_WORKER,
        provenance: expect.objectContaining({ itemTitle: 'Levyseppä-hitsaaja' }),
      },
      {
        uri: WELDER,
        provenance: expect.objectContaining({ itemTitle: 'Hitsaaja', endedOn: '2019-05-31' }),
      },
      { uri: WELDER, provenance: expect.objectContaining({ section: 'experience_description' }) },
      {
        uri: SHEET_METAL_WORKER,
        provenance: expect.objectContaining({ section: 'experience_description' }),
      },
    ]);
    expect(imported.desiredOccupationUris).toEqual([WELDER, SHEET_METAL_WORKER]);
    expect(imported.desiredSkillUris).toEqual([MAG]);
    expect(imported.unknownUris).toEqual([
      { uri: TIG, kind: 'skill', section: 'employment' },
      { uri: TIG, kind: 'skill', section: 'experience_description' },
      { uri: ASSEMBLER, kind: 'occupation', section: 'job_preference' },
      { uri: TIG, kind: 'skill', section: 'job_preference' },
    ]);

    expect(imported.languages).toEqual([
      { language: 'fi', level: 'native' },
      { language: 'en', level: 'B1' },
      { language: 'sv', level: 'A2' },
    ]);
    expect(imported.licences).toEqual(['driving_licence_b']);
    expect(imported.unmappedCodes).toEqual([
      { codeSet: 'LUPA_KORTTI', code: '001' },
      { codeSet: 'LUPA_KORTTI', code: '002' },
    ]);
    expect(imported.preferredMunicipalityCodes).toEqual(['297', '749']);
    expect(imported.preferredRegionCodes).toEqual(['11']);
    expect(imported.profileLastModified).toBe('2026-10-02T16:05:48.918Z');
  });

  it('counts overlapping intervals once', () => {
    const profile = {
      employments: [
        employment({ startDate: '2020-01-01', endDate: '2020-12-31' }),
        employment({ startDate: '2020-07-01', endDate: '2021-06-30' }),
      ],
    };
    // 2020-01-01…2021-06-30 is 18 months; added up, the two would be 24.
    expect(claim(profile)?.experienceMonths).toBe(18);
  });

  it('runs an ongoing item to today, not beyond, and caps experience at 600 months', () => {
    const ongoing = { employments: [employment({ startDate: '2026-01-01', ongoing: true })] };
    expect(claim(ongoing)?.experienceMonths).toBe(11);
    const noEnd = { employments: [employment({ startDate: '2026-01-01' })] };
    expect(claim(noEnd)?.experienceMonths).toBe(11);
    // A fixed-term job with its planned end ahead counts up to today only.
    const planned = {
      employments: [employment({ startDate: '2026-01-01', endDate: '2027-12-31' })],
    };
    expect(claim(planned)).toMatchObject({ experienceMonths: 11, lastUsedYear: 2026 });
    const lifelong = { employments: [employment({ startDate: '1960-01-01', ongoing: true })] };
    expect(claim(lifelong)?.experienceMonths).toBe(600);
  });

  it('does not count education as experience, but does count it for the last year used', () => {
    const education = {
      customDegreeName: { fi: 'Hitsaajan perustutkinto' },
      interval: { startDate: '2015-01-01', endDate: '2017-12-31', statusCode: '2' },
      description: { skills: [skill(S1)] },
    };
    const both = {
      educations: [education],
      employments: [employment({ startDate: '2020-01-01', endDate: '2020-12-31' })],
    };
    expect(claim(both)).toMatchObject({ experienceMonths: 12, lastUsedYear: 2020 });
    expect(claim({ educations: [education] })).toMatchObject({
      experienceMonths: null,
      lastUsedYear: 2017,
    });
  });

  it('returns the current year as last used when an item naming the skill is ongoing', () => {
    const profile = {
      employments: [
        employment({ startDate: '2010-01-01', endDate: '2012-12-31' }),
        employment({ startDate: '2018-01-01', ongoing: true }),
      ],
    };
    const later = { unlevelledClaimLevel: 2, currentYear: 2030 };
    const imported = map(profile, known, later, { today: '2030-06-30' });
    expect(imported.skills[0]).toMatchObject({ lastUsedYear: 2030, proficiency: 2 });

    // An unfinished education (status 1) is ongoing too; its planned end is not the year.
    const studying = {
      educations: [
        {
          interval: { startDate: '2024-08-01', endDate: '2028-05-31', statusCode: '1' },
          description: { skills: [skill(S1)] },
        },
      ],
    };
    expect(claim(studying)?.support[0]?.ongoing).toBe(true);
    expect(claim(studying)?.lastUsedYear).toBe(2026);
    const ended = { employments: [employment({ startDate: '2010-01-01', endDate: '2012-12-31' })] };
    expect(claim(ended)?.lastUsedYear).toBe(2012);
  });

  it('gives a skill named in two items two supports, in profile order, with highlights', () => {
    const profile = {
      employments: [
        employment(
          { startDate: '2019-01-01', endDate: '2019-12-31' },
          [skill(S1)],
          'Työssä piti HITSATA TERÄSRAKENTEITA päivittäin.',
        ),
      ],
      projects: [{ title: { sv: 'Båttrailer' }, description: { skills: [skill(S1), skill(S1)] } }],
    };
    const support = claim(profile)?.support;
    expect(support).toHaveLength(2);
    expect(support?.[0]).toMatchObject({
      section: 'employment',
      itemTitle: 'Hitsaaja',
      words: 'Työssä piti HITSATA TERÄSRAKENTEITA päivittäin.',
      highlightStart: 12,
      highlightEnd: 35,
    });
    // No description: the title's words, in Swedish, where the Finnish label is not looked for.
    expect(support?.[1]).toMatchObject({
      section: 'project',
      itemTitle: 'Båttrailer',
      words: 'Båttrailer',
      highlightStart: null,
      highlightEnd: null,
    });
  });

  it("falls back to the skill's label and cuts long descriptions at a word boundary", () => {
    // The 400th character falls inside a word: the cut goes back to the space before it.
    const long = `ab ${'hitsaus '.repeat(60)}hitsata teräsrakenteita`;
    const profile = {
      experienceDescription: { skills: [skill(S2, 'lukea piirustuksia')] },
      employments: [employment({}, [skill(S1)], long)],
    };
    const imported = map(profile);
    const words = imported.skills.find((s) => s.skillUri === S1)!.support[0]!.words;
    expect(words.length).toBeLessThanOrEqual(SUPPORT_MAX_LENGTH);
    expect(words).toBe(`ab ${'hitsaus '.repeat(49).trimEnd()}`);
    const fromLabel = imported.skills.find((s) => s.skillUri === S2)!.support[0]!;
    expect(fromLabel).toMatchObject({ words: 'lukea piirustuksia', highlightStart: 0 });
    expect(fromLabel.highlightEnd).toBe(18);
  });

  it('keeps preference skills and occupations as wishes, never as claims', () => {
    const occupation = `${ESCO}/occupation/00000000-0000-4000-8000-000000000003`;
    const profile = {
      jobPreferenceDescription: {
        skills: [skill(S1), skill(S2), skill(S1)],
        occupations: [{ uri: occupation }],
      },
    };
    const imported = map(profile, taxonomyOf([S1, S2, occupation]));
    expect(imported.skills).toEqual([]);
    expect(imported.workOccupations).toEqual([]);
    expect(imported.desiredSkillUris).toEqual([S1, S2]);
    expect(imported.desiredOccupationUris).toEqual([occupation]);
  });

  it('reports each unknown URI once per section and never claims it', () => {
    const unknown = `${ESCO}/skill/ffffffff-0000-4000-8000-000000000000`;
    const profile = {
      employments: [employment({}, [skill(unknown), skill(S1)]), employment({}, [skill(unknown)])],
      // An occupation in a skill list is not a skill.
      projects: [{ description: { skills: [{ uri: `${ESCO}/occupation/x` }] } }],
    };
    const imported = map(profile, taxonomyOf([S1, `${ESCO}/occupation/x`]));
    expect(imported.skills.map((s) => s.skillUri)).toEqual([S1]);
    expect(imported.unknownUris).toEqual([
      { uri: unknown, kind: 'skill', section: 'employment' },
      { uri: `${ESCO}/occupation/x`, kind: 'skill', section: 'project' },
    ]);
  });

  it('maps L1 to native and keeps the higher level of a language listed twice', () => {
    const profile = {
      languageSkills: [
        { code: 'en', level: 'B2' as const },
        { code: 'fi', level: 'C2' as const },
        { code: 'en', level: 'A1' as const },
        { code: 'fi', level: 'L1' as const },
      ],
    };
    // Native ranks above C2 though the matcher counts both as 6.
    expect(map(profile).languages).toEqual([
      { language: 'en', level: 'B2' },
      { language: 'fi', level: 'native' },
    ]);
  });

  it('reports unmapped language codes, missing levels, licence classes and card codes', () => {
    const profile = {
      languageSkills: [{ code: 'fin', level: 'B1' as const }, { code: 'de' }],
      drivingLicenses: { licenseClasses: ['B', 'C1C', 'b', 'C1C'] },
      certifications: { cardCodes: ['001', '001'] },
    };
    const imported = map(profile);
    expect(imported.languages).toEqual([]);
    expect(imported.licences).toEqual(['driving_licence_b']);
    expect(imported.unmappedCodes).toEqual([
      { codeSet: 'KIELI', code: 'fin' },
      { codeSet: 'KIELITAIDON_TASO', code: '' },
      { codeSet: 'AJOKORTTILUOKKA', code: 'C1C' },
      { codeSet: 'LUPA_KORTTI', code: '001' },
    ]);
  });

  it('reads a time stamp without a zone as UTC and gives null without one', () => {
    const at = (lastModified?: string) =>
      map({ generalInfo: { meta: lastModified ? { lastModified } : {} } }).profileLastModified;
    expect(at('2025-12-12T12:04:38')).toBe('2025-12-12T12:04:38.000Z');
    expect(at('2025-12-12T14:04:38+02:00')).toBe('2025-12-12T12:04:38.000Z');
    expect(at()).toBeNull();
  });

  it('refuses a today that is not an ISO date', () => {
    expect(() => map({}, known, params, { today: '30.11.2026' })).toThrow(RangeError);
  });
});
