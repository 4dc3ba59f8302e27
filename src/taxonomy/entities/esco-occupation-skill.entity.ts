import { Column, Entity, Index, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import { EscoOccupation } from './esco-occupation.entity';
import { EscoSkill } from './esco-skill.entity';

export type OccupationSkillRelation = 'essential' | 'optional';

/** ESCO's statement that an occupation needs a skill, essentially or optionally. */
@Entity({ name: 'esco_occupation_skill' })
@Index('esco_occupation_skill_skill_idx', ['skillUri'])
export class EscoOccupationSkill {
  @PrimaryColumn({ name: 'occupation_uri', type: 'text' })
  occupationUri!: string;

  @PrimaryColumn({ name: 'skill_uri', type: 'text' })
  skillUri!: string;

  @Column({ name: 'relation_type', type: 'text' })
  relationType!: OccupationSkillRelation;

  @ManyToOne(() => EscoOccupation, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'occupation_uri',
    foreignKeyConstraintName: 'esco_occupation_skill_occupation_fk',
  })
  occupation?: EscoOccupation;

  @ManyToOne(() => EscoSkill, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_uri', foreignKeyConstraintName: 'esco_occupation_skill_skill_fk' })
  skill?: EscoSkill;
}
