import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Jobseeker } from '../jobseekers/jobseeker.entity';

import { DOMAIN_VALUES } from '../kernel/validation/domain-values';

/** How a cohort's members were named when it was created. */
export type CohortSource = (typeof DOMAIN_VALUES.cohortSource)[number];

/**
 * A group of jobseekers analysed together (a lay-off's people), kept by the employment area whose
 * counsellor created it. Its members are fixed when it is created, so that an analysis can be
 * repeated on the same group; an erased jobseeker leaves it (cascade).
 */
@Entity({ name: 'cohort' })
@Index('cohort_area_idx', ['employmentArea', 'createdAt'])
@Check('cohort_source_check', `source IN ('jobseekers', 'employer', 'customer_file')`)
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The employment area whose counsellors read it in full. */
  @Column({ name: 'employment_area', type: 'text' })
  employmentArea!: string;

  @Column({ type: 'text' })
  source!: CohortSource;

  /** The employer that laid the members off, when the cohort was named by it. */
  @Column({ name: 'employer_business_id', type: 'text', nullable: true })
  employerBusinessId!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

@Entity({ name: 'cohort_member' })
@Index('cohort_member_jobseeker_idx', ['jobseekerId'])
export class CohortMember {
  @Column({ name: 'cohort_id', type: 'uuid', primary: true })
  cohortId!: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'cohort_member_cohort_fk' })
  readonly cohort?: Cohort;

  @Column({ name: 'jobseeker_id', type: 'uuid', primary: true })
  jobseekerId!: string;

  @ManyToOne(() => Jobseeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jobseeker_id', foreignKeyConstraintName: 'cohort_member_jobseeker_fk' })
  readonly jobseeker?: Jobseeker;
}
