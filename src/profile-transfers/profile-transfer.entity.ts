import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CompetenceAssessment } from '../jobseekers/competence-assessment.entity';
import { Jobseeker } from '../jobseekers/jobseeker.entity';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import type { ImportReport, ExportReport } from './profile-transfer.report';

/** Import reads a Job Market Finland profile (P60); export writes one (P51). */
export type TransferDirection = (typeof DOMAIN_VALUES.transferDirection)[number];
/**
 * awaiting_permit: the person has the permit page; in_progress: the callback came and the call
 * runs; completed; refused: the person or the permit page said no; failed: a call failed;
 * expired: the permit was not granted in time.
 */
export type TransferStatus =
  'awaiting_permit' | 'in_progress' | 'completed' | 'refused' | 'failed' | 'expired';

/**
 * One transfer of a competence profile between Osaamo and Job Market Finland under one permit:
 * who started it for which jobseeker and why, the hash of its single-use `state` (the state
 * itself is never stored), how it ended, and what it brought or left out.
 */
@Entity({ name: 'profile_transfer' })
@Index('profile_transfer_jobseeker_idx', ['jobseekerId', 'startedAt'])
@Index('profile_transfer_assessment_idx', ['assessmentId'])
@Index('profile_transfer_state_key', ['stateHash'], { unique: true })
@Check('profile_transfer_direction_check', `direction IN ('import', 'export')`)
@Check(
  'profile_transfer_status_check',
  `status IN ('awaiting_permit', 'in_progress', 'completed', 'refused', 'failed', 'expired')`,
)
export class ProfileTransfer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'jobseeker_id', type: 'uuid' })
  jobseekerId!: string;

  @ManyToOne(() => Jobseeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jobseeker_id', foreignKeyConstraintName: 'profile_transfer_jobseeker_fk' })
  readonly jobseeker?: Jobseeker;

  @Column({ type: 'text' })
  direction!: TransferDirection;

  /** Why: the counsellor's stated purpose, or the jobseeker's own transfer. */
  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  /** SHA-256 of the permit's `state`, hex: the callback finds its transfer by it. */
  @Column({ name: 'state_hash', type: 'text' })
  stateHash!: string;

  /** The permit page's language, and the callback page's. */
  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  status!: TransferStatus;

  /** Why it was refused or failed: an error code, e.g. PERMIT_REFUSED access_denied. */
  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  /** The permit must come back before this (ten minutes after the start). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Import: the draft it made; export: the confirmed assessment sent. */
  @Column({ name: 'assessment_id', type: 'uuid', nullable: true })
  assessmentId!: string | null;

  @ManyToOne(() => CompetenceAssessment, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'assessment_id',
    foreignKeyConstraintName: 'profile_transfer_assessment_fk',
  })
  readonly assessment?: CompetenceAssessment;

  /** The profile's own last-modified time (import). */
  @Column({ name: 'profile_modified_at', type: 'timestamptz', nullable: true })
  profileModifiedAt!: Date | null;

  /** What the transfer brought and did not (import), or left out (export). */
  @Column({ type: 'jsonb', nullable: true })
  report!: ImportReport | ExportReport | null;
}
