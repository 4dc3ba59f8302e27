import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { EscoSkill } from '../taxonomy/entities';
import { Jobseeker } from './jobseeker.entity';

export type AssessmentSource = 'self_assessment' | 'counsellor_verified' | 'imported';
/** A draft is a suggestion waiting for the jobseeker or a counsellor; only confirmed ones count. */
export type AssessmentState = 'draft' | 'confirmed';
/** Where a draft came from: the jobseeker's own account of their work, or (later) Job Market Finland. */
export type AssessmentOrigin = 'own_words' | 'job_market_finland';

/**
 * A dated assessment of a jobseeker's competences; history is kept. Which confirmed one is
 * active is decided in one place: the view `active_competence_assessment` (active-assessment.ts).
 */
@Entity({ name: 'competence_assessment' })
@Index('competence_assessment_jobseeker_idx', ['jobseekerId', 'assessedAt'])
@Check('competence_assessment_state_check', `state IN ('draft', 'confirmed')`)
@Check('competence_assessment_origin_check', `origin IN ('own_words', 'job_market_finland')`)
@Check('competence_assessment_draft_origin_check', `state = 'confirmed' OR origin IS NOT NULL`)
export class CompetenceAssessment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'jobseeker_id', type: 'uuid' })
  jobseekerId!: string;

  @ManyToOne(() => Jobseeker, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'jobseeker_id',
    foreignKeyConstraintName: 'competence_assessment_jobseeker_fk',
  })
  readonly jobseeker?: Jobseeker;

  @Column({ type: 'text' })
  source!: AssessmentSource;

  /** For a draft, when it was drafted; for a confirmed one, when it was confirmed (or recorded). */
  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt!: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ type: 'text', default: 'confirmed' })
  state!: AssessmentState;

  /** Null for an assessment recorded as such; set for one that began as a draft. */
  @Column({ type: 'text', nullable: true })
  origin!: AssessmentOrigin | null;

  @Column({ name: 'drafted_at', type: 'timestamptz', nullable: true })
  draftedAt!: Date | null;

  /** The actor who confirmed a draft. */
  @Column({ name: 'confirmed_by', type: 'text', nullable: true })
  confirmedBy!: string | null;
}

@Entity({ name: 'assessed_skill' })
@Index('assessed_skill_skill_idx', ['skillUri'])
@Check('assessed_skill_proficiency_check', `proficiency BETWEEN 1 AND 5`)
export class AssessedSkill {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => CompetenceAssessment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'assessed_skill_assessment_fk' })
  readonly assessment?: CompetenceAssessment;

  @PrimaryColumn({ name: 'skill_uri', type: 'text' })
  skillUri!: string;

  @ManyToOne(() => EscoSkill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_uri', foreignKeyConstraintName: 'assessed_skill_skill_fk' })
  readonly skill?: EscoSkill;

  /** 1 (basic) to 5 (expert). */
  @Column({ type: 'smallint' })
  proficiency!: number;

  @Column({ name: 'experience_months', type: 'integer', nullable: true })
  experienceMonths!: number | null;

  @Column({ name: 'last_used_year', type: 'smallint', nullable: true })
  lastUsedYear!: number | null;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  /** For a suggested skill: how sure the extraction was, 0–1; null when a person recorded it. */
  @Column({ type: 'real', nullable: true })
  confidence!: number | null;

  /** The level first suggested (kept when the confirmer changes it), 1–5. */
  @Column({ name: 'suggested_proficiency', type: 'smallint', nullable: true })
  suggestedProficiency!: number | null;

  /** Why that level was suggested, in words a counsellor can read. */
  @Column({ name: 'level_reason', type: 'text', nullable: true })
  levelReason!: string | null;
}

/**
 * Where a suggested skill came from: the words that support it and, for an imported profile,
 * the section and item they stood in. One skill may have several.
 */
@Entity({ name: 'assessed_skill_support' })
export class AssessedSkillSupport {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ name: 'skill_uri', type: 'text' })
  skillUri!: string;

  /** Order among the skill's supports, from 0. */
  @PrimaryColumn({ type: 'smallint' })
  position!: number;

  @ManyToOne(() => AssessedSkill, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'assessment_id',
      referencedColumnName: 'assessmentId',
      foreignKeyConstraintName: 'assessed_skill_support_skill_fk',
    },
    {
      name: 'skill_uri',
      referencedColumnName: 'skillUri',
      foreignKeyConstraintName: 'assessed_skill_support_skill_fk',
    },
  ])
  readonly assessedSkill?: AssessedSkill;

  /** The supporting words: the sentence (or clause) of the source that names the skill. */
  @Column({ type: 'text' })
  words!: string;

  /** Where in `words` the skill itself is named (characters), for highlighting. */
  @Column({ name: 'highlight_start', type: 'integer', nullable: true })
  highlightStart!: number | null;

  @Column({ name: 'highlight_end', type: 'integer', nullable: true })
  highlightEnd!: number | null;

  /** The part of the source it came from (e.g. an employment of an imported profile); null for own words. */
  @Column({ type: 'text', nullable: true })
  section!: string | null;

  /** The title of that item (a job, a course); null for own words. */
  @Column({ name: 'item_title', type: 'text', nullable: true })
  itemTitle!: string | null;

  /** The item's dates (an imported employment, degree, project); null for own words. */
  @Column({ name: 'item_started_on', type: 'date', nullable: true })
  itemStartedOn!: string | null;

  @Column({ name: 'item_ended_on', type: 'date', nullable: true })
  itemEndedOn!: string | null;

  /** The item is ongoing (or a degree unfinished); null for own words. */
  @Column({ name: 'item_ongoing', type: 'boolean', nullable: true })
  itemOngoing!: boolean | null;
}
