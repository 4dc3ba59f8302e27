import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ISCO-08 group (1 to 4 digits) as ESCO publishes it. */
@Entity({ name: 'esco_isco_group' })
export class EscoIscoGroup {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  @Column({ type: 'text', unique: true })
  code!: string;
}
