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
import { Vacancy } from './vacancy.entity';
import { EscoSkill } from '../taxonomy/entities';
import { CefrLevel } from '../../matching/cefr';

export type Importance = 'essential' | 'important' | 'nice_to_have';
export type { CefrLevel };

/**
 * The current requirement profile of a vacancy. `revision` grows by one on every change; an
 * update names the revision it was made from and is refused when another landed first
 * (checked in the UPDATE itself, not on read).
 */
@Entity({ name: 'requirement_profile' })
export class RequirementProfile {
  @PrimaryColumn({ name: 'vacancy_id', type: 'uuid' })
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id', foreignKeyConstraintName: 'requirement_profile_vacancy_fk' })
  readonly vacancy?: Vacancy;

  @Column({ type: 'integer' })
  revision!: number;

  /** Minimum EQF level (1–8), or null for none. */
  @Column({ name: 'min_education_level', type: 'smallint', nullable: true })
  minEducationLevel!: number | null;

  @Column({ name: 'min_experience_months', type: 'integer', nullable: true })
  minExperienceMonths!: number | null;

  /** Licences and cards required, as codes (e.g. "driving_licence_c", "hygiene_passport"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  licences!: string[];

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'requirement_skill' })
@Index('requirement_skill_skill_idx', ['skillUri'])
@Check('requirement_skill_proficiency_check', `min_proficiency BETWEEN 1 AND 5`)
@Check(
  'requirement_skill_importance_check',
  `importance IN ('essential', 'important', 'nice_to_have')`,
)
export class RequirementSkill {
  @PrimaryColumn({ name: 'vacancy_id', type: 'uuid' })
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id', foreignKeyConstraintName: 'requirement_skill_vacancy_fk' })
  readonly vacancy?: Vacancy;

  @PrimaryColumn({ name: 'skill_uri', type: 'text' })
  skillUri!: string;

  @ManyToOne(() => EscoSkill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_uri', foreignKeyConstraintName: 'requirement_skill_skill_fk' })
  readonly skill?: EscoSkill;

  @Column({ type: 'text' })
  importance!: Importance;

  /** Proficiency 1–5 the job needs. */
  @Column({ name: 'min_proficiency', type: 'smallint' })
  minProficiency!: number;
}

@Entity({ name: 'requirement_language' })
@Check('requirement_language_level_check', `min_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')`)
export class RequirementLanguage {
  @PrimaryColumn({ name: 'vacancy_id', type: 'uuid' })
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id', foreignKeyConstraintName: 'requirement_language_vacancy_fk' })
  readonly vacancy?: Vacancy;

  /** ISO 639-1 code, e.g. "fi". */
  @PrimaryColumn({ type: 'text' })
  language!: string;

  @Column({ name: 'min_level', type: 'text' })
  minLevel!: CefrLevel;

  /** Essential languages are hard requirements in matching. */
  @Column({ type: 'boolean', default: true })
  essential!: boolean;
}

/** Every revision of a requirement profile as it was: who changed it, when, and to what. */
@Entity({ name: 'requirement_profile_revision' })
@Index('requirement_profile_revision_key', ['vacancyId', 'revision'], { unique: true })
export class RequirementProfileRevision {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'vacancy_id', type: 'uuid' })
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'vacancy_id',
    foreignKeyConstraintName: 'requirement_profile_revision_vacancy_fk',
  })
  readonly vacancy?: Vacancy;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  author!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;
}
