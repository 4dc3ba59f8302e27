import { CandidateProfile, LanguageLevel, VacancyProfile } from '../types';
import { SkillGraph } from '../skill-graph';
import { TaxonomyView } from './taxonomy-view';

/** Graded relevance: 3 the right person, 2 fits from another occupation, 1 partly, 0 not. */
export interface Judged<T> {
  item: T;
  relevance: 0 | 1 | 2 | 3;
  /** What the item stands for in the evaluation. */
  kind:
    | 'same-occupation-good'
    | 'other-occupation-fits'
    | 'related-skills'
    | 'same-title-partial'
    | 'same-title-weak'
    | 'distractor';
}

export interface VacancyQuery {
  vacancy: VacancyProfile;
  candidates: Judged<CandidateProfile>[];
}

export interface CandidateQuery {
  candidate: CandidateProfile;
  vacancies: Judged<VacancyProfile>[];
}

/** A seeded generator (mulberry32) so that every run of a seed gives the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOCATION = { latitude: 62.89, longitude: 27.68 };

function overlap(a: string[], b: string[]): number {
  const set = new Set(a);
  const shared = b.filter((s) => set.has(s)).length;
  return shared / (a.length + b.length - shared || 1);
}

/**
 * Vacancies from occupations' essential and optional skills, and for each a pool of
 * candidates of graded relevance among distractors from occupations that share skills.
 */
export class EvaluationData {
  private readonly random: () => number;
  private readonly occupations: string[];
  private serial = 0;

  constructor(
    private readonly taxonomy: TaxonomyView,
    private readonly graph: SkillGraph,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    this.occupations = [...taxonomy.essentialOf.keys()]
      .filter((o) => (taxonomy.essentialOf.get(o) ?? []).length >= 6)
      .sort();
  }

  vacancyQueries(count: number, distractors = 20): VacancyQuery[] {
    return Array.from({ length: count }, () => this.vacancyQuery(distractors));
  }

  candidateQueries(count: number, distractors = 20): CandidateQuery[] {
    return Array.from({ length: count }, () => this.candidateQuery(distractors));
  }

  /** The occupations drawn from (six or more essential skills), sorted by URI. */
  get occupationUris(): readonly string[] {
    return this.occupations;
  }

  /**
   * A vacancy of `occupation` as every query draws them: ten of its essential skills (five
   * essential, five important, level 3), two optional ones, Finnish at B1.
   */
  vacancy(occupation: string): VacancyProfile {
    return this.vacancyOf(occupation);
  }

  /**
   * A person of `occupation` holding `share` of its essential skills at about `level` (a third
   * one level lower), verified or self-assessed, as the queries' candidates are drawn.
   */
  candidate(occupation: string, share: number, level: number, verified: boolean): CandidateProfile {
    return this.person(occupation, this.take(this.essential(occupation), share), level, verified);
  }

  private vacancyQuery(distractors: number): VacancyQuery {
    const occupation = this.pick(this.occupations);
    const vacancy = this.vacancyOf(occupation);
    const required = vacancy.skills.map((s) => s.skillUri);
    const neighbours = this.neighboursOf(occupation);
    const fitting = neighbours[0] ?? this.pick(this.occupations);
    const candidates: Judged<CandidateProfile>[] = [
      {
        kind: 'same-occupation-good',
        relevance: 3,
        item: this.person(occupation, this.take(required, 0.9), 4, true),
      },
      // 80 % of the requirements and some of their own occupation's other skills (not more of
      // the vacancy's: then the same-occupation candidate above would not have the most of it).
      ...[0, 1].map(() => ({
        kind: 'other-occupation-fits' as const,
        relevance: 2 as const,
        item: this.person(
          fitting,
          [...this.take(required, 0.8), ...this.take(this.essentialBeyond(fitting, required), 0.5)],
          4,
          true,
        ),
      })),
      ...[0, 1].map(() => ({
        kind: 'related-skills' as const,
        relevance: 1 as const,
        item: this.person(fitting, this.relatedInstead(required), 4, true),
      })),
      // The same occupation with about half the required skills at level: partly fits, and
      // clearly less of the required competence than the fitting candidates from another one.
      ...[0, 1].map(() => ({
        kind: 'same-title-partial' as const,
        relevance: 1 as const,
        item: this.person(
          occupation,
          [
            ...this.take(required, 0.5),
            ...this.take(this.essentialBeyond(occupation, required), 0.5),
          ],
          4,
          true,
        ),
      })),
      ...[0, 1].map(() => ({
        kind: 'same-title-weak' as const,
        relevance: 0 as const,
        item: this.person(occupation, this.take(required, 0.3), 1, false),
      })),
      ...Array.from({ length: distractors }, () => {
        const other = this.pick(
          neighbours.slice(1, 12).length ? neighbours.slice(1, 12) : this.occupations,
        );
        return {
          kind: 'distractor' as const,
          relevance: 0 as const,
          item: this.person(other, this.take(this.essential(other), 0.8), 4, true),
        };
      }),
    ];
    return { vacancy, candidates };
  }

