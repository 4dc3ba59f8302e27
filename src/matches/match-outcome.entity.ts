import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Vacancy } from '../vacancies/vacancy.entity';
import { Jobseeker } from '../jobseekers/jobseeker.entity';

export type OutcomeStatus = 'proposed' | 'applied' | 'interviewed' | 'hired' | 'rejected';

/** What happened to a proposed match, so that real outcomes can measure the engine later. */
@Entity({ name: 'match_outcome' })
@Check(
  'match_outcome_status_check',
  `status IN ('proposed', 'applied', 'interviewed', 'hired', 'rejected')`,
)
@Index('match_outcome_vacancy_idx', ['vacancyId'])
@Index('match_outcome_jobseeker_idx', ['jobseekerId'])
export class MatchOutcome {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'vacancy_id', type: 'uuid' })
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id', foreignKeyConstraintName: 'match_outcome_vacancy_fk' })
  readonly vacancy?: Vacancy;

  @Column({ name: 'jobseeker_id', type: 'uuid' })
  jobseekerId!: string;

  @ManyToOne(() => Jobseeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jobseeker_id', foreignKeyConstraintName: 'match_outcome_jobseeker_fk' })
  readonly jobseeker?: Jobseeker;

  @Column({ type: 'text' })
  status!: OutcomeStatus;

  /** Why, for a rejection. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
