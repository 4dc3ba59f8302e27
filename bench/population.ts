import {
  CandidateProfile,
  LanguageLevel,
  TaxonomyView,
  VacancyProfile,
  WorkingTime,
} from '../matching';
import { seededRandom } from '../matching/evaluation/generate';

/**
 * A synthetic labour market drawn from a taxonomy: each person and vacancy belongs to an
 * occupation chosen with Zipf-like popularity (a few occupations are common, most rare), and
 * takes its skills from that occupation, so skill frequencies are as skewed as ESCO's.
 */
export class Population {
  private readonly random: () => number;
  private readonly occupations: string[];
  private readonly cumulative: Float64Array;
  private readonly allSkills: string[];

  constructor(
    private readonly taxonomy: TaxonomyView,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    // Only occupations the taxonomy lists (ESCO v1.1.1 relates skills to one it does not).
    this.occupations = [...taxonomy.essentialOf.keys()]
      .filter((o) => taxonomy.iscoGroupOf.has(o) && (taxonomy.essentialOf.get(o) ?? []).length >= 4)
      .sort();
    // Shuffle once so that popularity does not follow the URI order, then weight 1/rank.
    this.occupations = this.shuffle(this.occupations);
    this.cumulative = new Float64Array(this.occupations.length);
    let sum = 0;
    this.occupations.forEach((_, i) => (this.cumulative[i] = sum += 1 / (i + 1) ** 0.8));
    for (let i = 0; i < this.cumulative.length; i++) this.cumulative[i]! /= sum;
    this.allSkills = [...new Set([...taxonomy.essentialOf.values()].flat())].sort();
  }

  get occupationCount(): number {
    return this.occupations.length;
  }

  /** The `n` most common occupations, most common first. */
  commonOccupations(n: number): string[] {
    return this.occupations.slice(0, n);
  }

  /** A person of a random occupation, or of `occupation` (a plant's staff). */
  person(
    id: string,
    skillCount = 25,
    occupation = this.occupation(),
  ): { profile: CandidateProfile; tag: string } {
    const second = this.random() < 0.4 ? this.occupation() : null;
    const pool = [
      ...this.shuffle(this.essential(occupation)),
      ...this.shuffle(this.taxonomy.optionalOf.get(occupation) ?? []).slice(0, 10),
      ...(second ? this.shuffle(this.essential(second)).slice(0, 6) : []),
    ];
    const skills = new Set(pool.slice(0, skillCount));
    while (skills.size < skillCount * 0.8) skills.add(this.pick(this.allSkills));
    const town = this.pick(TOWNS);
    const verified = this.random() < 0.3;
    return {
      tag: town.code,
      profile: {
        id,
        skills: [...skills].map((skillUri) => ({
          skillUri,
          proficiency: 1 + Math.floor(this.random() * 5),
          verified,
          experienceMonths: this.random() < 0.6 ? Math.floor(this.random() * 120) : null,
          lastUsedYear: this.random() < 0.8 ? 2012 + Math.floor(this.random() * 15) : null,
        })),
        languages: new Map<string, LanguageLevel>([
          ['fi', this.random() < 0.9 ? 6 : ((2 + Math.floor(this.random() * 3)) as LanguageLevel)],
          ...(this.random() < 0.6
            ? [['en', (3 + Math.floor(this.random() * 3)) as LanguageLevel] as const]
            : []),
        ]),
        educationLevel: this.random() < 0.9 ? 2 + Math.floor(this.random() * 6) : null,
        experienceMonths: Math.floor(this.random() * 200),
        licences: new Set(this.random() < 0.6 ? ['B'] : []),
        location: this.near(town),
        maxCommuteKm: 20 + Math.floor(this.random() * 80),
        willingToRelocate: this.random() < 0.15,
        remotePreference: this.pick(['any', 'any', 'none', 'hybrid', 'full'] as const),
        workingTimes:
          this.random() < 0.8 ? ['full_time'] : (['full_time', 'part_time'] as WorkingTime[]),
        contractTypes: this.random() < 0.5 ? ['permanent'] : [],
        earliestStart: null,
        desiredOccupationUris: [occupation],
        desiredIscoGroups: [this.taxonomy.iscoGroupOf.get(occupation) ?? ''],
      },
    };
  }

