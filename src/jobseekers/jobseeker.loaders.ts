import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { manyByKey, oneByKey } from '../kernel/batch';
import { ACTIVE_ASSESSMENT_VIEW, ASSESSMENT_HISTORY_ORDER } from './active-assessment';
import type { AccessContext, AssessmentDraftService } from './assessment-draft.service';
import {
  AssessedSkill,
  AssessedSkillSupport,
  CompetenceAssessment,
} from './competence-assessment.entity';
import { Consent } from './consent.entity';
import { Jobseeker, JobseekerLanguage, JobseekerPersonalData } from './jobseeker.entity';
import { JobseekerService } from './jobseeker.service';
import type { PersonalDataReader } from './personal-data.reader';

/**
 * What the jobseekers' loaders read with: the request (the context itself, so the per-request
 * state stays shared) and the services that check and audit each read.
 */
export interface JobseekerLoaderContext extends AccessContext {
  services: {
    dataSource: DataSource;
    pseudonymSecret: string;
    personalData: PersonalDataReader;
    assessmentDrafts: AssessmentDraftService;
  };
}

/** DataLoaders of jobseekers, created per request: one `IN (...)` query per batch, results in key order. */
export interface JobseekerLoaders {
  jobseekerById: DataLoader<string, Jobseeker | null>;
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
}

export function createJobseekerLoaders(ctx: JobseekerLoaderContext): JobseekerLoaders {
  const manager = ctx.services.dataSource.manager;
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    jobseekerById: new DataLoader(async (keys) =>
      oneByKey(keys, await manager.findBy(Jobseeker, { id: ids(keys) }), (j) => j.id),
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
    assessmentsByJobseekerId: new DataLoader(async (keys) => {
      const q = manager
        .createQueryBuilder(CompetenceAssessment, 'a')
        .where('a.jobseeker_id IN (:...keys)', { keys: [...keys] })
        .andWhere(`a.state = 'confirmed'`);
      for (const [sort, order] of ASSESSMENT_HISTORY_ORDER) q.addOrderBy(sort, order);
      return manyByKey(keys, await q.getMany(), (a) => a.jobseekerId);
    }),
    activeAssessmentByJobseekerId: new DataLoader(async (keys) =>
      oneByKey(
        keys,
        await manager
          .createQueryBuilder(CompetenceAssessment, 'a')
          .where(
            `a.id IN (SELECT v.id FROM ${ACTIVE_ASSESSMENT_VIEW} v WHERE v.jobseeker_id IN (:...keys))`,
            { keys },
          )
          .getMany(),
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
    draftAssessmentsByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.assessmentDrafts.drafts(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? []);
    }),
    skillSupportByAssessmentId: new DataLoader(async (keys) => {
      const rows: (AssessedSkillSupport & { jobseekerId: string })[] = await manager.query(
        `SELECT s.assessment_id AS "assessmentId", s.skill_uri AS "skillUri", s.position, s.words,
                s.highlight_start AS "highlightStart", s.highlight_end AS "highlightEnd", s.section,
                s.item_title AS "itemTitle", a.jobseeker_id AS "jobseekerId"
         FROM assessed_skill_support s JOIN competence_assessment a ON a.id = s.assessment_id
         WHERE s.assessment_id = ANY($1::uuid[]) ORDER BY s.skill_uri, s.position`,
        [[...keys]],
      );
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
      manyByKey(
        keys,
        await manager.find(Consent, {
          where: { jobseekerId: ids(keys) },
          order: { grantedAt: 'ASC' },
        }),
        (c) => c.jobseekerId,
      ),
    ),
    personalDataByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.personalData.read(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? null);
    }),
    pseudonymByJobseekerId: new DataLoader((keys) =>
      new JobseekerService(ctx.services.dataSource, ctx.services.pseudonymSecret).pseudonymsFor(
        ctx.actor,
        keys,
      ),
    ),
    customerIdByJobseekerId: new DataLoader(async (keys) => {
      const found = await ctx.services.personalData.readCustomerIds(ctx, [...keys]);
      return keys.map((key) => found.get(key) ?? null);
    }),
  };
}
