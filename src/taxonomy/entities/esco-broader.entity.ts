import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ConceptKind } from './esco-label.entity';

/** A broader/narrower link of either pillar (skill → skill or group; occupation → occupation or ISCO group). */
@Entity({ name: 'esco_broader' })
@Index('esco_broader_broader_idx', ['broaderUri'])
export class EscoBroader {
  @PrimaryColumn({ name: 'concept_uri', type: 'text' })
  conceptUri!: string;

  @PrimaryColumn({ name: 'broader_uri', type: 'text' })
  broaderUri!: string;

  @Column({ name: 'concept_kind', type: 'text' })
  conceptKind!: ConceptKind;

  @Column({ name: 'broader_kind', type: 'text' })
  broaderKind!: ConceptKind;
}
