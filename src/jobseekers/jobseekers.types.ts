import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../kernel/paging/pagination';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';
import { LocalDate } from '../api/local-date.scalar';
import { ContractTypeEnum, WorkingTimeEnum } from '../vacancies/vacancies.types';
import { PATCHES, REPLACES } from '../kernel/validation/update-rule';

export const EmploymentStatusEnum = domainEnum(
  DOMAIN_VALUES.employmentStatus,
  'EmploymentStatus',
  'Employment status.',
  {
    UNEMPLOYED: 'Without work and looking for it.',
    LAID_OFF: 'Temporarily laid off (lomautettu) by an employer.',
    EMPLOYED: 'In work, looking for other work.',
    STUDENT: 'Studying, looking for work.',
  },
);
export type EmploymentStatusEnum = (typeof EmploymentStatusEnum)[keyof typeof EmploymentStatusEnum];
export const LanguageLevelEnum = domainEnum(
  DOMAIN_VALUES.languageLevel,
  'LanguageLevel',
  'A CEFR level, or native.',
  {
    A1: 'Beginner.',
    A2: 'Elementary.',
    B1: 'Intermediate.',
    B2: 'Upper intermediate.',
    C1: 'Advanced.',
    C2: 'Proficient, near native.',
    NATIVE: 'A mother tongue: above every CEFR level.',
  },
);
export type LanguageLevelEnum = (typeof LanguageLevelEnum)[keyof typeof LanguageLevelEnum];
export const AssessmentSourceEnum = domainEnum(
  DOMAIN_VALUES.source,
  'AssessmentSource',
  'Who assessed the competences.',
  {
    SELF_ASSESSMENT: 'The jobseeker, in their own words or by choosing skills.',
    COUNSELLOR_VERIFIED: 'A counsellor checked them with the jobseeker.',
    IMPORTED: 'Brought from another system (a bulk import or a Job Market Finland profile).',
  },
);
export type AssessmentSourceEnum = (typeof AssessmentSourceEnum)[keyof typeof AssessmentSourceEnum];
export const AssessmentStateEnum = domainEnum(
  DOMAIN_VALUES.assessmentState,
  'AssessmentState',
  'A draft is a suggestion waiting for the jobseeker or a counsellor to confirm it; only a confirmed assessment can be the active profile.',
  {
    DRAFT: 'A suggestion waiting to be confirmed; never matched.',
    CONFIRMED:
      'Confirmed by the jobseeker or a counsellor; the newest confirmed one is the active profile.',
  },
);
export type AssessmentStateEnum = (typeof AssessmentStateEnum)[keyof typeof AssessmentStateEnum];
export const AssessmentOriginEnum = domainEnum(
  DOMAIN_VALUES.assessmentOrigin,
  'AssessmentOrigin',
  "Where a draft came from: the jobseeker's own account of their work, or a Job Market Finland profile.",
  {
    OWN_WORDS: "The jobseeker's own account of their work, read by skill extraction.",
    JOB_MARKET_FINLAND:
      "The jobseeker's Job Market Finland competence profile, imported with their permit.",
  },
);
export type AssessmentOriginEnum = (typeof AssessmentOriginEnum)[keyof typeof AssessmentOriginEnum];
export const ConsentPurposeEnum = domainEnum(
  DOMAIN_VALUES.purpose,
  'ConsentPurpose',
  'What a consent allows.',
  {
    SHOW_PROFILE_TO_EMPLOYERS:
      "Employers may see the jobseeker's competence profile (pseudonymised) in their candidate lists.",
    LEARNING_ENVIRONMENT_SKILL_GAPS:
      "A learning environment may read the jobseeker's skill gaps to suggest trainings.",
  },
);
export type ConsentPurposeEnum = (typeof ConsentPurposeEnum)[keyof typeof ConsentPurposeEnum];

export const ProfileSectionEnum = domainEnum(
  DOMAIN_VALUES.profileSection,
  'ProfileSection',
  'The part of a Job Market Finland profile a claim stood in.',
  {
    EMPLOYMENT: 'A job in the work history.',
    EDUCATION: 'A degree or other education.',
    PROJECT: 'A project.',
    BUSINESS_ACTIVITY: 'Own business activity (entrepreneurship).',
    EXPERIENCE_DESCRIPTION: 'The free description of experience.',
  },
);
export type ProfileSectionEnum = (typeof ProfileSectionEnum)[keyof typeof ProfileSectionEnum];
export const RemotePreferenceEnum = domainEnum(
  DOMAIN_VALUES.remotePreference,
  'RemotePreference',
  'What remote work a jobseeker wants; a vacancy fits when its RemoteOption is one they accept.',
  {
    NONE: 'On-site work only.',
    HYBRID: 'Partly remote work.',
    FULL: 'Fully remote work only.',
    ANY: 'No preference: on site, hybrid or remote.',
  },
);
export type RemotePreferenceEnum = (typeof RemotePreferenceEnum)[keyof typeof RemotePreferenceEnum];

