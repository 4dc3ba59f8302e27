import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A group in ESCO's skill hierarchy (e.g. `S4.1`). */
@Entity({ name: 'esco_skill_group' })
export class EscoSkillGroup {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  @Column({ type: 'text', nullable: true })
  code!: string | null;
}