  private candidateQuery(distractors: number): CandidateQuery {
    const occupation = this.pick(this.occupations);
    const candidate = this.person(occupation, this.take(this.essential(occupation), 0.9), 4, true);
    const own = this.essential(occupation);
    const judged = (o: string): 0 | 1 | 2 | 3 => {
      if (o === occupation) return 3;
      const share = overlap(own, this.essential(o));
      return share >= 0.5 ? 2 : share >= 0.25 ? 1 : 0;
    };
    const neighbours = this.neighboursOf(occupation);
    const pool = [
      occupation,
      ...neighbours.slice(0, 6),
      ...Array.from({ length: distractors }, () => this.pick(this.occupations)),
    ];
    // The title trap: the person's own occupation, but a vacancy that needs what they lack.
    const held = new Set(candidate.skills.map((c) => c.skillUri));
    const lacking = [
      ...(this.taxonomy.optionalOf.get(occupation) ?? []),
      ...neighbours.slice(0, 3).flatMap((o) => this.essential(o)),
    ].filter((skill) => !held.has(skill));
    const trap =
      lacking.length >= 6
        ? [
            {
              kind: 'same-title-weak' as const,
              relevance: 0 as const,
              item: this.vacancyRequiring(
                occupation,
                this.shuffle([...new Set(lacking)]).slice(0, 10),
              ),
            },
          ]
        : [];
    return {
      candidate,
      vacancies: [
        ...trap,
        ...pool.map((o): Judged<VacancyProfile> => {
          const relevance = judged(o);
          return {
            kind:
              relevance === 3
                ? 'same-occupation-good'
                : relevance > 0
                  ? 'other-occupation-fits'
                  : 'distractor',
            relevance,
            item: this.vacancyOf(o),
          };
        }),
      ],
    };
  }

  /** A vacancy of `occupation` whose requirements are exactly `skills` (essential, level 3). */
  private vacancyRequiring(occupation: string, skills: string[]): VacancyProfile {
    return {
      ...this.vacancyOf(occupation),
      skills: skills.map((skillUri) => ({
        skillUri,
        importance: 'essential' as const,
        minProficiency: 3,
      })),
    };
  }

  private vacancyOf(occupation: string): VacancyProfile {
    const essential = this.shuffle(this.essential(occupation)).slice(0, 10);
    const optional = this.shuffle(this.taxonomy.optionalOf.get(occupation) ?? []).slice(0, 2);
    return {
      id: `v${++this.serial}`,
      occupationUri: occupation,
      iscoGroup: this.taxonomy.iscoGroupOf.get(occupation) ?? null,
      skills: [
        ...essential.map((skillUri, i) => ({
          skillUri,
          importance: (i < 5 ? 'essential' : 'important') as 'essential' | 'important',
          minProficiency: 3,
        })),
        ...optional.map((skillUri) => ({
          skillUri,
          importance: 'nice_to_have' as const,
          minProficiency: 2,
        })),
      ],
      languages: [{ language: 'fi', minLevel: 3, essential: true }],
      minEducationLevel: null,
      minExperienceMonths: null,
      licences: [],
      location: LOCATION,
      remote: 'none',
      workingTime: 'full_time',
      contractType: 'permanent',
      startDate: null,
    };
  }

  private person(
    occupation: string,
    skills: string[],
    level: number,
    verified: boolean,
  ): CandidateProfile {
    return {
      id: `c${String(++this.serial).padStart(6, '0')}`,
      skills: [...new Set(skills)].map((skillUri) => ({
        skillUri,
        proficiency: Math.max(1, Math.min(5, level + (this.random() < 0.3 ? -1 : 0))),
        verified,
        experienceMonths: verified ? 36 : null,
        lastUsedYear: 2025,
      })),
      languages: new Map<string, LanguageLevel>([['fi', 6]]),
      educationLevel: 4,
      experienceMonths: verified ? 36 : null,
      licences: new Set(),
      location: LOCATION,
      maxCommuteKm: 50,
      willingToRelocate: false,
      remotePreference: 'any',
      workingTimes: ['full_time'],
      contractTypes: ['permanent'],
      earliestStart: null,
      desiredOccupationUris: [occupation],
      desiredIscoGroups: [this.taxonomy.iscoGroupOf.get(occupation) ?? ''],
    };
  }

  /** Each required skill swapped for a related one where the taxonomy has one. */
  private relatedInstead(required: string[]): string[] {
    return required.map((skill) => this.graph.neighbours(skill)[0]?.skillUri ?? skill);
  }

  /** Occupations sharing the most essential skills with this one, most first. */
  private neighboursOf(occupation: string): string[] {
    const own = this.essential(occupation);
    return this.occupations
      .filter((o) => o !== occupation)
      .map((o) => [o, overlap(own, this.essential(o))] as const)
      .filter(([, share]) => share > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([o]) => o);
  }

  /** The occupation's essential skills that the vacancy does not ask for. */
  private essentialBeyond(occupation: string, required: string[]): string[] {
    const asked = new Set(required);
    return this.essential(occupation).filter((s) => !asked.has(s));
  }

  private essential(occupation: string): string[] {
    return this.taxonomy.essentialOf.get(occupation) ?? [];
  }

  private take(skills: string[], share: number): string[] {
    return this.shuffle(skills).slice(0, Math.max(1, Math.round(skills.length * share)));
  }

  private pick<T>(items: T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('Nothing to pick from');
    return item;
  }

  private shuffle<T>(items: T[]): T[] {
    return items
      .map((v) => [this.random(), v] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, v]) => v);
  }
}
