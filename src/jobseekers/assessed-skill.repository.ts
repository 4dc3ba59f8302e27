// Owns assessed_skill.
/**
 * The one owner of `assessed_skill`: the skills of an assessment, whether recorded through the
 * API (JobseekerService), drafted from a person's own words (AssessmentDraftService) or
 * imported (JsonlImporter), are written only here.
 */
import { EntityManager, In } from 'typeorm';
import { AssessedSkill } from './competence-assessment.entity';

/** One assessed skill as written: what a person recorded, and for a suggestion, how sure. */
export interface AssessedSkillRow {
  assessmentId: string;
  skillUri: string;
  /** 1 (basic) to 5 (expert). */
  proficiency: number;
  experienceMonths: number | null;
  lastUsedYear: number | null;
  evidence: string | null;
  /** For a suggested skill: the extraction's confidence 0–1; null when a person recorded it. */
  confidence?: number | null;
  suggestedProficiency?: number | null;
  levelReason?: string | null;
}

/** Statements on `assessed_skill`, run on the manager given (a transaction's or the pool's). */
export class AssessedSkillRepository {
  constructor(private readonly db: EntityManager) {}

  /** Adds skills to their assessments, in one statement however many assessments they belong to. */
  async insert(rows: AssessedSkillRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO assessed_skill (assessment_id, skill_uri, proficiency, experience_months, last_used_year, evidence, confidence, suggested_proficiency, level_reason)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(assessment_id uuid, skill_uri text, proficiency int, experience_months int, last_used_year int, evidence text, confidence real, suggested_proficiency int, level_reason text)`,
      [
        JSON.stringify(
          rows.map((s) => ({
            assessment_id: s.assessmentId,
            skill_uri: s.skillUri,
            proficiency: s.proficiency,
            experience_months: s.experienceMonths,
            last_used_year: s.lastUsedYear,
            evidence: s.evidence,
            confidence: s.confidence ?? null,
            suggested_proficiency: s.suggestedProficiency ?? null,
            level_reason: s.levelReason ?? null,
          })),
        ),
      ],
    );
  }

  /** An assessment's skills. */
  of(assessmentId: string): Promise<AssessedSkill[]> {
    return this.db.findBy(AssessedSkill, { assessmentId });
  }

  /** The skills of these assessments, by skill. */
  ofAssessments(assessmentIds: readonly string[]): Promise<AssessedSkill[]> {
    return this.db.find(AssessedSkill, {
      where: { assessmentId: In([...assessmentIds]) },
      order: { skillUri: 'ASC' },
    });
  }

  /** Removes these skills from the assessment. */
  async remove(assessmentId: string, skillUris: string[]): Promise<void> {
    if (skillUris.length === 0) return;
    await this.db.delete(AssessedSkill, { assessmentId, skillUri: In(skillUris) });
  }

  /** Sets one skill's level and experience. */
  async setLevel(
    assessmentId: string,
    skillUri: string,
    change: { proficiency: number; experienceMonths: number | null },
  ): Promise<void> {
    await this.db.update(AssessedSkill, { assessmentId, skillUri }, change);
  }
}
