import DataLoader from 'dataloader';
import {
  CandidateProfile,
  DEFAULT_MATCH_PARAMS,
  scoreMatch,
  SkillGraph,
  SkillRequirement,
  VacancyProfile,
} from '../../matching';
import { matchSummary } from '../../src/matches/match-summary';
import { EscoLabel } from '../../src/taxonomy/entities';

// A match summary in the reader's language names the most important missing and met skills.
const S = (n: number) => `urn:skill:${n}`;
const graph = SkillGraph.build({
  broader: [],
  related: [],
  essentialSkillsByOccupation: new Map(),
});
const NAMES: Record<number, Record<string, string>> = {
  1: { fi: 'hitsaus', sv: 'svetsning', en: 'welding' },
  2: { fi: 'levytyö', sv: 'plåtarbete', en: 'sheet metal work' },
  3: { fi: 'piirustusten lukeminen', en: 'reading drawings' }, // no Swedish label either
  4: { en: 'forklift driving' }, // no Finnish or Swedish label: English stands in
  5: { fi: 'työturvallisuus', sv: 'arbetssäkerhet', en: 'occupational safety' },
};

function labelLoader() {
  const asked: string[][] = [];
  const loader = new DataLoader<string, EscoLabel[]>(async (uris) => {
    asked.push([...uris]);
    return uris.map((uri) =>
      Object.entries(NAMES[Number(uri.split(':')[2])] ?? {}).map(
        ([language, label]) =>
          ({ conceptUri: uri, language, labelType: 'preferred', label }) as EscoLabel,
      ),
    );
  });
  return { loader, asked };
}

const requirement = (n: number, importance: SkillRequirement['importance']): SkillRequirement => ({
  skillUri: S(n),
  importance,
  minProficiency: 3,
});

const person = (skills: number[], location = true): CandidateProfile => ({
  id: 'c',
  skills: skills.map((n) => ({
    skillUri: S(n),
    proficiency: 3,
    verified: true,
    experienceMonths: null,
    lastUsedYear: null,
  })),
  languages: new Map(),
  educationLevel: null,
  experienceMonths: null,
  licences: new Set(),
  location: location ? { latitude: 62.89, longitude: 27.68 } : null,
  maxCommuteKm: 40,
  willingToRelocate: false,
  remotePreference: 'any',
  workingTimes: [],
  contractTypes: [],
  earliestStart: null,
  desiredOccupationUris: [],
  desiredIscoGroups: [],
});

const vacancy = (
  skills: SkillRequirement[],
  extra: Partial<VacancyProfile> = {},
): VacancyProfile => ({
  id: 'v',
  occupationUri: null,
  iscoGroup: null,
  skills,
  languages: [],
  minEducationLevel: null,
  minExperienceMonths: null,
  licences: [],
  location: { latitude: 62.89, longitude: 27.68 },
  remote: 'none',
  workingTime: 'full_time',
  contractType: 'permanent',
  startDate: null,
  ...extra,
});

const requirements = [
  requirement(5, 'nice_to_have'),
  requirement(1, 'essential'),
  requirement(2, 'essential'),
  requirement(3, 'essential'),
  requirement(4, 'important'),
];

describe('matchSummary', () => {
  it('says in Finnish that 3 essential skills are missing and names them, with the partitive', async () => {
    const score = scoreMatch(person([4, 5]), vacancy(requirements), graph, DEFAULT_MATCH_PARAMS);
    const { loader, asked } = labelLoader();
    const text = await matchSummary(score, 'fi', loader);
    expect(text).toMatch(/^Sopivuus \d+ %\. Täyttää 2\/5 osaamisvaatimuksesta\./);
    expect(text).toContain(
      '3 olennaista osaamista puuttuu: hitsaus, levytyö ja piirustusten lukeminen.',
    );
    // Met: the important one before the nice-to-have one; English where Finnish has no label.
    expect(text).toContain('Täyttyvät osaamisvaatimukset: forklift driving ja työturvallisuus.');
    expect(text).not.toContain('Puuttuu 3 olennainen');
    // One batch of labels for the whole summary, not one query per skill.
    expect(asked).toHaveLength(1);
  });

  it('says one missing essential skill in the singular, in Swedish and English', async () => {
    const score = scoreMatch(person([1, 2, 4]), vacancy(requirements), graph, DEFAULT_MATCH_PARAMS);
    expect(await matchSummary(score, 'sv', labelLoader().loader)).toContain(
      '1 väsentlig kompetens saknas: reading drawings. Uppfyllda kompetenskrav: svetsning, plåtarbete och forklift driving.',
    );
    const english = await matchSummary(score, 'en', labelLoader().loader);
    expect(english).toContain(
      'Meets 3 of 5 required skills. 1 essential skill is missing: reading drawings.',
    );
    expect(english).toContain('Skills met: welding, sheet metal work, and forklift driving.');
  });

  it('names at most three skills and counts the rest', async () => {
    const many = [1, 2, 3, 4, 5].map((n) => requirement(n, 'essential'));
    const score = scoreMatch(person([]), vacancy(many), graph, DEFAULT_MATCH_PARAMS);
    expect(await matchSummary(score, 'fi', labelLoader().loader)).toContain(
      '5 olennaista osaamista puuttuu: hitsaus, levytyö, piirustusten lukeminen ja 2 muuta.',
    );
  });

  it('says hard failures and missing data in the language asked, not in English', async () => {
    const score = scoreMatch(
      person([1], false),
      vacancy([requirement(1, 'essential')], {
        licences: ['hygiene_passport'],
        languages: [{ language: 'sv', minLevel: 3, essential: true }],
        minEducationLevel: 3,
      }),
      graph,
      DEFAULT_MATCH_PARAMS,
    );
    const text = await matchSummary(score, 'fi', labelLoader().loader);
    expect(text).toContain('Ei osaa vaadittua kieltä riittävästi: ruotsi.');
    expect(text).toContain('Vaadittu lupa tai kortti puuttuu: hygiene_passport.');
    expect(text).toContain('Hakijan koulutustaso ei ole tiedossa.');
    expect(text).toContain('Hakijan tai työpaikan sijainti ei ole tiedossa.');
    expect(text).not.toMatch(/not known|licence:|language:/);
  });
});
