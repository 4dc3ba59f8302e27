import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Jobseeker } from './jobseeker.entity';

export type ConsentPurpose = 'show_profile_to_employers' | 'learning_environment_skill_gaps';

/** A jobseeker's consent for a purpose and recipient, with when it was granted and revoked. */
@Entity({ name: 'consent' })
@Index('consent_jobseeker_idx', ['jobseekerId', 'purpose'])
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'jobseeker_id', type: 'uuid' })
  jobseekerId!: string;

  @ManyToOne(() => Jobseeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jobseeker_id', foreignKeyConstraintName: 'consent_jobseeker_fk' })
  readonly jobseeker?: Jobseeker;

  @Column({ type: 'text' })
  purpose!: ConsentPurpose;

  /** Who may receive the data: "all_employers", an employer id, or "learning_environment". */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ name: 'granted_at', type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
