import {
  TMT_PROFILE_LIMITS,
  TMT_PROFILE_WRITE,
  TmtProfileWrite,
} from '../../fixtures/external/tmt-profile.contract';
import {
  buildExportProfile,
  cutText,
  DESCRIPTION_MAX_LENGTH,
  ExportResult,
} from '../../src/external/tmt-profile/profile-export-mapping';
import { ExportSource } from '../../src/external/tmt-profile/profile-transfer.types';

type SourceSkill = ExportSource['skills'][number];
type Support = SourceSkill['support'][number];

const skillUri = (n: number) =>
  `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const occupationUri = (n: number) =>
  `http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const source = (part: Partial<ExportSource> = {}): ExportSource => ({
  skills: [],
  desiredOccupationUris: [],
  desiredSkillUris: [],
  languages: [],
  licences: [],
  ...part,
});

const skill = (n: number, proficiency: number, ...support: Support[]): SourceSkill => ({
  skillUri: skillUri(n),
  proficiency,
  support,
});

const inItem = (
  section: Support['section'],
  itemTitle: string,
  startedOn: string | null,
  endedOn: string | null,
  words: string,
  ongoing = false,
): Support => ({ words, section, itemTitle, startedOn, endedOn, ongoing });

const ownWords = (words: string): Support => ({
  words,
  section: null,
  itemTitle: null,
  startedOn: null,
  endedOn: null,
  ongoing: false,
});

/** Builds and checks the result against the P51 contract: every case goes through here. */
function build(input: ExportSource): ExportResult {
  const result = buildExportProfile(input);
  const parsed = TMT_PROFILE_WRITE.safeParse(result.profile);
  expect(parsed.error?.issues).toBeUndefined();
  return result;
}

/** Every language map in the profile (title, description text, degree name …). */
function languageMaps(value: unknown, out: Record<string, unknown>[] = []) {
  if (Array.isArray(value)) value.forEach((item) => languageMaps(item, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'title' || key === 'customDegreeName' || key === 'description') {
        // A DescriptionItem is also called `description`: its text is the inner one.
        if (item !== null && typeof item === 'object' && !('skills' in item)) {
          out.push(item as Record<string, unknown>);
          continue;
        }
      }
      languageMaps(item, out);
    }
  }
  return out;
}

const WELDING = 'Hitsasin MIG- ja TIG-menetelmillä painelaitteita.';

