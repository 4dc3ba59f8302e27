import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Municipality } from '../municipalities/municipality.entity';
import { ChangeOrigin } from '../db/change-origin';

/** An employer, identified by its Finnish business ID (Y-tunnus). */
@Entity({ name: 'employer' })
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('employer_business_id_key', { unique: true })
  @Column({ name: 'business_id', type: 'text' })
  businessId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode!: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'employer_municipality_fk' })
  readonly municipality?: Municipality;

  /** Id in the system it was imported from, for idempotent re-import. */
  @Index('employer_external_id_key', { unique: true })
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
