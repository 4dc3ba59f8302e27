/**
 * Draft competence assessments: suggested from a jobseeker's own account of their work (and,
 * later, imported from Job Market Finland), confirmed or discarded by the jobseeker or a
 * counsellor. A draft never counts as the active profile (see active-assessment.ts) and writing
 * one changes no match index (the change feed ignores drafts); confirming one makes it active.
 *
 * A draft holds the jobseeker's own words, so access is that of personal data: the jobseeker
 * themself, or a counsellor of their employment area stating a purpose; every access, and every
 * refused attempt, leaves an audit row. The account itself is not stored, only the sentences
 * that support a skill.
 */
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { badInput, DomainError, ErrorCode, notFound } from '../kernel/errors/domain-error';
import type { ExtractedSkill } from '../guidance/skill-extraction';
import { Span, suggestLevel, supportingWords } from '../guidance/level-suggestion';
import { parseInput } from '../kernel/validation/parse';
import { confirmedSkill } from '../kernel/validation/records/jobseeker.schema';
import { isUuid } from '../kernel/validation/validators';
import { AssessedSkillRepository } from './assessed-skill.repository';
import { applyOfferedChanges } from '../profile-transfers/offered-changes';
import { CompetenceAssessmentRepository } from './competence-assessment.repository';
import { JobseekerRepository } from './jobseeker.repository';
import {
  AssessedSkill,
  AssessedSkillSupport,
  AssessmentOrigin,
  AssessmentSource,
  CompetenceAssessment,
} from './competence-assessment.entity';

/** Who acts, why, and in which operation: what the audit row records. */
export interface AccessContext {
  actor: Actor | null;
  purpose: string | null;
  request: { operation: string };
}

/** The skill extraction's entry point (GuidanceService.extractSkills): text and language in. */
export type ExtractSkills = (text: string, language: string) => Promise<ExtractedSkill[]>;

/** A skill kept on confirmation, with its level as confirmed (the API's names). */
export interface ConfirmedSkill {
  skillUri: string;
  level: number;
  /** Omitted: as drafted; null: none. */
  experienceMonths?: number | null;
}

/** A suggested skill of a draft, with its level, confidence and supporting words. */
export interface DraftSkill {
  skillUri: string;
  proficiency: number;
  experienceMonths: number | null;
  /** The year the source says it was last used; null when it does not say. */
  lastUsedYear: number | null;
  /** How sure the source is of the skill, 0–1; null when it does not say. */
  confidence: number | null;
  levelReason: string | null;
  support: Omit<AssessedSkillSupport, 'assessmentId' | 'skillUri' | 'position' | 'assessedSkill'>[];
}

/** Supporting words of one's own account stand in no item of a profile. */
const NO_ITEM = {
  section: null,
  itemTitle: null,
  itemStartedOn: null,
  itemEndedOn: null,
  itemOngoing: null,
} as const;

/** At most this many skills in one draft (an assessment's own limit). */
export const MAX_DRAFT_SKILLS = 200;
/** Open drafts per jobseeker: more must wait until some are confirmed or discarded. */
export const MAX_OPEN_DRAFTS = 10;