  /** A training teaching 3–5 essential skills of a random occupation, to level 3 or 4. */
  training(id: string): { id: string; skills: { skillUri: string; levelReached: number }[] } {
    const skills = this.shuffle(this.essential(this.occupation())).slice(
      0,
      3 + Math.floor(this.random() * 3),
    );
    return {
      id,
      skills: skills.map((skillUri) => ({
        skillUri,
        levelReached: 3 + Math.floor(this.random() * 2),
      })),
    };
  }

  vacancy(id: string, requirementCount = 12): { profile: VacancyProfile; tag: string } {
    const occupation = this.occupation();
    const essential = this.shuffle(this.essential(occupation)).slice(0, requirementCount - 3);
    const optional = this.shuffle(this.taxonomy.optionalOf.get(occupation) ?? []).slice(
      0,
      requirementCount - essential.length,
    );
    const town = this.pick(TOWNS);
    const english = this.random() < 0.3;
    return {
      tag: town.code,
      profile: {
        id,
        occupationUri: occupation,
        iscoGroup: this.taxonomy.iscoGroupOf.get(occupation) ?? null,
        skills: [
          ...essential.map((skillUri, i) => ({
            skillUri,
            importance: (i < 4 ? 'essential' : 'important') as 'essential' | 'important',
            minProficiency: 2 + Math.floor(this.random() * 3),
          })),
          ...optional.map((skillUri) => ({
            skillUri,
            importance: 'nice_to_have' as const,
            minProficiency: 2,
          })),
        ],
        languages: [
          { language: 'fi', minLevel: 4 as LanguageLevel, essential: this.random() < 0.7 },
          ...(english ? [{ language: 'en', minLevel: 3 as LanguageLevel, essential: false }] : []),
        ],
        minEducationLevel: this.random() < 0.5 ? 3 + Math.floor(this.random() * 4) : null,
        minExperienceMonths: this.random() < 0.4 ? 12 * (1 + Math.floor(this.random() * 4)) : null,
        licences: this.random() < 0.2 ? ['B'] : [],
        location: this.near(town),
        remote: this.pick(['none', 'none', 'none', 'hybrid', 'hybrid', 'full'] as const),
        workingTime: this.random() < 0.85 ? 'full_time' : 'part_time',
        contractType: this.random() < 0.7 ? 'permanent' : 'fixed_term',
        startDate: null,
      },
    };
  }

  private occupation(): string {
    const r = this.random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return this.occupations[lo]!;
  }

  private essential(occupation: string): string[] {
    return this.taxonomy.essentialOf.get(occupation) ?? [];
  }

  private near(town: (typeof TOWNS)[number]) {
    return {
      latitude: town.latitude + (this.random() - 0.5) * 0.2,
      longitude: town.longitude + (this.random() - 0.5) * 0.4,
    };
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private shuffle<T>(items: T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

/** Finnish towns (municipality code, centre), weighted by repetition towards the larger ones. */
const TOWNS = [
  { code: '297', latitude: 62.8924, longitude: 27.677 },
  { code: '297', latitude: 62.8924, longitude: 27.677 },
  { code: '749', latitude: 63.0752, longitude: 27.6602 },
  { code: '140', latitude: 63.5592, longitude: 27.1907 },
  { code: '091', latitude: 60.1699, longitude: 24.9384 },
  { code: '091', latitude: 60.1699, longitude: 24.9384 },
  { code: '837', latitude: 61.4978, longitude: 23.761 },
  { code: '853', latitude: 60.4518, longitude: 22.2666 },
  { code: '564', latitude: 65.0121, longitude: 25.4651 },
  { code: '179', latitude: 62.2426, longitude: 25.7473 },
  { code: '167', latitude: 62.601, longitude: 29.7636 },
] as const;
