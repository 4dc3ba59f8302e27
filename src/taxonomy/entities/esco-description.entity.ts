import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A concept's description in one language. */
@Entity({ name: 'esco_description' })
export class EscoDescription {
  @PrimaryColumn({ name: 'concept_uri', type: 'text' })
  conceptUri!: string;

  @PrimaryColumn({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  description!: string;
}
