import { ProfileTransferService } from '../profile-transfers/profile-transfer.service';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../kernel/errors/domain-error';
import { Actor } from '../auth/actor';
import { TokenService } from '../auth/token.service';
import { createEmployerLoaders, EmployerLoaders } from '../employers/employer.loaders';
import { createJobseekerLoaders, JobseekerLoaders } from '../jobseekers/jobseeker.loaders';
import {
  createMunicipalityLoaders,
  MunicipalityLoaders,
} from '../municipalities/municipality.loaders';
import { createTrainingLoaders, TrainingLoaders } from '../trainings/training.loaders';
import { createVacancyLoaders, VacancyLoaders } from '../vacancies/vacancy.loaders';
import { CursorCodec } from '../kernel/paging/cursor';
import { createTaxonomyLoaders, TaxonomyLoaders } from '../taxonomy/loaders/taxonomy-loaders';
import { TaxonomySearchService } from '../taxonomy/taxonomy-search.service';
import type { PersonalDataReader } from '../jobseekers/personal-data.reader';
import type { MatchService } from '../matches/match.service';
import type { GuidanceService } from '../guidance/guidance.service';
import type { ApiKeyService } from '../auth/api-key.service';
import type { RequirementInsightsService } from '../guidance/requirement-insights.service';
import type { LearningService } from '../guidance/learning.service';
import type { AssessmentDraftService } from '../jobseekers/assessment-draft.service';
import type { JobseekerService } from '../jobseekers/jobseeker.service';
import type { EmployerService } from '../employers/employer.service';
import type { VacancyService } from '../vacancies/vacancy.service';
import type { TrainingService } from '../trainings/training.service';
import type { AuditLogService } from '../audit/audit-log.service';
import type { NationalSyncStatus } from '../external/national-sync-status';
import type { CohortService } from '../cohorts/cohort.service';

/** DataLoaders of the domain, created per request, each feature's from its own folder. */
export type DomainLoaders = EmployerLoaders &
  VacancyLoaders &
  JobseekerLoaders &
  MunicipalityLoaders &
  TrainingLoaders;

/** Long-lived services shared by every request, each built once (createServices in composition-root.ts). */
export interface Services {
  dataSource: DataSource;
  taxonomySearch: TaxonomySearchService;
  tokens: TokenService;
  personalData: PersonalDataReader;
  /** Key of the pseudonyms employers see. */
  pseudonymSecret: string;
  /** Seals page cursors (key derived from the pseudonym secret). */
  cursors: CursorCodec;
  /** Long-lived: it caches the skill graph, which is costly to build. */
  matches: MatchService;
  /** Integrators' API keys. */
  apiKeys: ApiKeyService;
  /** Skills from text, requirement suggestions, insights, gaps and trainings. */
  guidance: GuidanceService;
  /** Candidate pools of requirement profiles and their revisions. */
  insights: RequirementInsightsService;
  /** Skill gaps, training suggestions, skill demand. */
  learning: LearningService;
  /** Draft assessments from a jobseeker's own words: drafted, confirmed, discarded. */
  assessmentDrafts: AssessmentDraftService;
  /** Competence profiles to and from Job Market Finland, each under the jobseeker's permit. */
  profileTransfers: ProfileTransferService;
  /** Jobseekers, their assessments and consents; pseudonyms for employers. */
  jobseekers: JobseekerService;
  employers: EmployerService;
  /** Vacancies and their requirement profiles. */
  vacancies: VacancyService;
  trainings: TrainingService;
  /** Structural-change cohorts: groups analysed together. */
  cohorts: CohortService;
  /** The audit log, read by admins. */
  auditLog: AuditLogService;
  /** The national sync's state in memory, when Job Market Finland is configured. */
  nationalSync?: NationalSyncStatus;
}

/** The header in which a counsellor states why they read personal data. */
export const PURPOSE_HEADER = 'x-osaamo-purpose';

/** What each GraphQL request carries: who asks and why, services and its own DataLoaders. */
export interface RequestContext {
  services: Services;
  actor: Actor | null;
  /** The purpose of the read, from the X-Osaamo-Purpose header (required of counsellors for personal data). */
  purpose: string | null;
  /**
   * Per-request state that changes while the request runs. Apollo shallow-copies the context
   * per operation, so loaders (made with the original) and resolvers (given the copy) share
   * this object, not the context's own fields.
   */
  request: { operation: string; cost?: number; address?: string };
  loaders: TaxonomyLoaders & DomainLoaders;
}

export interface RequestInfo {
  authorization?: string;
  purpose?: string;
  operationName?: string | null;
  /** An integrator's API key (the X-Api-Key header). */
  apiKey?: string;
  /** The caller's address: the rate limit's key for anonymous calls. */
  address?: string;
}

/** What a caller is told whose Authorization header is not `Bearer <token>`. */
export const BEARER_HINT =
  "Not authenticated: send the token as `Authorization: Bearer <token>` (an integrator's API key goes in `X-Api-Key`)";

/** Thrown before any resolver runs: it must carry its code and HTTP status itself. */
function refused(message: string, code: string = ErrorCode.UNAUTHENTICATED): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 401 } } });
}

export async function createRequestContext(
  services: Services,
  request: RequestInfo = {},
): Promise<RequestContext> {
  let actor: Actor | null = null;
  const header = request.authorization?.trim();
  const apiKey = request.apiKey?.trim();
  if (header || apiKey) {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    // A raw token (or another scheme) would otherwise be refused as "not valid", which hides the fix.
    if (!apiKey && !match) throw refused(BEARER_HINT);
    try {
      actor = apiKey
        ? await services.apiKeys.verify(apiKey)
        : await services.tokens.verify(match?.[1] ?? '');
    } catch (error) {
      if (error instanceof DomainError) throw refused(error.message, error.code);
      throw error;
    }
  }
  const context: RequestContext = {
    services,
    actor,
    purpose: request.purpose?.trim().slice(0, 200) || null,
    request: {
      operation: (request.operationName ?? 'anonymous').slice(0, 100),
      address: request.address,
    },
    loaders: undefined as never,
  };
  context.loaders = {
    ...createTaxonomyLoaders(services.dataSource),
    ...createEmployerLoaders(services.dataSource.manager),
    ...createVacancyLoaders(services.dataSource.manager),
    ...createJobseekerLoaders(context),
    ...createMunicipalityLoaders(services.dataSource.manager),
    ...createTrainingLoaders(services.dataSource.manager),
  };
  return context;
}
