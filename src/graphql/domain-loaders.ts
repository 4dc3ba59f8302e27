import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Employer } from '../employers/employer.entity';
import {
  RequirementLanguage,
  RequirementProfile,
  RequirementSkill,
} from '../employers/requirement-profile.entity';
import { AssessedSkill, CompetenceAssessment } from '../jobseekers/competence-assessment.entity';
import { Consent } from '../jobseekers/consent.entity';
import {
  Jobseeker,
  JobseekerLanguage,
  JobseekerPersonalData,
} from '../jobseekers/jobseeker.entity';
import { Vacancy } from '../employers/vacancy.entity';
import { Municipality } from '../municipalities/municipality.entity';
import { TrainingSkill } from '../trainings/training.entity';
import { manyByKey, oneByKey } from './batch';
import type { RequestContext } from './context';

/** DataLoaders of the domain, created per request: one `IN (...)` query per batch, results in key order. */
export interface DomainLoaders {
  employerById: DataLoader<string, Employer | null>;
  vacancyById: DataLoader<string, Vacancy | null>;
  jobseekerById: DataLoader<string, Jobseeker | null>;
  municipalityByCode: DataLoader<string, Municipality | null>;
  requirementProfileByVacancyId: DataLoader<string, RequirementProfile | null>;
  requirementSkillsByVacancyId: DataLoader<string, RequirementSkill[]>;
  requirementLanguagesByVacancyId: DataLoader<string, RequirementLanguage[]>;
  languagesByJobseekerId: DataLoader<string, JobseekerLanguage[]>;
  assessmentsByJobseekerId: DataLoader<string, CompetenceAssessment[]>;
  assessedSkillsByAssessmentId: DataLoader<string, AssessedSkill[]>;
  consentsByJobseekerId: DataLoader<string, Consent[]>;
  trainingSkillsByTrainingId: DataLoader<string, TrainingSkill[]>;
  /** Audited: every key read (or refused) leaves an audit row; null where the actor may not read. */
  personalDataByJobseekerId: DataLoader<string, JobseekerPersonalData | null>;
  /** Audited like personal data: the customer id is a direct identifier. */
  customerIdByJobseekerId: DataLoader<string, string | null>;
}

export function createDomainLoaders(ctx: RequestContext): DomainLoaders {
  const manager = ctx.services.dataSource.manager;
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    employerById: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Employer, { id: ids(keys) }), (e) => e.id),
    ),
    vacancyById: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Vacancy, { id: ids(keys) }), (v) => v.id),
    ),
    jobseekerById: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Jobseeker, { id: ids(keys) }), (j) => j.id),
    ),
    municipalityByCode: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Municipality, { code: ids(keys) }), (m) => m.code),
    ),
    requirementProfileByVacancyId: new DataLoader(async (keys) =>
      oneByKey(
        keys,
        await manager.findBy(RequirementProfile, { vacancyId: ids(keys) }),
        (p) => p.vacancyId,
      ),
    ),
    requirementSkillsByVacancyId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(RequirementSkill, {
          where: { vacancyId: ids(keys) },
          order: { skillUri: 'ASC' },
        }),
        (r) => r.vacancyId,
      ),
    ),
    requirementLanguagesByVacancyId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(RequirementLanguage, {
          where: { vacancyId: ids(keys) },
          order: { language: 'ASC' },
        }),
        (r) => r.vacancyId,
      ),
    ),
    languagesByJobseekerId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(JobseekerLanguage, {
          where: { jobseekerId: ids(keys) },
          order: { language: 'ASC' },
        }),
        (r) => r.jobseekerId,
      ),
    ),
    assessmentsByJobseekerId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(CompetenceAssessment, {
          where: { jobseekerId: ids(keys) },
          order: { assessedAt: 'DESC', id: 'ASC' },
        }),
        (a) => a.jobseekerId,
      ),
    ),
    assessedSkillsByAssessmentId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(AssessedSkill, {
          where: { assessmentId: ids(keys) },
          order: { skillUri: 'ASC' },
        }),
        (s) => s.assessmentId,
      ),
    ),
    consentsByJobseekerId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(Consent, {
          where: { jobseekerId: ids(keys) },
          order: { grantedAt: 'ASC' },
        }),
        (c) => c.jobseekerId,
      ),
    ),
    trainingSkillsByTrainingId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await manager.find(TrainingSkill, {
          where: { trainingId: ids(keys) },
          order: { skillUri: 'ASC' },
        }),
        (s) => s.trainingId,
      ),
    ),
    personalDataByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.personalData.read(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? null);
    }),
    customerIdByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.personalData.readCustomerIds(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? null);
    }),
  };
}