export class AssessmentDraftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly extractSkills: ExtractSkills,
  ) {}

  /**
   * A draft from the jobseeker's own account of their work: the skills the extraction finds,
   * each with a suggested level (level-suggestion.ts), its confidence and supporting words.
   */
  async draftFromText(
    ctx: AccessContext,
    jobseekerId: string,
    text: string,
    language: string,
  ): Promise<CompetenceAssessment> {
    const actor = await this.requireAccess(ctx, jobseekerId, () =>
      notFound('Jobseeker', jobseekerId),
    );
    const found = (await this.extractSkills(text, language))
      .slice()
      .sort((a, b) => b.confidence - a.confidence || (a.skillUri < b.skillUri ? -1 : 1))
      .slice(0, MAX_DRAFT_SKILLS);
    if (found.length === 0)
      throw badInput(
        'text',
        'names no skill that could be recognised: describe the work in more detail',
      );
    const everySpan: Span[] = found.flatMap((s) => s.evidence);
    return this.writeDraft(
      actor,
      jobseekerId,
      'own_words',
      found.map((skill) => {
        const level = suggestLevel(text, skill.evidence, language, everySpan);
        return {
          skillUri: skill.skillUri,
          proficiency: level.proficiency,
          experienceMonths: level.experienceMonths,
          confidence: skill.confidence,
          levelReason: level.reason,
          lastUsedYear: null,
          support: supportingWords(text, skill.evidence).map((w) => ({
            ...w,
            ...NO_ITEM,
          })),
        };
      }),
    );
  }

  /**
   * Stores a draft: the one writer of drafts, whatever their origin (own words here; a Job
   * Market Finland profile). The caller has checked access (requireAccess). `alongside` runs in
   * the same transaction once the draft is written (the transfer that brought it is recorded
   * with it, or neither is).
   */
  async writeDraft(
    actor: Pick<Actor, 'id'>,
    jobseekerId: string,
    origin: AssessmentOrigin,
    skills: DraftSkill[],
    alongside?: (manager: EntityManager, draft: CompetenceAssessment) => Promise<void>,
  ): Promise<CompetenceAssessment> {
    return this.dataSource.transaction(async (manager) => {
      // One at a time per jobseeker, so the open-draft limit holds under concurrent requests.
      await new JobseekerRepository(manager).lock(jobseekerId);
      const assessments = new CompetenceAssessmentRepository(manager);
      const open = await assessments.openDrafts(jobseekerId);
      if (open >= MAX_OPEN_DRAFTS)
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The jobseeker has ${open} open drafts: confirm or discard one first`,
          { field: 'jobseekerId' },
        );
      const now = new Date();
      const assessment = await assessments.create({
        jobseekerId,
        // The person's own account, whoever typed it in; confirmation decides the final source.
        source: 'self_assessment' as AssessmentSource,
        assessedAt: now,
        recordedBy: actor.id,
        state: 'draft' as const,
        origin,
        draftedAt: now,
        confirmedBy: null,
      });
      await new AssessedSkillRepository(manager).insert(
        skills.map((skill) => ({
          assessmentId: assessment.id,
          skillUri: skill.skillUri,
          proficiency: skill.proficiency,
          experienceMonths: skill.experienceMonths,
          lastUsedYear: skill.lastUsedYear,
          evidence: null,
          confidence: skill.confidence,
          suggestedProficiency: skill.proficiency,
          levelReason: skill.levelReason,
        })),
      );
      const support = skills.flatMap((skill) =>
        skill.support.map((s, position) => ({
          ...s,
          assessmentId: assessment.id,
          skillUri: skill.skillUri,
          position,
        })),
      );
      await assessments.addSupport(support);
      if (alongside) await alongside(manager, assessment);
      return assessment;
    });
  }

  /**
   * Confirms a draft, optionally edited (skills dropped, levels changed): it becomes the active
   * assessment, and the change feed brings the match index along. Confirmed by a counsellor it
   * counts as counsellor-verified; by the jobseeker, as a self-assessment. A draft imported from
   * Job Market Finland also brings the changes its profile offers the matching data, additions
   * only (offered-changes.ts), unless `applyOfferedChanges` is false; in the same transaction.
   */
  async confirm(
    ctx: AccessContext,
    assessmentId: string,
    skills?: ConfirmedSkill[] | null,
    applyOffered = true,
  ): Promise<CompetenceAssessment> {
    const { actor, draft } = await this.findDraft(ctx, assessmentId, 'confirmed again');
    const drafted = await new AssessedSkillRepository(this.dataSource.manager).of(assessmentId);
    const kept = skills ? this.validateEdits(skills, drafted) : null;
    return this.dataSource.transaction(async (manager) => {
      await this.lockDraft(manager, draft.id, 'confirmed again');
      const assessedSkills = new AssessedSkillRepository(manager);
      if (kept) {
        // Edits first, while still a draft: the change feed records the confirmation once.
        const dropped = drafted.filter((s) => !kept.has(s.skillUri)).map((s) => s.skillUri);
        await assessedSkills.remove(assessmentId, dropped);
        for (const [skillUri, edit] of kept) {
          const before = drafted.find((s) => s.skillUri === skillUri)!;
          const experienceMonths =
            edit.experienceMonths === undefined ? before.experienceMonths : edit.experienceMonths;
          if (edit.level !== before.proficiency || experienceMonths !== before.experienceMonths)
            await assessedSkills.setLevel(assessmentId, skillUri, {
              proficiency: edit.level,
              experienceMonths,
            });
        }
      }
      const confirmed = await new CompetenceAssessmentRepository(manager).confirm(
        draft.id,
        actor.id,
        actor.role === 'counsellor' ? 'counsellor_verified' : 'self_assessment',
      );
      if (applyOffered && draft.origin === 'job_market_finland')
        await applyOfferedChanges(manager, draft.id);
      return confirmed;
    });
  }

  /** Discards a draft with its skills and supporting words; a confirmed assessment stays. */
  async discard(ctx: AccessContext, assessmentId: string): Promise<void> {
    const { draft } = await this.findDraft(ctx, assessmentId, 'discarded');
    await this.dataSource.transaction(async (manager) => {
      await this.lockDraft(manager, draft.id, 'discarded');
      await new CompetenceAssessmentRepository(manager).remove(draft.id);
    });
  }

  /**
   * The open drafts of each jobseeker the actor may see (newest first); empty for the others.
   * Audited per jobseeker, like personal data.
   */
  async drafts(
    ctx: AccessContext,
    jobseekerIds: string[],
  ): Promise<Map<string, CompetenceAssessment[]>> {
    const allowed = await this.audited(ctx, jobseekerIds);
    const result = new Map<string, CompetenceAssessment[]>();
    if (allowed.size === 0) return result;
    const rows = await new CompetenceAssessmentRepository(this.dataSource.manager).draftsOf([
      ...allowed,
    ]);
    for (const row of rows)
      result.set(row.jobseekerId, [...(result.get(row.jobseekerId) ?? []), row]);
    return result;
  }

  /** Of these jobseekers, those whose drafts and supporting words the actor may read; audited. */
  async readable(ctx: AccessContext, jobseekerIds: string[]): Promise<Set<string>> {
    return this.audited(ctx, jobseekerIds);
  }

  private async findDraft(
    ctx: AccessContext,
    assessmentId: string,
    verb: string,
  ): Promise<{ actor: Actor; draft: CompetenceAssessment }> {
    const missing = () => notFound('Assessment', assessmentId);
    const draft = isUuid(assessmentId)
      ? await new CompetenceAssessmentRepository(this.dataSource.manager).byId(assessmentId)
      : null;
    if (!draft) {
      await this.requireAccess(ctx, null, missing);
      throw missing();
    }
    const actor = await this.requireAccess(ctx, draft.jobseekerId, missing);
    if (draft.state !== 'draft') throw notADraft(assessmentId, verb);
    return { actor, draft };
  }

  /** Locks the draft for the transaction; another confirmation or discard may have come first. */
  private async lockDraft(manager: EntityManager, id: string, verb: string): Promise<void> {
    const state = await new CompetenceAssessmentRepository(manager).lockState(id);
    if (!state) throw notFound('Assessment', id);
    if (state !== 'draft') throw notADraft(id, verb);
  }

  private validateEdits(
    skills: ConfirmedSkill[],
    drafted: AssessedSkill[],
  ): Map<string, ConfirmedSkill> {
    if (skills.length === 0)
      throw badInput('skills', 'must keep at least one skill (discard the draft instead)');
    const inDraft = new Set(drafted.map((s) => s.skillUri));
    const kept = new Map<string, ConfirmedSkill>();
    skills.forEach((s, i) => {
      if (!inDraft.has(s.skillUri))
        throw badInput(`skills[${i}].skillUri`, 'is not a skill of this draft');
      if (kept.has(s.skillUri)) throw badInput(`skills[${i}].skillUri`, 'is listed twice');
      parseInput(confirmedSkill, s, `skills[${i}]`, { proficiency: 'level' });
      kept.set(s.skillUri, s);
    });
    return kept;
  }

  /**
   * The actor may work on this jobseeker's drafts: the jobseeker themself, or a counsellor of
   * their area who states a purpose. Audited either way; anything else answers as `missing`
   * would, so ids cannot be probed.
   */
  async requireAccess(
    ctx: AccessContext,
    jobseekerId: string | null,
    missing: () => DomainError,
  ): Promise<Actor> {
    const allowed = await this.audited(ctx, jobseekerId ? [jobseekerId] : []);
    if (!jobseekerId || !allowed.has(jobseekerId)) throw missing();
    return ctx.actor!;
  }

  private async audited(ctx: AccessContext, jobseekerIds: string[]): Promise<Set<string>> {
    const { actor } = ctx;
    if (!actor) return new Set();
    if (actor.role === 'counsellor' && !ctx.purpose) {
      await this.audit(ctx, jobseekerIds, new Set());
      throw badInput(
        'X-Osaamo-Purpose',
        "a counsellor must state the purpose of reading a jobseeker's own words",
      );
    }
    const ids = jobseekerIds.filter(isUuid);
    let allowed = new Set<string>();
    if (actor.role === 'jobseeker') {
      const self = actor.jobseekerId;
      if (self && ids.includes(self) && (await this.jobseekers().exists(self)))
        allowed = new Set([self]);
    } else if (actor.role === 'counsellor' && actor.employmentArea && ids.length) {
      allowed = await this.jobseekers().inArea(ids, actor.employmentArea);
    }
    await this.audit(ctx, ids, allowed);
    return allowed;
  }

  private jobseekers(): JobseekerRepository {
    return new JobseekerRepository(this.dataSource.manager);
  }

  private async audit(ctx: AccessContext, ids: string[], allowed: Set<string>): Promise<void> {
    const actor = ctx.actor!;
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return;
    await new AuditLogRepository(this.dataSource).recordReads(
      {
        actorId: actor.id,
        actorRole: actor.role,
        operation: ctx.request.operation,
        purpose: ctx.purpose,
      },
      valid,
      allowed,
    );
  }
}

function notADraft(id: string, verb: string): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    `Assessment ${id} is confirmed, not a draft: it cannot be ${verb}`,
    { field: 'assessmentId', reason: 'not a draft' },
  );
}
