import { GeoPoint, LanguageLevel, RemoteOption, WorkingTime } from '../../matching';
import { DOMAIN_VALUES, enumOf } from '../kernel/validation/domain-values';

/** Where a vacancy comes from: our own register, Job Market Finland, or EURES. */
export type ExternalSource = 'national' | 'eures';

/**
 * A vacancy from an outside service, in our terms. It is never a local vacancy: it has a source,
 * a link to the original and an expiry, and lives only in the external cache.
 */
export interface ExternalVacancy {
  source: ExternalSource;
  externalId: string;
  title: string;
  /** Plain text (HTML removed); shown to counsellors and jobseekers, never passed on. */
  description: string;
  url: string;
  /** Where to apply, when the source gives an address of the employer's own. */
  applyUrl?: string | null;
  employerName: string | null;
  /** ISO 3166 alpha-2, upper case. */
  country: string;
  /** A municipality code (national) or a NUTS code (EURES), for display and filtering. */
  locationCode: string | null;
  location: GeoPoint | null;
  occupationUri: string | null;
  /** ISCO-08 unit group, from the source or the occupation. */
  iscoGroup: string | null;
  /** ESCO skill URIs the source names; empty when it names none. */
  skillUris: string[];
  /** ESCO skills found in the title and description (see extractSkills), when the source names none. */
  extractedSkillUris?: string[];
  /** The language the ad is written in (ISO 639-1). */
  language: string;
  languages: { language: string; minLevel: LanguageLevel }[];
  workingTime: WorkingTime;
  remote: RemoteOption;
  contractType: string;
  /** The source's own codes, kept as they came where their meaning is not documented. */
  sourceCodes?: {
    workTime: string | null;
    employmentRelationship: string | null;
    continuityOfWork: string[];
  };
  openPositions?: number | null;
  publishedAt: Date;
  /** The application deadline, or when the cache must let it go. */
  expiresAt: Date;
}

/** What the engine asks an outside service for, derived from a jobseeker's profile. */
export interface ExternalQuery {
  occupationUris: string[];
  iscoGroups: string[];
  /** The jobseeker's strongest skills. */
  skillUris: string[];
  /** Languages the jobseeker works in (B1 or better). */
  languages: { language: string; level: LanguageLevel }[];
  /** Finnish municipalities within reach; empty means anywhere in Finland. */
  municipalityCodes: string[];
  /** ISO alpha-2 countries for EURES; empty means the whole EURES area. */
  countries: string[];
  workingTimes: WorkingTime[];
}

/** One outside service behind one interface: a search that returns vacancies in our terms. */
export interface VacancyProvider {
  readonly source: ExternalSource;
  /** Whether a base URL (and credentials) are configured. */
  readonly configured: boolean;
  search(query: ExternalQuery, signal: AbortSignal): Promise<ProviderResult>;
}

export interface ProviderResult {
  vacancies: ExternalVacancy[];
  /** Ads the source reports removed: the cache must delete them. */
  removedIds: string[];
}

/** How one source fared for one query. */
export const SourceStatus = enumOf(DOMAIN_VALUES.sourceStatus);
export type SourceStatus = (typeof SourceStatus)[keyof typeof SourceStatus];

export interface SourceReport {
  source: ExternalSource;
  asked: boolean;
  returned: number;
  status: SourceStatus;
  /** Answered from the cache (fresh, or stale while the source is down). */
  fromCache: boolean;
}
