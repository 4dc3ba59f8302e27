import { SkillGraph } from '../skill-graph';
import { CandidateProfile, LanguageLevel, VacancyProfile } from '../types';
import { FairnessPool } from './fairness';
import { EvaluationData, seededRandom } from './generate';
import { TaxonomyView } from './taxonomy-view';

/**
 * A synthetic market for the fairness evaluation in which competence is held equal across
 * groups. Each "competence twin" is one person's skills (same URIs, levels, verification),
 * drawn as the matching evaluation draws its candidates; from it one variant per group of each
 * dimension is derived, differing only in what real records of that group tend to differ in:
 * - age band: experience in months, and (50+) some skills last used long ago;
 * - gender: the desired occupation, named as often as the gender works in its ISCO group;
 * - mother tongue: the language levels (fi native; sv native with Finnish B2–C1; another
 *   language with Finnish B1–B2).
 * A dimension's variants keep the other attributes at a reference (30–49, Finnish native, the
 * twin's own occupation desired), so a gap on one dimension is that dimension's alone.
 */

export const AGE_BANDS = ['under 30', '30–49', '50+'] as const;
export const GENDERS = ['f', 'm'] as const;
export const MOTHER_TONGUES = ['fi', 'sv', 'other'] as const;

/** The vacancies and one pool of twin variants per dimension (age, gender, mother tongue). */
export interface FairnessMarket {
  vacancies: VacancyProfile[];
  pools: FairnessPool[];
}

/**
 * Women's share of employment by ISCO sub-major group (two digits), else major group (one):
 * rough figures of the order Statistics Finland reports, for illustration; an area's own
 * figures belong here when known. Occupations of an unlisted group count as balanced.
 */
const WOMENS_SHARE: Record<string, number> = {
  '1': 0.35,
  '21': 0.25,
  '22': 0.85,
  '23': 0.7,
  '24': 0.55,
  '25': 0.22,
  '26': 0.75,
  '32': 0.85,
  '34': 0.65,
  '35': 0.2,
  '4': 0.75,
  '51': 0.6,
  '52': 0.65,
  '53': 0.88,
  '54': 0.25,
  '6': 0.3,
  '7': 0.06,
  '8': 0.12,
  '91': 0.75,
  '92': 0.35,
  '93': 0.25,
  '94': 0.65,
};

function womensShare(iscoGroup: string): number {
  return WOMENS_SHARE[iscoGroup.slice(0, 2)] ?? WOMENS_SHARE[iscoGroup.slice(0, 1)] ?? 0.5;
}

/**
 * Draws `twins` competence twins and `vacancyCount` vacancies from the taxonomy's occupations,
 * seeded: the same seed gives the same market. A fifth of the vacancies require Finnish at
 * C2 (native) as essential, the rest at B1 or B2, essential in half of them; two fifths ask for
 * 2–5 years of experience.
 */
export function fairnessMarket(
  taxonomy: TaxonomyView,
  graph: SkillGraph,
  seed: number,
  twins: number,
  vacancyCount: number,
): FairnessMarket {
  const data = new EvaluationData(taxonomy, graph, seed);
  const random = seededRandom(seed + 1);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const occupations = data.occupationUris;
  const pick = () => occupations[Math.floor(random() * occupations.length)]!;
  const iscoOf = (o: string) => taxonomy.iscoGroupOf.get(o) ?? '';

  const vacancies = Array.from({ length: vacancyCount }, () => {
    const vacancy = data.vacancy(pick());
    const native = random() < 0.2;
    const fi = (native ? 6 : between(3, 4)) as LanguageLevel;
    return {
      ...vacancy,
      languages: [{ language: 'fi', minLevel: fi, essential: native || random() < 0.5 }],
      minExperienceMonths: random() < 0.4 ? 12 * between(2, 5) : null,
    };
  });

  const pools: FairnessPool[] = [
    { dimension: 'age band', groups: [...AGE_BANDS], members: [] },
    { dimension: 'gender', groups: [...GENDERS], members: [] },
    { dimension: 'mother tongue', groups: [...MOTHER_TONGUES], members: [] },
  ];
  const [age, gender, tongue] = pools as [FairnessPool, FairnessPool, FairnessPool];
  for (let t = 0; t < twins; t++) {
    const occupation = pick();
    const strong = random() < 0.6;
    const twin = data.candidate(occupation, strong ? 0.9 : 0.6, strong ? 4 : 3, random() < 0.3);
    const variant = (change: Partial<CandidateProfile>): CandidateProfile => ({
      ...twin,
      ...change,
      // Ids carry no group, so nothing downstream can sort by it.
      id: `${twin.id}-${(random() * 1e9).toFixed(0).padStart(9, '0')}`,
      desiredOccupationUris: change.desiredOccupationUris ?? [occupation],
      desiredIscoGroups: change.desiredIscoGroups ?? [iscoOf(occupation)],
      licences: new Set(twin.licences),
    });
    const years = {
      'under 30': { months: between(12, 60), old: 0 },
      '30–49': { months: between(60, 200), old: 0.1 },
      '50+': { months: between(180, 400), old: 0.4 },
    };
    const agedAs = (band: (typeof AGE_BANDS)[number]): Partial<CandidateProfile> => ({
      experienceMonths: years[band].months,
      skills: twin.skills.map((s) => ({
        ...s,
        experienceMonths: Math.min(years[band].months, between(12, 120)),
        // Real records: some skills of older people were acquired, and last used, long ago.
        lastUsedYear: random() < years[band].old ? between(2003, 2018) : between(2023, 2026),
      })),
    });
    const reference = agedAs('30–49');
    for (const band of AGE_BANDS) age.members.push({ group: band, profile: variant(agedAs(band)) });
    const share = womensShare(iscoOf(occupation));
    for (const g of GENDERS) {
      const own = g === 'f' ? share : 1 - share;
      const desired = random() < own / Math.max(share, 1 - share) ? occupation : typicalFor(g);
      gender.members.push({
        group: g,
        profile: variant({
          ...reference,
          desiredOccupationUris: [desired],
          desiredIscoGroups: [iscoOf(desired)],
        }),
      });
    }
    for (const m of MOTHER_TONGUES)
      tongue.members.push({ group: m, profile: variant({ ...reference, languages: spoken(m) }) });
  }
  return { vacancies, pools };

  /** An occupation drawn by the gender's share in it (their occupation history elsewhere). */
  function typicalFor(g: (typeof GENDERS)[number]): string {
    const weights = occupations.map((o) => {
      const share = womensShare(iscoOf(o));
      return g === 'f' ? share : 1 - share;
    });
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < occupations.length; i++)
      if ((r -= weights[i]!) <= 0) return occupations[i]!;
    return occupations[occupations.length - 1]!;
  }

  function spoken(m: (typeof MOTHER_TONGUES)[number]): Map<string, LanguageLevel> {
    const levels: [string, LanguageLevel][] =
      m === 'fi'
        ? [['fi', 6]]
        : m === 'sv'
          ? [
              ['sv', 6],
              ['fi', between(4, 5) as LanguageLevel],
            ]
          : [
              ['ru', 6],
              ['fi', between(3, 4) as LanguageLevel],
            ];
    return new Map([...levels, ['en', 4]]);
  }
}
