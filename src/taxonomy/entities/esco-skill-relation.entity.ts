import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EscoSkill } from './esco-skill.entity';

/** ESCO's skill–skill relation: `relatedSkillUri` is essential or optional for `skillUri`. */
@Entity({ name: 'esco_skill_relation' })
@Index('esco_skill_relation_related_idx', ['relatedSkillUri'])
export class EscoSkillRelation {
  @PrimaryColumn({ name: 'skill_uri', type: 'text' })
  skillUri!: string;

  @PrimaryColumn({ name: 'related_skill_uri', type: 'text' })
  relatedSkillUri!: string;

  @Column({ name: 'relation_type', type: 'text' })
  relationType!: string;

  @ManyToOne(() => EscoSkill, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_uri', foreignKeyConstraintName: 'esco_skill_relation_skill_fk' })
  skill?: EscoSkill;

  @ManyToOne(() => EscoSkill, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'related_skill_uri',
    foreignKeyConstraintName: 'esco_skill_relation_related_fk',
  })
  relatedSkill?: EscoSkill;
}
