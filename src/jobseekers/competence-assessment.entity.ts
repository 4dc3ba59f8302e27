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

/** A dated assessment of a jobseeker's competences; the newest is active, history is kept. */
@Entity({ name: 'competence_assessment' })
@Index('competence_assessment_jobseeker_idx', ['jobseekerId', 'assessedAt'])
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

  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt!: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;
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
}
