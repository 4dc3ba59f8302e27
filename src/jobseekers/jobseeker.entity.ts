import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Municipality } from '../municipalities/municipality.entity';
import { ChangeOrigin } from '../db/change-origin';
import { SpokenLevel } from '../../matching/cefr';

export type EmploymentStatus = 'unemployed' | 'laid_off' | 'employed' | 'student';
/** A CEFR level or native (matching/cefr.ts). */
export type LanguageLevel = SpokenLevel;

/**
 * A jobseeker's matching data. Personal data (name, contacts, address) is in
 * JobseekerPersonalData, apart, and read only through the audited reader. The personal identity
 * code is never stored: the key is the national customer system's customer id.
 */
@Entity({ name: 'jobseeker' })
@Index('jobseeker_municipality_idx', ['homeMunicipalityCode'])
@Check(
  'jobseeker_employment_status_check',
  `employment_status IN ('unemployed', 'laid_off', 'employed', 'student')`,
)
@Check(
  'jobseeker_last_employer_business_id_check',
  `last_employer_business_id ~ '^[0-9]{7}-[0-9]$'`,
)
export class Jobseeker {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('jobseeker_customer_id_key', { unique: true })
  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ name: 'home_municipality_code', type: 'char', length: 3 })
  homeMunicipalityCode!: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'home_municipality_code',
    foreignKeyConstraintName: 'jobseeker_municipality_fk',
  })
  readonly homeMunicipality?: Municipality;

  @Column({ name: 'home_latitude', type: 'double precision', nullable: true })
  homeLatitude!: number | null;

  @Column({ name: 'home_longitude', type: 'double precision', nullable: true })
  homeLongitude!: number | null;

  @Column({ name: 'max_commute_km', type: 'integer', nullable: true })
  maxCommuteKm!: number | null;

  @Column({ name: 'willing_to_relocate', type: 'boolean', default: false })
  willingToRelocate!: boolean;

  @Column({ name: 'willing_to_work_abroad', type: 'boolean', default: false })
  willingToWorkAbroad!: boolean;

  /** 'none' (on site only), 'hybrid', 'full' (remote only) or 'any'. */
  @Column({ name: 'remote_preference', type: 'text', default: 'any' })
  remotePreference!: string;

  @Column({ name: 'working_time_preferences', type: 'text', array: true, default: () => "'{}'" })
  workingTimePreferences!: string[];

  @Column({ name: 'contract_preferences', type: 'text', array: true, default: () => "'{}'" })
  contractPreferences!: string[];

  @Column({ name: 'earliest_start_date', type: 'date', nullable: true })
  earliestStartDate!: string | null;

  @Column({ name: 'desired_occupation_uris', type: 'text', array: true, default: () => "'{}'" })
  desiredOccupationUris!: string[];

  /** Skills the jobseeker wishes to use or learn (e.g. from their Job Market Finland profile): wishes, never claims; not scored. */
  @Column({ name: 'desired_skill_uris', type: 'text', array: true, default: () => "'{}'" })
  desiredSkillUris!: string[];

  /** Highest education as an EQF level (1–8). */
  @Column({ name: 'education_level', type: 'smallint', nullable: true })
  educationLevel!: number | null;

  @Column({ name: 'education_field', type: 'text', nullable: true })
  educationField!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  licences!: string[];

  @Column({ name: 'employment_status', type: 'text' })
  employmentStatus!: EmploymentStatus;

  /**
   * Business id (Y-tunnus) of the employer that laid the jobseeker off, for structural-change
   * cohorts; matching never reads it.
   */
  @Index('jobseeker_last_employer_idx')
  @Column({ name: 'last_employer_business_id', type: 'text', nullable: true })
  lastEmployerBusinessId!: string | null;

  /** The day the lay-off took effect (ISO date), with lastEmployerBusinessId. */
  @Column({ name: 'laid_off_on', type: 'date', nullable: true })
  laidOffOn!: string | null;

  /** For the area's statistics only: matching never reads it. */
  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear!: number | null;

  /** When the customer relationship ended (null while it lasts); retention counts from it. */
  @Index('jobseeker_relationship_ended_idx')
  @Column({ name: 'customer_relationship_ended_on', type: 'date', nullable: true })
  customerRelationshipEndedOn!: string | null;

  /**
   * When the customer relationship began, if known. A customer erased before may be registered
   * (or imported) again only with a relationship that began after the erasure.
   */
  @Column({ name: 'customer_since', type: 'date', nullable: true })
  customerSince!: string | null;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  /** Where this record last changed: an import reports a conflict instead of overwriting 'api'. */
  @Column({ name: 'last_changed_by', type: 'text', default: 'api' })
  lastChangedBy!: ChangeOrigin;

  @Column({ name: 'last_changed_at', type: 'timestamptz', default: () => 'now()' })
  lastChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Personal data of a jobseeker, kept apart from the matching data. */
@Entity({ name: 'jobseeker_personal_data' })
export class JobseekerPersonalData {
  @Column({ name: 'jobseeker_id', type: 'uuid', primary: true })
  jobseekerId!: string;

  @ManyToOne(() => Jobseeker, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'jobseeker_id',
    foreignKeyConstraintName: 'jobseeker_personal_data_jobseeker_fk',
  })
  readonly jobseeker?: Jobseeker;

  @Column({ name: 'first_name', type: 'text' })
  firstName!: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'street_address', type: 'text', nullable: true })
  streetAddress!: string | null;

  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ name: 'post_office', type: 'text', nullable: true })
  postOffice!: string | null;

  /** Where this record last changed: an import reports a conflict instead of overwriting 'api'. */
  @Column({ name: 'last_changed_by', type: 'text', default: 'api' })
  lastChangedBy!: ChangeOrigin;

  @Column({ name: 'last_changed_at', type: 'timestamptz', default: () => 'now()' })
  lastChangedAt!: Date;
}

@Entity({ name: 'jobseeker_language' })
@Check('jobseeker_language_level_check', `level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native')`)
export class JobseekerLanguage {
  @Column({ name: 'jobseeker_id', type: 'uuid', primary: true })
  jobseekerId!: string;

  @ManyToOne(() => Jobseeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jobseeker_id', foreignKeyConstraintName: 'jobseeker_language_jobseeker_fk' })
  readonly jobseeker?: Jobseeker;

  /** ISO 639-1 code. */
  @Column({ type: 'text', primary: true })
  language!: string;

  @Column({ type: 'text' })
  level!: LanguageLevel;
}
