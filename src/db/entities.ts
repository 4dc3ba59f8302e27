import { Cohort, CohortMember } from '../cohorts/cohort.entity';
import { ProfileTransfer } from '../profile-transfers/profile-transfer.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ApiKey } from '../auth/api-key.entity';
import { IdempotencyKey } from '../api/plugins/idempotency-key.entity';
import { CachedExternalSearch, CachedExternalVacancy } from '../external/external-cache.entity';
import { MatchChange } from '../matches/match-change.entity';
import { MatchOutcome } from '../matches/match-outcome.entity';
import { Employer } from '../employers/employer.entity';
import {
  RequirementLanguage,
  RequirementProfile,
  RequirementProfileRevision,
  RequirementSkill,
} from '../vacancies/requirement-profile.entity';
import { Vacancy } from '../vacancies/vacancy.entity';
import {
  AssessedSkill,
  AssessedSkillSupport,
  CompetenceAssessment,
} from '../jobseekers/competence-assessment.entity';
import { Consent } from '../jobseekers/consent.entity';
import {
  Jobseeker,
  JobseekerLanguage,
  JobseekerPersonalData,
} from '../jobseekers/jobseeker.entity';
import { Municipality } from '../municipalities/municipality.entity';
import { TAXONOMY_ENTITIES } from '../taxonomy/entities';
import { Training, TrainingSkill } from '../trainings/training.entity';

/** Every entity the service maps; listed explicitly so that build output and tests agree. */
export const ALL_ENTITIES = [
  ...TAXONOMY_ENTITIES,
  Municipality,
  Employer,
  Vacancy,
  RequirementProfile,
  RequirementSkill,
  RequirementLanguage,
  RequirementProfileRevision,
  Jobseeker,
  JobseekerPersonalData,
  JobseekerLanguage,
  CompetenceAssessment,
  AssessedSkill,
  AssessedSkillSupport,
  Consent,
  ProfileTransfer,
  Training,
  TrainingSkill,
  AuditEntry,
  MatchOutcome,
  MatchChange,
  Cohort,
  CohortMember,
  ApiKey,
  IdempotencyKey,
  CachedExternalVacancy,
  CachedExternalSearch,
];
