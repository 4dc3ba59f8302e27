import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A record of each taxonomy import: what was read and what was skipped. */
@Entity({ name: 'esco_import' })
export class EscoImport {
  @PrimaryGeneratedColumn()
  id!: number;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;

  /** `v1.1.x` or `v1.2.x`. */
  @Column({ type: 'text' })
  layout!: string;

  @Column({ type: 'text' })
  languages!: string;

  @Column({ type: 'jsonb' })
  counts!: Record<string, number>;

  @Column({ name: 'skipped_relations', type: 'integer' })
  skippedRelations!: number;

  @Column({ name: 'elapsed_ms', type: 'integer' })
  elapsedMs!: number;
}