describe('buildExportProfile (P51 export)', () => {
  it('returns one employment with its skills and words when skills name the same imported item', () => {
    const employment = (words: string) =>
      inItem('employment', 'Hitsaaja', '2019-03-01', '2023-05-31', words);
    const { profile, leftOut } = build(
      source({
        skills: [
          skill(2, 3, employment(WELDING)),
          skill(1, 5, employment(WELDING)),
          skill(3, 4, employment('Luin hitsauspiirustuksia.')),
        ],
      }),
    );
    expect(profile).toEqual({
      employments: [
        {
          title: { fi: 'Hitsaaja' },
          interval: { startDate: '2019-03-01', endDate: '2023-05-31' },
          description: {
            // Distinct words, highest proficiency first: skill 1 (5), skill 3 (4), skill 2 (3).
            description: { fi: `${WELDING}\nLuin hitsauspiirustuksia.` },
            skills: [{ uri: skillUri(1) }, { uri: skillUri(3) }, { uri: skillUri(2) }],
          },
        },
      ],
    });
    expect(leftOut).toEqual([]);
  });

  it('sends projects, educations and business activities in their own lists', () => {
    const { profile } = build(
      source({
        skills: [
          skill(1, 3, inItem('project', 'Kesäprojekti', '2022-06-01', '2022-08-31', 'Rakensin.')),
          skill(2, 3, inItem('education', 'Metallialan perustutkinto', '2015-08-01', null, '')),
          skill(3, 3, inItem('business_activity', 'Oma toiminimi', '2020-01-01', null, 'Myin.')),
        ],
      }),
    );
    expect(profile.projects).toEqual([
      {
        title: { fi: 'Kesäprojekti' },
        interval: { startDate: '2022-06-01', endDate: '2022-08-31' },
        description: { description: { fi: 'Rakensin.' }, skills: [{ uri: skillUri(1) }] },
      },
    ]);
    expect(profile.educations).toEqual([
      {
        customDegreeName: { fi: 'Metallialan perustutkinto' },
        interval: { startDate: '2015-08-01' },
        // No words: the item's title is its text.
        description: {
          description: { fi: 'Metallialan perustutkinto' },
          skills: [{ uri: skillUri(2) }],
        },
      },
    ]);
    expect(profile.businessActivities).toEqual([
      {
        title: { fi: 'Oma toiminimi' },
        interval: { startDate: '2020-01-01' },
        description: { description: { fi: 'Myin.' }, skills: [{ uri: skillUri(3) }] },
      },
    ]);
    expect(profile.employments).toBeUndefined();
  });

  it('gives an ongoing interval no end date, and an unfinished education status 1', () => {
    const { profile } = build(
      source({
        skills: [
          skill(1, 3, inItem('employment', 'Hitsaaja', '2024-01-01', '2025-01-01', 'x', true)),
          skill(2, 3, inItem('education', 'Insinööri', '2024-08-01', '2028-05-31', 'y', true)),
        ],
      }),
    );
    expect(profile.employments?.[0]?.interval).toEqual({ startDate: '2024-01-01', ongoing: true });
    expect(profile.educations?.[0]?.interval).toEqual({ startDate: '2024-08-01', statusCode: '1' });
  });

  it('puts skills without item support into the experience description, words distinct', () => {
    const { profile } = build(
      source({
        skills: [
          skill(1, 4, ownWords('Osaan hitsata.'), ownWords('Osaan hitsata.')),
          skill(2, 2, ownWords('Ajan trukkia.'), ownWords('  ')),
          // An experience-description claim and an item without a title are not items either.
          skill(3, 3, inItem('experience_description', 'x', null, null, 'Kuvaus.')),
          skill(4, 1, inItem('employment', ' ', '2020-01-01', null, 'Ilman otsikkoa.')),
          // A skill with item support travels only in its item, not with its own words.
          skill(5, 5, ownWords('Omat sanat.'), inItem('project', 'P', null, null, 'Projekti.')),
        ],
      }),
    );
    expect(profile.experienceDescription).toEqual({
      description: { fi: 'Osaan hitsata.\nKuvaus.\nAjan trukkia.\nIlman otsikkoa.' },
      skills: [
        { uri: skillUri(1) },
        { uri: skillUri(3) },
        { uri: skillUri(2) },
        { uri: skillUri(4) },
      ],
    });
    expect(profile.employments).toBeUndefined();
    expect(profile.projects).toEqual([
      {
        title: { fi: 'P' },
        description: { description: { fi: 'Projekti.' }, skills: [{ uri: skillUri(5) }] },
      },
    ]);
  });

  it('sends no text in the experience description when its skills have no words', () => {
    const { profile } = build(source({ skills: [skill(1, 3, ownWords(''))] }));
    expect(profile).toEqual({ experienceDescription: { skills: [{ uri: skillUri(1) }] } });
  });

  it('sends no key at all for an empty part of the source', () => {
    expect(build(source()).profile).toEqual({});
    const { profile } = build(source({ skills: [skill(1, 3, ownWords('Sanat.'))] }));
    expect(Object.keys(profile)).toEqual(['experienceDescription']);
    // Only one half of the wishes: the other list is absent, not empty.
    const wishes = build(source({ desiredOccupationUris: [occupationUri(1)] })).profile;
    expect(wishes).toEqual({
      jobPreferenceDescription: { occupations: [{ uri: occupationUri(1) }] },
    });
    // A licence that maps to nothing leaves no empty drivingLicenses or certifications behind.
    expect(build(source({ licences: ['hot_work_card'] })).profile).toEqual({});
  });

  it('never sends generalInfo nor externalLinks', () => {
    const { profile } = build(
      source({
        skills: [skill(1, 3, inItem('employment', 'T', '2020-01-01', null, 'w'))],
        desiredSkillUris: [skillUri(9)],
        languages: [{ language: 'fi', level: 'native' }],
        licences: ['driving_licence_b'],
      }),
    );
    expect(profile).not.toHaveProperty('generalInfo');
    expect(profile).not.toHaveProperty('externalLinks');
  });

  it('sends the wishes as the job preference description, distinct, without text', () => {
    const { profile } = build(
      source({
        desiredOccupationUris: [occupationUri(2), occupationUri(1), occupationUri(2)],
        desiredSkillUris: [skillUri(7)],
      }),
    );
    expect(profile.jobPreferenceDescription).toEqual({
      occupations: [{ uri: occupationUri(2) }, { uri: occupationUri(1) }],
      skills: [{ uri: skillUri(7) }],
    });
  });

  it('sends native as L1 and other levels as they are', () => {
    const { profile } = build(
      source({
        languages: [
          { language: 'fi', level: 'native' },
          { language: 'en', level: 'B2' },
          { language: 'sv', level: 'A1' },
        ],
      }),
    );
    expect(profile.languageSkills).toEqual([
      { code: 'fi', level: 'L1' },
      { code: 'en', level: 'B2' },
      { code: 'sv', level: 'A1' },
    ]);
  });

  it('sends driving classes and names a licence with no national code in leftOut', () => {
    const { profile, leftOut } = build(
      source({ licences: ['driving_licence_b', 'hot_work_card', 'driving_licence_ce'] }),
    );
    expect(profile.drivingLicenses).toEqual({ licenseClasses: ['B', 'CE'] });
    expect(profile).not.toHaveProperty('certifications');
    expect(leftOut).toEqual(['licence hot_work_card: no code in the national list']);
  });

  it('sends the 20 most recent of 25 employments and names the other 5', () => {
    const skills = Array.from({ length: 25 }, (_, i) =>
      skill(i + 1, 3, inItem('employment', `Työ ${i + 1}`, `${2000 + i}-01-01`, null, 'w')),
    );
    const { profile, leftOut } = build(source({ skills }));
    expect(profile.employments).toHaveLength(TMT_PROFILE_LIMITS.items);
    // Most recent first: 2024 (Työ 25) down to 2005 (Työ 6).
    expect(profile.employments?.map((e) => e.title?.fi)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Työ ${25 - i}`),
    );
    const droppedItems = leftOut.filter((line) => line.startsWith('employment '));
    expect(droppedItems).toHaveLength(5);
    for (const n of [1, 2, 3, 4, 5]) {
      expect(droppedItems.some((line) => line.includes(`"Työ ${n}"`))).toBe(true);
      // Each dropped item's skill travels nowhere else: named by URI.
      expect(leftOut.some((line) => line.startsWith(`skill ${skillUri(n)}:`))).toBe(true);
    }
    expect(leftOut).toHaveLength(10);
  });

  it('sends 120 of 130 skills in one item, highest proficiency first, and names the 10 by URI', () => {
    // Skills 1–10 have proficiency 1, the rest 2: the ten of level 1 are the ones cut.
    const skills = Array.from({ length: 130 }, (_, i) =>
      skill(i + 1, i < 10 ? 1 : 2, inItem('employment', 'Iso työ', '2020-01-01', null, 'w')),
    );
    const { profile, leftOut } = build(source({ skills: skills.reverse() }));
    const sent = profile.employments?.[0]?.description?.skills?.map((s) => s.uri) ?? [];
    expect(sent).toHaveLength(TMT_PROFILE_LIMITS.escoValues);
    expect(sent).toEqual(Array.from({ length: 120 }, (_, i) => skillUri(i + 11)));
    expect(leftOut).toHaveLength(10);
    for (let n = 1; n <= 10; n++) {
      expect(leftOut.some((line) => line.startsWith(`skill ${skillUri(n)}:`))).toBe(true);
    }
  });

  it('caps the experience description at 120 skills too', () => {
    const skills = Array.from({ length: 121 }, (_, i) => skill(i + 1, 3, ownWords('w')));
    const { profile, leftOut } = build(source({ skills }));
    expect(profile.experienceDescription?.skills).toHaveLength(120);
    expect(leftOut).toEqual([expect.stringMatching(new RegExp(`^skill ${skillUri(121)}:`))]);
  });

  it('always has a non-empty fi text in every title and description', () => {
    const { profile } = build(
      source({
        skills: [
          skill(1, 3, inItem('employment', 'Hitsaaja', '2020-01-01', null, '')),
          skill(2, 3, inItem('education', 'Tutkinto', null, null, 'På svenska.')),
          skill(3, 3, ownWords('In English.')),
        ],
        languages: [{ language: 'fi', level: 'C1' }],
      }),
    );
    const maps = languageMaps(profile);
    // Two titles and three texts: employment title, text; degree name, text; experience text.
    expect(maps).toHaveLength(5);
    for (const map of maps) {
      expect(Object.keys(map)).toEqual(['fi']);
      expect(typeof map.fi === 'string' && map.fi.length > 0).toBe(true);
    }
  });

  it('cuts a long text to 5000 characters at a sentence end and says so', () => {
    const sentence = 'Hitsasin painelaitteita. ';
    const words = sentence.repeat(300).trim(); // 7499 characters
    const { profile, leftOut } = build(
      source({ skills: [skill(1, 3, inItem('employment', 'T', null, null, words))] }),
    );
    const text = profile.employments?.[0]?.description?.description?.fi ?? '';
    expect(text.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH);
    expect(text.length).toBeGreaterThan(DESCRIPTION_MAX_LENGTH - sentence.length);
    expect(text.endsWith('painelaitteita.')).toBe(true);
    expect(leftOut).toEqual([expect.stringContaining('text cut to 5000 characters')]);
  });

  it('cuts at a word when no sentence ends in the last half, and hard when there is no space', () => {
    expect(cutText('aaaa bbbb cccc', 12)).toBe('aaaa bbbb');
    expect(cutText('Lyhyt. ' + 'sana '.repeat(10), 40)).toMatch(/^Lyhyt\. (sana ){5}sana$/);
    expect(cutText('x'.repeat(20), 10)).toBe('x'.repeat(10));
    expect(cutText('short', 10)).toBe('short');
  });

  it('returns the same profile whatever order the skills come in', () => {
    const skills = [
      skill(1, 2, inItem('employment', 'A', '2020-01-01', null, 'a')),
      skill(2, 5, inItem('employment', 'A', '2020-01-01', null, 'b')),
      skill(3, 5, inItem('employment', 'B', '2021-01-01', '2022-01-01', 'c')),
      skill(4, 3, ownWords('d')),
      skill(5, 3, ownWords('e')),
    ];
    const forward = build(source({ skills }));
    const backward = build(source({ skills: [...skills].reverse() }));
    expect(backward).toEqual(forward);
    expect(forward.profile.employments?.map((e) => e.title?.fi)).toEqual(['B', 'A']);
    expect(forward.profile.employments?.[1]?.description?.description?.fi).toBe('b\na');
  });

  it('leaves out a skill URI or a date the contract would refuse, and names it', () => {
    const { profile, leftOut } = build(
      source({
        skills: [
          { skillUri: 'not a uri', proficiency: 3, support: [ownWords('w')] },
          skill(1, 3, inItem('employment', 'T', '2020-13-45', '2021-01-01', 'w')),
          skill(2, 3, inItem('education', 'E', '2019-08-01T10:00:00Z', '2021-02-30', 'w')),
        ],
      }),
    );
    expect(profile.employments?.[0]?.interval).toEqual({ endDate: '2021-01-01' });
    // A date-time's date is taken; 30 February is no date.
    expect(profile.educations?.[0]?.interval).toEqual({ startDate: '2019-08-01' });
    expect(profile).not.toHaveProperty('experienceDescription');
    expect(leftOut).toEqual([
      'skill not a uri: not a URI the profile accepts',
      expect.stringContaining('the date 2020-13-45'),
      expect.stringContaining('the date 2021-02-30'),
    ]);
  });

  it('builds a profile the contract refuses nothing of, for a full source', () => {
    const profile: TmtProfileWrite = build(
      source({
        skills: [
          skill(1, 5, inItem('employment', 'Hitsaaja', '2019-03-01', null, WELDING, true)),
          skill(1, 4, inItem('project', 'Projekti', '2018-01-01', '2018-06-30', 'Tein.')),
          skill(2, 3, ownWords('Osaan.')),
        ],
        desiredOccupationUris: [occupationUri(1)],
        desiredSkillUris: [skillUri(3)],
        languages: [{ language: 'fi', level: 'native' }],
        licences: ['driving_licence_b'],
      }),
    ).profile;
    // The same skill twice is one skill, sent in both its items.
    expect(profile.employments?.[0]?.description?.skills).toEqual([{ uri: skillUri(1) }]);
    expect(profile.projects?.[0]?.description?.skills).toEqual([{ uri: skillUri(1) }]);
    expect(Object.keys(profile).sort()).toEqual([
      'drivingLicenses',
      'employments',
      'experienceDescription',
      'jobPreferenceDescription',
      'languageSkills',
      'projects',
    ]);
  });
});
