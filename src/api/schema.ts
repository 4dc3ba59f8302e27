import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { guardFields } from './field-guards';
import { EmployerResolver } from '../employers/employers.resolver';
import {
  RequirementProfileFieldResolver,
  VacancyFieldResolver,
  VacancyResolver,
  VACANCY_LINKS,
} from '../vacancies/vacancies.resolver';
import {
  CompetenceAssessmentFieldResolver,
  JobseekerFieldResolver,
  JobseekerResolver,
  JOBSEEKER_LINKS,
} from '../jobseekers/jobseekers.resolver';
import {
  AssessedSkillFieldResolver,
  AssessmentDraftResolver,
  JobseekerDraftsFieldResolver,
} from '../jobseekers/assessment-drafts.resolver';
import { TaxonomyInfoResolver } from '../taxonomy/taxonomy-info.resolver';
import {
  OccupationFieldResolver,
  SkillFieldResolver,
  TaxonomyQueryResolver,
} from '../taxonomy/taxonomy.resolver';
import {
  AssessmentImportFieldResolver,
  JobseekerTransfersFieldResolver,
  ProfileTransferResolver,
} from '../profile-transfers/profile-transfers.resolver';
import { TrainingResolver } from '../trainings/trainings.resolver';
import { CohortResolver } from '../cohorts/cohorts.resolver';
import { COHORT_LINKS } from '../cohorts/cohorts.types';
import { MATCH_LINKS, MatchResolver } from '../matches/matches.resolver';
import { SourceReportFieldResolver } from '../matches/source-sync.resolver';
import { AuditLogResolver } from '../audit/audit-log.resolver';
import { ApiKeyResolver } from '../auth/api-keys.resolver';
import {
  GUIDANCE_LINKS,
  GuidanceResolver,
  InsightsResolver,
  LearningResolver,
} from '../guidance/guidance.resolver';

export const RESOLVERS = [
  TaxonomyQueryResolver,
  SkillFieldResolver,
  OccupationFieldResolver,
  TaxonomyInfoResolver,
  EmployerResolver,
  VacancyResolver,
  VacancyFieldResolver,
  RequirementProfileFieldResolver,
  JobseekerResolver,
  JobseekerFieldResolver,
  CompetenceAssessmentFieldResolver,
  AssessmentDraftResolver,
  JobseekerDraftsFieldResolver,
  AssessedSkillFieldResolver,
  ProfileTransferResolver,
  JobseekerTransfersFieldResolver,
  AssessmentImportFieldResolver,
  TrainingResolver,
  MatchResolver,
  SourceReportFieldResolver,
  GuidanceResolver,
  InsightsResolver,
  LearningResolver,
  AuditLogResolver,
  ApiKeyResolver,
  CohortResolver,
  ...MATCH_LINKS,
  ...COHORT_LINKS,
  ...GUIDANCE_LINKS,
  ...VACANCY_LINKS,
  ...JOBSEEKER_LINKS,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once (type-graphql's metadata is global). Never written to disk here. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: false,
    emitSchemaFile: false,
  }).then((schema) => {
    guardFields(schema);
    // type-graphql has no option for the root types' descriptions.
    const query = schema.getQueryType();
    if (query) {
      query.description =
        'Reads. Taxonomy reads are public; every other operation names the roles it allows.';
    }
    const mutation = schema.getMutationType();
    if (mutation) {
      mutation.description = 'Writes. Each names the roles it allows; the service checks scope.';
    }
    return schema;
  });
  return cached;
}

/** The schema as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