@ObjectType('JobseekerLanguage', { description: 'A language and its level.' })
export class JobseekerLanguageType {
  @Field({ description: 'ISO 639-1 code.' }) language!: string;
  @Field(() => LanguageLevelEnum, { description: 'How well the jobseeker speaks it.' })
  level!: LanguageLevelEnum;
}

@ObjectType('AssessedSkill', { description: 'A skill as assessed.' })
export class AssessedSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => Int, { name: 'level', description: 'Level 1 (basic) to 5 (expert).' })
  proficiency!: number;
  @Field(() => Int, { nullable: true, description: 'Months of experience.' }) experienceMonths!:
    number | null;
  @Field(() => Int, { nullable: true, description: 'The last year the skill was used.' })
  lastUsedYear!: number | null;
  @Field(() => String, { nullable: true, description: 'Evidence (a certificate, a work sample).' })
  evidence!: string | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'For a suggested skill: how sure the skill extraction was, 0–1; null when a person recorded it.',
  })
  confidence!: number | null;
  @Field(() => Int, {
    name: 'suggestedLevel',
    nullable: true,
    description:
      'For a suggested skill: the level first suggested, 1–5 (kept when the confirmer changed it).',
  })
  suggestedProficiency!: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'For a suggested skill: why that level was suggested (the words that decided it, or the default).',
  })
  levelReason!: string | null;
}

@ObjectType('SkillSupport', {
  description:
    "Words that support a suggested skill: the sentence of the jobseeker's account that names it, or the description of the Job Market Finland profile item that claims it, with the item. Shown to the jobseeker and their counsellors only.",
})
export class SkillSupportType {
  @Field({ description: 'The sentence or item description (at most 400 characters).' })
  words!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Where in the words the skill is named: first character.',
  })
  highlightStart!: number | null;
  @Field(() => Int, { nullable: true, description: 'One past the last character.' })
  highlightEnd!: number | null;
  @Field(() => AssessmentOriginEnum, {
    description:
      "Where the words came from: the jobseeker's own account, or their Job Market Finland profile (then see the section, item and the assessment's importedFrom for the profile's last-modified time and the transfer).",
  })
  source!: AssessmentOriginEnum;
  @Field(() => ProfileSectionEnum, {
    nullable: true,
    description: 'The part of the profile the words stood in; null for own words.',
  })
  section!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The title of that item (a job, a degree, a project); null for own words.',
  })
  itemTitle!: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day that item (a job, a degree) began.',
  })
  itemStartedOn!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'The day that item ended.' })
  itemEndedOn!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'The item is ongoing (or a degree unfinished); null for own words.',
  })
  itemOngoing!: boolean | null;
}

@ObjectType('CompetenceAssessment', {
  description:
    'A dated competence assessment; the newest confirmed one is the active profile. A draft waits for confirmation.',
})
export class CompetenceAssessmentType {
  /** Resolved by CompetenceAssessmentFieldResolver.id (employers get an id of their own). */
  id!: string;
  @Field(() => AssessmentSourceEnum, { description: 'Who assessed the skills.' })
  source!: AssessmentSourceEnum;
  @Field({
    description:
      'When: for a confirmed assessment, when it was recorded or confirmed; for a draft, when it was drafted.',
  })
  assessedAt!: Date;
  @Field(() => AssessmentStateEnum, { description: 'Draft or confirmed.' })
  state!: AssessmentStateEnum;
  @Field(() => AssessmentOriginEnum, {
    nullable: true,
    description: 'Where it came from, when it began as a draft; null when recorded as such.',
  })
  origin!: AssessmentOriginEnum | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was drafted, when it began as a draft.',
  })
  draftedAt!: Date | null;
}

@ObjectType('PersonalData', {
  description: "A jobseeker's personal data; every read is audit-logged.",
})
export class PersonalDataType {
  @Field({ description: 'First name.' }) firstName!: string;
  @Field({ description: 'Last name.' }) lastName!: string;
  @Field(() => String, { nullable: true, description: 'Email.' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Phone.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Street address.' }) streetAddress!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Postal code.' }) postalCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Post office.' }) postOffice!: string | null;
}

