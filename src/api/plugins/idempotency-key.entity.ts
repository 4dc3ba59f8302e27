import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A mutation's answer kept for its Idempotency-Key (migration IdempotencyKeys1795910000000). */
@Entity({ name: 'idempotency_key' })
@Index('idempotency_key_created_idx', ['createdAt'])
export class IdempotencyKey {
  /** Whose key: role and id, or the address of an anonymous caller. */
  @PrimaryColumn({ type: 'text' })
  caller!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** SHA-256 of the query, operation name and variables: a repeat must send the same. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  /** The answer, once the first request finished; null while it runs. */
  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
