import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ESCO skill or knowledge concept. Labels are in EscoLabel, keyed by the URI. */
@Entity({ name: 'esco_skill' })
export class EscoSkill {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  /** `skill/competence` or `knowledge` (a few ESCO concepts have none). */
  @Column({ name: 'skill_type', type: 'text', nullable: true })
  skillType!: string | null;

  /** `transversal`, `cross-sector`, `sector-specific` or `occupation-specific`. */
  @Column({ name: 'reuse_level', type: 'text', nullable: true })
  reuseLevel!: string | null;

  @Column({ type: 'text', default: 'released' })
  status!: string;
}
