import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { manyByKey, oneByKey } from '../kernel/batch';
import { AssessedSkillRepository } from './assessed-skill.repository';
import type { AccessContext, AssessmentDraftService } from './assessment-draft.service';
import {
  AssessedSkill,
  AssessedSkillSupport,
  CompetenceAssessment,
} from './competence-assessment.entity';
import { CompetenceAssessmentRepository } from './competence-assessment.repository';
import { Consent } from './consent.entity';
import { Jobseeker, JobseekerLanguage, JobseekerPersonalData } from './jobseeker.entity';
import { JobseekerRepository, JobseekerRow } from './jobseeker.repository';
import type { JobseekerService } from './jobseeker.service';
import type { PersonalDataReader } from './personal-data.reader';
import type { ProfileTransfer } from '../profile-transfers/profile-transfer.entity';
import type { ProfileTransferService } from '../profile-transfers/profile-transfer.service';

/**
 * What the jobseekers' loaders read with: the request (the context itself, so the per-request
 * state stays shared) and the services that check and audit each read.
 */
export interface JobseekerLoaderContext extends AccessContext {
  services: {
    dataSource: DataSource;
    jobseekers: JobseekerService;
    personalData: PersonalDataReader;
    assessmentDrafts: AssessmentDraftService;
    profileTransfers: ProfileTransferService;
  };
}

/** DataLoaders of jobseekers, created per request: one `IN (...)` query per batch, results in key order. */
export interface JobseekerLoaders {
  jobseekerById: DataLoader<string, Jobseeker | null>;
  /** The same people as plain rows of what the API shows (no entity built; see `rowsOf`). */
  jobseekerRowById: DataLoader<string, JobseekerRow | null>;
  languagesByJobseekerId: DataLoader<string, JobseekerLanguage[]>;
  /** Confirmed assessments, the active one first (history); drafts are apart. */
  assessmentsByJobseekerId: DataLoader<string, CompetenceAssessment[]>;
  /** The active assessment, from the one definition (the view). */
  activeAssessmentByJobseekerId: DataLoader<string, CompetenceAssessment | null>;
  assessedSkillsByAssessmentId: DataLoader<string, AssessedSkill[]>;
  /** Audited: open drafts, for the jobseeker themself and counsellors of their area only. */
  draftAssessmentsByJobseekerId: DataLoader<string, CompetenceAssessment[]>;
  /** Audited: the words supporting suggested skills, for the same actors; empty for others. */
  skillSupportByAssessmentId: DataLoader<string, AssessedSkillSupport[]>;
  consentsByJobseekerId: DataLoader<string, Consent[]>;
  /** Audited: every key read (or refused) leaves an audit row; null where the actor may not read. */
  personalDataByJobseekerId: DataLoader<string, JobseekerPersonalData | null>;
  /** The actor's pseudonyms; an employer's are recorded as handed out (one statement a batch). */
  pseudonymByJobseekerId: DataLoader<string, string>;
  /** Audited like personal data: the customer id is a direct identifier. */
  customerIdByJobseekerId: DataLoader<string, string | null>;
  /** Audited: transfers with Job Market Finland, for the jobseeker and counsellors of their area. */
  profileTransfersByJobseekerId: DataLoader<string, ProfileTransfer[]>;
  /** Audited: the import that brought a draft or assessment, for the same actors; null for others. */
  importByAssessmentId: DataLoader<string, ProfileTransfer | null>;
}

export function createJobseekerLoaders(ctx: JobseekerLoaderContext): JobseekerLoaders {
  const manager = ctx.services.dataSource.manager;
  const jobseekers = new JobseekerRepository(manager);
  const assessments = new CompetenceAssessmentRepository(manager);
  return {
    jobseekerById: new DataLoader(async (keys) =>
      oneByKey(keys, await jobseekers.byIds(keys), (j) => j.id),
    ),
    jobseekerRowById: new DataLoader(async (keys) =>
      oneByKey(keys, await jobseekers.rowsOf(keys), (j) => j.id),
    ),
    languagesByJobseekerId: new DataLoader(async (keys) =>
      manyByKey(keys, await jobseekers.languagesOf(keys), (r) => r.jobseekerId),
    ),
    assessmentsByJobseekerId: new DataLoader(async (keys) =>
      manyByKey(keys, await assessments.confirmedOf(keys), (a) => a.jobseekerId),
    ),
    activeAssessmentByJobseekerId: new DataLoader(async (keys) =>
      oneByKey(keys, await assessments.activeOf(keys), (a) => a.jobseekerId),
    ),
    assessedSkillsByAssessmentId: new DataLoader(async (keys) =>
      manyByKey(
        keys,
        await new AssessedSkillRepository(manager).ofAssessments(keys),
        (s) => s.assessmentId,
      ),
    ),
    draftAssessmentsByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.assessmentDrafts.drafts(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? []);
    }),
    skillSupportByAssessmentId: new DataLoader(async (keys) => {
      const rows = await assessments.supportOf(keys);
      if (rows.length === 0) return keys.map(() => []);
      const readable = await ctx.services.assessmentDrafts.readable(ctx, [
        ...new Set(rows.map((r) => r.jobseekerId)),
      ]);
      return manyByKey(
        keys,
        rows.filter((r) => readable.has(r.jobseekerId)),
        (r) => r.assessmentId,
      );
    }),
    consentsByJobseekerId: new DataLoader(async (keys) =>
      manyByKey(keys, await jobseekers.consentsOf(keys), (c) => c.jobseekerId),
    ),
    personalDataByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.personalData.read(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? null);
    }),
    pseudonymByJobseekerId: new DataLoader((keys) =>
      ctx.services.jobseekers.pseudonymsFor(ctx.actor, keys),
    ),
    customerIdByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.personalData.readCustomerIds(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? null);
    }),
    profileTransfersByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.profileTransfers.transfersOf(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? []);
    }),
    importByAssessmentId: new DataLoader(async (keys) => {
      const found = await ctx.services.profileTransfers.importsOf(keys);
      if (found.size === 0) return keys.map(() => null);
      const readable = await ctx.services.assessmentDrafts.readable(ctx, [
        ...new Set([...found.values()].map((t) => t.jobseekerId)),
      ]);
      return keys.map((key) => {
        const transfer = found.get(key);
        return transfer && readable.has(transfer.jobseekerId) ? transfer : null;
      });
    }),
  };
}
