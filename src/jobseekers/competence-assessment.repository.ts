// Owns competence_assessment and assessed_skill_support (assessed_skill: AssessedSkillRepository).
import { EntityManager, In } from 'typeorm';
import { ACTIVE_ASSESSMENT_VIEW, ASSESSMENT_HISTORY_ORDER } from './active-assessment';
import {
  AssessedSkillSupport,
  AssessmentSource,
  AssessmentState,
  CompetenceAssessment,
} from './competence-assessment.entity';

/** An assessment as written: confirmed through the API, or a draft (with its origin). */
export type NewAssessment = Omit<
  CompetenceAssessment,
  'id' | 'state' | 'origin' | 'draftedAt' | 'confirmedBy'
> &
  Partial<Pick<CompetenceAssessment, 'state' | 'origin' | 'draftedAt' | 'confirmedBy'>>;

/** A supporting passage with the jobseeker whose assessment it supports. */
export type SupportRow = AssessedSkillSupport & { jobseekerId: string };

/** Statements on the assessment tables, run on the manager given (a transaction's or the pool's). */
export class CompetenceAssessmentRepository {
  constructor(private readonly db: EntityManager) {}

  byId(id: string): Promise<CompetenceAssessment | null> {
    return this.db.findOneBy(CompetenceAssessment, { id });
  }

  /** Adds an assessment (its skills: AssessedSkillRepository). */
  create(assessment: NewAssessment): Promise<CompetenceAssessment> {
    return this.db.save(CompetenceAssessment, assessment);
  }

  /** Each jobseeker's confirmed assessments, the active one first (the history's order). */
  confirmedOf(jobseekerIds: readonly string[]): Promise<CompetenceAssessment[]> {
    const q = this.db
      .createQueryBuilder(CompetenceAssessment, 'a')
      .where('a.jobseeker_id IN (:...keys)', { keys: [...jobseekerIds] })
      .andWhere(`a.state = 'confirmed'`);
    for (const [sort, order] of ASSESSMENT_HISTORY_ORDER) q.addOrderBy(sort, order);
    return q.getMany();
  }

  /** Each jobseeker's active assessment, from the one definition (the view). */
  activeOf(jobseekerIds: readonly string[]): Promise<CompetenceAssessment[]> {
    return this.db
      .createQueryBuilder(CompetenceAssessment, 'a')
      .where(
        `a.id IN (SELECT v.id FROM ${ACTIVE_ASSESSMENT_VIEW} v WHERE v.jobseeker_id IN (:...keys))`,
        { keys: jobseekerIds },
      )
      .getMany();
  }

  // --- Drafts ---

  /** How many open drafts the jobseeker has. */
  async openDrafts(jobseekerId: string): Promise<number> {
    const [{ open }] = await this.db.query(
      `SELECT count(*)::int AS open FROM competence_assessment WHERE jobseeker_id = $1 AND state = 'draft'`,
      [jobseekerId],
    );
    return open;
  }

  /** Each jobseeker's open drafts, newest first. */
  draftsOf(jobseekerIds: string[]): Promise<CompetenceAssessment[]> {
    return this.db.find(CompetenceAssessment, {
      where: { jobseekerId: In(jobseekerIds), state: 'draft' },
      order: { draftedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Locks an assessment for the transaction; its state then, or null when it is gone. */
  async lockState(id: string): Promise<AssessmentState | null> {
    const [row] = await this.db.query(
      `SELECT state FROM competence_assessment WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row?.state ?? null;
  }

  /** Confirms a draft: it becomes the newest confirmed assessment, so the active one. */
  async confirm(
    id: string,
    confirmedBy: string,
    source: AssessmentSource,
  ): Promise<CompetenceAssessment> {
    await this.db.update(
      CompetenceAssessment,
      { id },
      { state: 'confirmed', assessedAt: new Date(), confirmedBy, source },
    );
    return this.db.findOneByOrFail(CompetenceAssessment, { id });
  }

  /** Removes an assessment with its skills and supporting words (foreign keys cascade). */
  async remove(id: string): Promise<void> {
    await this.db.delete(CompetenceAssessment, { id });
  }

  /** The only writer of `assessed_skill_support`: the words supporting a draft's skills. */
  async addSupport(rows: AssessedSkillSupport[]): Promise<void> {
    if (rows.length) await this.db.insert(AssessedSkillSupport, rows);
  }

  /** The supporting words of these assessments' skills, by skill and position. */
  supportOf(assessmentIds: readonly string[]): Promise<SupportRow[]> {
    return this.db.query(
      `SELECT s.assessment_id AS "assessmentId", s.skill_uri AS "skillUri", s.position, s.words,
              s.highlight_start AS "highlightStart", s.highlight_end AS "highlightEnd", s.section,
              s.item_title AS "itemTitle", to_char(s.item_started_on, 'YYYY-MM-DD') AS "itemStartedOn",
              to_char(s.item_ended_on, 'YYYY-MM-DD') AS "itemEndedOn", s.item_ongoing AS "itemOngoing",
              a.jobseeker_id AS "jobseekerId"
       FROM assessed_skill_support s JOIN competence_assessment a ON a.id = s.assessment_id
       WHERE s.assessment_id = ANY($1::uuid[]) ORDER BY s.skill_uri, s.position`,
      [[...assessmentIds]],
    );
  }

  // --- The import (jsonl-importer.ts) ---

  /** The time and source of every assessment of these jobseekers: what an import has already added. */
  existingOf(
    jobseekerIds: string[],
  ): Promise<{ jobseeker_id: string; assessed_at: Date; source: string }[]> {
    return this.db.query(
      `SELECT jobseeker_id, assessed_at, source FROM competence_assessment WHERE jobseeker_id = ANY($1::uuid[])`,
      [jobseekerIds],
    );
  }

  /** Adds imported (confirmed) assessments, ids given, in one statement. */
  async importAssessments(
    rows: { id: string; jobseekerId: string; source: string; assessedAt: string }[],
    recordedBy: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO competence_assessment (id, jobseeker_id, source, assessed_at, recorded_by)
       SELECT id, jobseeker_id, source, assessed_at, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, jobseeker_id uuid, source text, assessed_at timestamptz)`,
      [
        JSON.stringify(
          rows.map((a) => ({
            id: a.id,
            jobseeker_id: a.jobseekerId,
            source: a.source,
            assessed_at: a.assessedAt,
          })),
        ),
        recordedBy,
      ],
    );
  }
}
