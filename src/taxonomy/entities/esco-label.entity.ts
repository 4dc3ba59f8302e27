import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ConceptKind = 'skill' | 'occupation' | 'isco_group' | 'skill_group';
export type LabelType = 'preferred' | 'alternative' | 'hidden';

/** One label of a concept in one language; one table for every kind of concept. */
@Entity({ name: 'esco_label' })
@Index('esco_label_kind_language_idx', ['conceptKind', 'language'])
export class EscoLabel {
  @PrimaryColumn({ name: 'concept_uri', type: 'text' })
  conceptUri!: string;

  @PrimaryColumn({ type: 'text' })
  language!: string;

  @PrimaryColumn({ name: 'label_type', type: 'text' })
  labelType!: LabelType;

  @PrimaryColumn({ type: 'text' })
  label!: string;

  @Column({ name: 'concept_kind', type: 'text' })
  conceptKind!: ConceptKind;
}
