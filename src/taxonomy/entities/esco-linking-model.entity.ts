import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The skill linker's model of one language, learned from the taxonomy at import (field weights
 * fitted on ESCO's own label–concept pairs, see linking-model.ts): the server only loads it.
 */
@Entity({ name: 'esco_linking_model' })
export class EscoLinkingModel {
  @PrimaryColumn({ type: 'text' })
  language!: string;

  /** FieldWeights: a weight per field, k1 and b. */
  @Column({ type: 'jsonb' })
  weights!: Record<string, unknown>;

  /** How well the held-out labels were found before and after fitting, and how many. */
  @Column({ type: 'jsonb' })
  quality!: Record<string, number>;

  @Column({ name: 'elapsed_ms', type: 'integer' })
  elapsedMs!: number;

  @CreateDateColumn({ name: 'built_at', type: 'timestamptz' })
  builtAt!: Date;
}
