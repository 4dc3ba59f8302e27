import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Municipality } from '../municipalities/municipality.entity';
import { ChangeOrigin } from '../db/change-origin';
import { EscoSkill } from '../taxonomy/entities';

export type TrainingMode = 'classroom' | 'online' | 'blended';

/** A training a jobseeker can take, with the skills it teaches. */
@Entity({ name: 'training' })
export class Training {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'duration_days', type: 'integer' })
  durationDays!: number;

  @Column({ type: 'text' })
  mode!: TrainingMode;

  /** Where it is held; null for online-only trainings. */
  @Column({ name: 'municipality_code', type: 'char', length: 3, nullable: true })
  municipalityCode!: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'training_municipality_fk' })
  readonly municipality?: Municipality;

  // The driver reads a date[] as Date objects (local midnight), unlike a single date column,
  // which TypeORM reads as text: kept as YYYY-MM-DD like every calendar date here.
  @Column({
    name: 'start_dates',
    type: 'date',
    array: true,
    default: () => "'{}'",
    transformer: { to: (dates: string[]) => dates, from: calendarDates },
  })
  startDates!: string[];

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Index('training_external_id_key', { unique: true })
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  /** Where this record last changed: an import reports a conflict instead of overwriting 'api'. */
  @Column({ name: 'last_changed_by', type: 'text', default: 'api' })
  lastChangedBy!: ChangeOrigin;

  @Column({ name: 'last_changed_at', type: 'timestamptz', default: () => 'now()' })
  lastChangedAt!: Date;
}

@Entity({ name: 'training_skill' })
export class TrainingSkill {
  @PrimaryColumn({ name: 'training_id', type: 'uuid' })
  trainingId!: string;

  @ManyToOne(() => Training, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_id', foreignKeyConstraintName: 'training_skill_training_fk' })
  readonly training?: Training;

  @PrimaryColumn({ name: 'skill_uri', type: 'text' })
  skillUri!: string;

  @ManyToOne(() => EscoSkill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_uri', foreignKeyConstraintName: 'training_skill_skill_fk' })
  readonly skill?: EscoSkill;

  /** Proficiency 1–5 a participant reaches. */
  @Column({ name: 'level_reached', type: 'smallint' })
  levelReached!: number;
}

function calendarDates(dates: (Date | string)[] | null): string[] {
  return (dates ?? []).map((d) =>
    typeof d === 'string'
      ? d.slice(0, 10)
      : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
  );
}
