/**
 * The fallback: when a jobseeker's local matches are too few, ask Job Market Finland (and EURES
 * for those willing to work abroad, or when countries are asked for) with a query derived from
 * the profile, and score what comes back with the same matcher as local vacancies.
 */
import { DataSource } from 'typeorm';
import {
  CandidateProfile,
  commuteKm,
  listedMatch,
  MatchParams,
  nearMissOf,
  RankedMatch,
  scoreMatch,
  SkillGraph,
} from '../../matching';
import { removeDuplicates, storedNationalCopies } from './dedupe';
import { toVacancyProfiles } from './external-profiles';
import { ExternalCache } from './external-cache';
import { ExternalSearch } from './external-search';
import { ExternalQuery, ExternalSource, ExternalVacancy, SourceReport } from './external-vacancy';
import { PlaceLocator } from './places';

export interface FallbackOptions {
  /** Ask outside when fewer local matches than this score at least `scoreThreshold`. */
  minMatches: number;
  scoreThreshold: number;
  /** All outside calls of one query finish within this. */
  budgetMs: number;
}

export const DEFAULT_FALLBACK_OPTIONS: FallbackOptions = {
  minMatches: 10,
  scoreThreshold: 0.5,
  budgetMs: 2500,
};

/** How many of the strongest skills a query names. */
const QUERY_SKILLS = 5;

export interface ExternalMatch {
  ranked: RankedMatch;
  vacancy: ExternalVacancy;
}

export interface FallbackRequest {
  candidate: CandidateProfile;
  willingToWorkAbroad: boolean;
  /** ISO alpha-2 countries asked for; EURES is asked when given. */
  countries: string[];
  includeNearMisses: boolean;
  /** Which of the scored external vacancies the caller's filters let through. */
  accept: (vacancy: ExternalVacancy, match: RankedMatch) => boolean;
}

export class ExternalMatches {
  constructor(
    private readonly dataSource: DataSource,
    private readonly search: ExternalSearch,
    private readonly cache: ExternalCache,
    private readonly places: PlaceLocator,
    readonly options: FallbackOptions,
    /** The matcher's parameters: outside vacancies are scored as local ones are. */
    private readonly params: MatchParams,
  ) {}

  /** Whether the local list leaves the jobseeker short of good matches. */
  needed(local: RankedMatch[]): boolean {
    const good = local.filter((m) => !m.nearMiss && m.score.total >= this.options.scoreThreshold);
    return good.length < this.options.minMatches;
  }

  /** Which sources a jobseeker's fallback asks. */
  sourcesFor(
    request: Pick<FallbackRequest, 'willingToWorkAbroad' | 'countries'>,
  ): Set<ExternalSource> {
    const abroad = request.willingToWorkAbroad || request.countries.length > 0;
    const onlyFinland = request.countries.length > 0 && request.countries.every((c) => c === 'FI');
    return new Set<ExternalSource>(
      abroad ? (onlyFinland ? ['national'] : ['national', 'eures']) : ['national'],
    );
  }

  async find(
    request: FallbackRequest,
    graph: SkillGraph,
    wanted: Set<ExternalSource>,
  ): Promise<{ matches: ExternalMatch[]; reports: SourceReport[] }> {
    const query = this.queryFor(request.candidate, request.countries);
    const { vacancies, reports } = await this.search.find(query, wanted, this.options.budgetMs);
    // EURES copies of Finnish ads, recognised within the answer and against the national store.
    const unique = removeDuplicates(
      vacancies,
      await storedNationalCopies(this.dataSource, vacancies),
    );
    const profiles = await toVacancyProfiles(this.dataSource, unique);
    const matches: ExternalMatch[] = [];
    profiles.forEach((profile, i) => {
      const score = scoreMatch(request.candidate, profile, graph, this.params);
      const ranked = listedMatch(score, request.includeNearMisses);
      if (ranked && request.accept(unique[i]!, ranked))
        matches.push({ ranked, vacancy: unique[i]! });
    });
    return { matches, reports };
  }

  /** An outside vacancy while the cache holds it. */
  cached(source: ExternalSource, externalId: string): Promise<ExternalVacancy | null> {
    return this.cache.get(source, externalId);
  }

  /** One pair scored, whatever its hard requirements say. */
  async explain(
    candidate: CandidateProfile,
    vacancy: ExternalVacancy,
    graph: SkillGraph,
  ): Promise<RankedMatch> {
    const [profile] = await toVacancyProfiles(this.dataSource, [vacancy]);
    const score = scoreMatch(candidate, profile!, graph, this.params);
    return { score, nearMiss: nearMissOf(score) };
  }

  /** The question for the outside sources, from the profile: occupations, skills, languages, reach. */
  queryFor(candidate: CandidateProfile, countries: string[]): ExternalQuery {
    const strongest = [...candidate.skills]
      .sort(
        (a, b) =>
          b.proficiency - a.proficiency ||
          Number(b.verified) - Number(a.verified) ||
          (a.skillUri < b.skillUri ? -1 : 1),
      )
      .slice(0, QUERY_SKILLS);
    return {
      occupationUris: [...candidate.desiredOccupationUris].sort(),
      iscoGroups: [...candidate.desiredIscoGroups].sort(),
      skillUris: strongest.map((s) => s.skillUri),
      languages: [...candidate.languages]
        .filter(([, level]) => level >= 3)
        .map(([language, level]) => ({ language, level }))
        .sort((a, b) => (a.language < b.language ? -1 : 1)),
      municipalityCodes:
        candidate.willingToRelocate || !candidate.location
          ? []
          : this.places.municipalitiesWithin(
              candidate.location,
              commuteKm(candidate.maxCommuteKm, this.params),
            ),
      countries: [...countries].sort(),
      workingTimes: [...candidate.workingTimes].sort(),
    };
  }
}