@ObjectType('Consent', { description: "A jobseeker's consent." })
export class ConsentType {
  @Field(() => ID, { description: "The consent's id, the one revokeConsent takes." }) id!: string;
  @Field(() => ConsentPurposeEnum, { description: 'What it allows.' }) purpose!: ConsentPurposeEnum;
  @Field({
    description: 'Who may receive: "all_employers", an employer id, or "learning_environment".',
  })
  recipient!: string;
  @Field({ description: 'Granted at.' }) grantedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Revoked at, if revoked.' })
  revokedAt!: Date | null;
}

@ObjectType('Jobseeker', {
  description:
    'A jobseeker: matching data; personal data only to those allowed, and audited. Employers see a pseudonym.',
})
export class JobseekerType {
  @Field(() => ID, {
    nullable: true,
    description: 'Identifier; null for employers, who get the pseudonym.',
  })
  id!: string | null;
  @Field({ description: 'Home municipality code.' }) homeMunicipalityCode!: string;
  @Field(() => Int, { nullable: true, description: 'Longest acceptable commute, km.' })
  maxCommuteKm!: number | null;
  @Field({ description: 'Willing to move for work.' }) willingToRelocate!: boolean;
  @Field({ description: 'Willing to work abroad.' }) willingToWorkAbroad!: boolean;
  @Field(() => RemotePreferenceEnum, { description: 'What remote work they want.' })
  remotePreference!: string;
  @Field(() => [WorkingTimeEnum], { description: 'Working times wanted.' })
  workingTimePreferences!: string[];
  @Field(() => [ContractTypeEnum], { description: 'Contract types wanted.' })
  contractPreferences!: string[];
  @Field(() => LocalDate, { nullable: true, description: 'The earliest day they can start work.' })
  earliestStartDate!: string | null;
  @Field(() => [ID], { description: 'Desired ESCO occupations.' })
  desiredOccupationUris!: string[];
  @Field(() => [ID], {
    description:
      "Desired ESCO skills: skills the jobseeker wishes to use (e.g. from their Job Market Finland profile's desired work). Wishes, never claims: not scored.",
  })
  desiredSkillUris!: string[];
  @Field(() => Int, { nullable: true, description: 'Highest education, EQF level.' })
  educationLevel!: number | null;
  @Field(() => String, { nullable: true, description: 'Field of education.' }) educationField!:
    string | null;
  @Field(() => [String], { description: 'Licences and cards.' }) licences!: string[];
  @Field(() => EmploymentStatusEnum, { description: 'Employment status.' })
  employmentStatus!: EmploymentStatusEnum;
  @Field(() => String, {
    nullable: true,
    description:
      'The business id (Y-tunnus) of the employer that laid the jobseeker off, for structural-change cohorts; matching never reads it. Null for employers, who see a pseudonym.',
  })
  lastEmployerBusinessId!: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day the lay-off by that employer took effect. Null for employers, who see a pseudonym.',
  })
  laidOffOn!: string | null;
}

export const JobseekerConnection = Connection(JobseekerType, 'Jobseeker');

@InputType({ description: 'A language and its level.' })
export class JobseekerLanguageInput {
  @Field({ description: 'ISO 639-1 code.' }) language!: string;
  @Field(() => LanguageLevelEnum, { description: 'How well the jobseeker speaks it.' })
  level!: LanguageLevelEnum;
}

@InputType({
  description: `A jobseeker's matching data. On update: ${PATCHES}`,
})
export class JobseekerInput {
  @Field({ nullable: true, description: 'Home municipality code.' }) homeMunicipalityCode?: string;
  @Field(() => Int, { nullable: true, description: 'Longest commute, km (0–500).' }) maxCommuteKm?:
    number | null;
  @Field({ nullable: true, description: 'Willing to relocate.' }) willingToRelocate?: boolean;
  @Field({ nullable: true, description: 'Willing to work abroad.' }) willingToWorkAbroad?: boolean;
  @Field(() => RemotePreferenceEnum, { nullable: true, description: 'What remote work they want.' })
  remotePreference?: string;
  @Field(() => [WorkingTimeEnum], { nullable: true, description: 'Working times wanted.' })
  workingTimePreferences?: string[];
  @Field(() => [ContractTypeEnum], { nullable: true, description: 'Contract types wanted.' })
  contractPreferences?: string[];
  @Field(() => LocalDate, { nullable: true, description: 'The earliest day they can start work.' })
  earliestStartDate?: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'When the customer relationship ended (null while it lasts); retention counts from it.',
  })
  customerRelationshipEndedOn?: string | null;
  @Field(() => [ID], { nullable: true, description: 'ESCO occupation URIs.' })
  desiredOccupationUris?: string[];
  @Field(() => Int, { nullable: true, description: 'EQF level 1–8.' }) educationLevel?:
    number | null;
  @Field(() => String, { nullable: true, description: 'Field of education.' }) educationField?:
    string | null;
  @Field(() => [String], { nullable: true, description: 'Licence and card codes.' })
  licences?: string[];
  @Field(() => EmploymentStatusEnum, { nullable: true, description: 'Employment status.' })
  employmentStatus?: EmploymentStatusEnum;
  @Field(() => Int, {
    nullable: true,
    description: 'Birth year, for statistics only; matching never reads it.',
  })
  birthYear?: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The business id (Y-tunnus, check digit checked) of the employer that laid the jobseeker off; null clears it.',
  })
  lastEmployerBusinessId?: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day the lay-off took effect: not in the future, not before 1990; null clears it.',
  })
  laidOffOn?: string | null;
  @Field(() => [JobseekerLanguageInput], {
    nullable: true,
    description: 'Languages (replaces the list).',
  })
  languages?: JobseekerLanguageInput[];
}

