import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change of a jobseeker's or a vacancy's matching data (migration MatchChangeFeed1795860000000).
 * Written only by the migration's triggers, in the changing transaction; read in id order.
 */
@Entity({ name: 'match_change' })
@Check('match_change_kind_check', `kind IN ('jobseeker', 'vacancy')`)
export class MatchChange {
  /** bigserial: as text, since it may pass 2^53. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  kind!: 'jobseeker' | 'vacancy';

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
