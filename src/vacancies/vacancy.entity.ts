import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Employer } from '../employers/employer.entity';
import { EscoOccupation } from '../taxonomy/entities';
import { Municipality } from '../municipalities/municipality.entity';
import { ChangeOrigin } from '../db/change-origin';

export type VacancyStatus = 'draft' | 'open' | 'closed' | 'filled';
export type VacancySource = 'local' | 'national' | 'eures';
export type RemoteOption = 'none' | 'hybrid' | 'full';
export type WorkingTime = 'full_time' | 'part_time';
export type ContractType = 'permanent' | 'fixed_term' | 'seasonal' | 'apprenticeship';

/** A vacancy of an employer. Its requirement profile is in RequirementProfile. */
@Entity({ name: 'vacancy' })
@Index('vacancy_source_external_id_key', ['source', 'externalId'], { unique: true })
@Index('vacancy_status_municipality_idx', ['status', 'municipalityCode'])
@Check('vacancy_status_check', `status IN ('draft', 'open', 'closed', 'filled')`)
@Check('vacancy_positions_check', `positions >= 1`)
export class Vacancy {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('vacancy_employer_idx')
  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'vacancy_employer_fk' })
  readonly employer?: Employer;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Index('vacancy_occupation_idx')
  @Column({ name: 'occupation_uri', type: 'text', nullable: true })
  occupationUri!: string | null;

  @ManyToOne(() => EscoOccupation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'occupation_uri', foreignKeyConstraintName: 'vacancy_occupation_fk' })
  readonly occupation?: EscoOccupation;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode!: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'vacancy_municipality_fk' })
  readonly municipality?: Municipality;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'text', default: 'none' })
  remote!: RemoteOption;

  @Column({ name: 'working_time', type: 'text', default: 'full_time' })
  workingTime!: WorkingTime;

  @Column({ name: 'contract_type', type: 'text', default: 'permanent' })
  contractType!: ContractType;

  @Column({ type: 'integer', default: 1 })
  positions!: number;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ name: 'application_deadline', type: 'date', nullable: true })
  applicationDeadline!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: VacancyStatus;

  @Column({ type: 'text', default: 'local' })
  source!: VacancySource;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  /** Where this record last changed: an import reports a conflict instead of overwriting 'api'. */
  @Column({ name: 'last_changed_by', type: 'text', default: 'api' })
  lastChangedBy!: ChangeOrigin;

  @Column({ name: 'last_changed_at', type: 'timestamptz', default: () => 'now()' })
  lastChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
