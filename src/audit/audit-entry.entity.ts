import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One read (or refused attempt) of a jobseeker's personal data. Append-only. */
@Entity({ name: 'audit_log' })
@Index('audit_log_jobseeker_idx', ['jobseekerId', 'at'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'jobseeker_id', type: 'uuid' })
  jobseekerId!: string;

  /** The GraphQL operation and field, e.g. "query JobseekerList: Jobseeker.personalData". */
  @Column({ type: 'text' })
  operation!: string;

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ type: 'text' })
  outcome!: 'allowed' | 'denied';

  /** A ranking served: the version of the matching parameters it was computed with. */
  @Column({ name: 'params_version', type: 'text', nullable: true })
  paramsVersion!: string | null;

  /** A ranking served: the change-feed id (match_change) its index had applied. */
  @Column({ name: 'match_change_id', type: 'bigint', nullable: true })
  matchChangeId!: string | null;

  /** A ranking served: the question (field, ids, filter, page) and this person's place in it. */
  @Column({ type: 'jsonb', nullable: true })
  ranking!: Record<string, unknown> | null;
}
