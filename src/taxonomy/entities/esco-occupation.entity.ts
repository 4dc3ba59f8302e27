import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An ESCO occupation. */
@Entity({ name: 'esco_occupation' })
export class EscoOccupation {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  /** The 4-digit ISCO-08 unit group the occupation belongs to. */
  @Index('esco_occupation_isco_group_idx')
  @Column({ name: 'isco_group_code', type: 'text', nullable: true })
  iscoGroupCode!: string | null;

  /** The ESCO occupation code, e.g. `2221.1`. */
  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text', default: 'released' })
  status!: string;
}