@InputType({
  description: `A jobseeker's personal data. In setJobseekerPersonalData: ${REPLACES}`,
})
export class PersonalDataInput {
  @Field({ description: 'First name.' }) firstName!: string;
  @Field({ description: 'Last name.' }) lastName!: string;
  @Field(() => String, { nullable: true, description: 'Email.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Street address.' }) streetAddress?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Postal code.' }) postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Post office.' }) postOffice?: string | null;
}

@InputType({ description: 'A new jobseeker.' })
export class CreateJobseekerInput extends JobseekerInput {
  @Field({
    description: 'Customer id in the national customer system (not the personal identity code).',
  })
  customerId!: string;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'When the customer relationship began (not after today). A customer whose data was erased is registered again only with a date after the erasure.',
  })
  customerSince?: string | null;
  @Field(() => PersonalDataInput, { description: 'Personal data.' })
  personalData!: PersonalDataInput;
}

@InputType({ description: 'An assessed skill.' })
export class AssessedSkillInput {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => Int, { description: 'Level 1 (basic) to 5 (expert).' }) level!: number;
  @Field(() => Int, { nullable: true, description: 'Months of experience (0–600).' })
  experienceMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Last year used.' }) lastUsedYear?:
    number | null;
  @Field(() => String, { nullable: true, description: 'Evidence, at most 2,000 characters.' })
  evidence?: string | null;
}

@InputType({ description: 'A skill of a draft, kept on confirmation with its level as confirmed.' })
export class ConfirmedSkillInput {
  @Field(() => ID, { description: "ESCO skill URI: one of the draft's skills." }) skillUri!: string;
  @Field(() => Int, { description: 'Level 1 (basic) to 5 (expert), as confirmed.' }) level!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Months of experience (0–600); omitted: as drafted.',
  })
  experienceMonths?: number | null;
}

@InputType({ description: 'A new competence assessment; it becomes the active profile.' })
export class CompetenceAssessmentInput {
  @Field(() => AssessmentSourceEnum, { description: 'Who assessed the skills.' })
  source!: AssessmentSourceEnum;
  @Field(() => [AssessedSkillInput], { description: 'The skills (at most 200).' })
  skills!: AssessedSkillInput[];
}

@InputType({ description: 'Which jobseekers to list.' })
export class JobseekerFilter {
  @Field(() => [String], { nullable: true, description: 'Only with these home municipalities.' })
  municipalityCodes?: string[];
  @Field(() => ID, {
    nullable: true,
    description: 'Only with this skill in their active profile.',
  })
  skillUri?: string;
  @Field(() => ID, { nullable: true, description: 'Only desiring this occupation.' })
  occupationUri?: string;
  @Field(() => [EmploymentStatusEnum], { nullable: true, description: 'Only in these statuses.' })
  statuses?: EmploymentStatusEnum[];
}

@InputType({
  description:
    'Finds a jobseeker by customer id or by name (one of them). Counsellors only, within their employment area, stating a purpose (X-Osaamo-Purpose): every jobseeker found is audit-logged with it, and a search that finds no one is logged too. Results by last name, first name, then id.',
})
export class JobseekerSearchInput {
  @Field(() => String, {
    nullable: true,
    description: 'Exactly this customer id in the national customer system.',
  })
  customerId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A name or its beginning, at least 2 characters: every word must begin the first or last name, in any order, case and accents aside ("virtanen", "Matti Virtanen", "hamalainen").',
  })
  name?: string | null;
}
