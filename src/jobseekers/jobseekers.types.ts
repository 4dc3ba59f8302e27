import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../kernel/paging/pagination';
import { PATCHES } from '../kernel/validation/update-rule';
import { DOMAIN_VALUES, enumOf } from '../kernel/validation/domain-values';

export const EmploymentStatusEnum = enumOf(DOMAIN_VALUES.employmentStatus);
export type EmploymentStatusEnum = (typeof EmploymentStatusEnum)[keyof typeof EmploymentStatusEnum];
registerEnumType(EmploymentStatusEnum, {
  name: 'EmploymentStatus',
  description: 'Employment status.',
});
export const LanguageLevelEnum = enumOf(DOMAIN_VALUES.languageLevel);
export type LanguageLevelEnum = (typeof LanguageLevelEnum)[keyof typeof LanguageLevelEnum];
registerEnumType(LanguageLevelEnum, {
  name: 'LanguageLevel',
  description: 'A CEFR level, or native.',
});
export const AssessmentSourceEnum = enumOf(DOMAIN_VALUES.source);
export type AssessmentSourceEnum = (typeof AssessmentSourceEnum)[keyof typeof AssessmentSourceEnum];
registerEnumType(AssessmentSourceEnum, {
  name: 'AssessmentSource',
  description: 'Who assessed the competences.',
});
export const AssessmentStateEnum = enumOf(DOMAIN_VALUES.assessmentState);
export type AssessmentStateEnum = (typeof AssessmentStateEnum)[keyof typeof AssessmentStateEnum];
registerEnumType(AssessmentStateEnum, {
  name: 'AssessmentState',
  description:
    'A draft is a suggestion waiting for the jobseeker or a counsellor to confirm it; only a confirmed assessment can be the active profile.',
});
export const AssessmentOriginEnum = enumOf(DOMAIN_VALUES.assessmentOrigin);
export type AssessmentOriginEnum = (typeof AssessmentOriginEnum)[keyof typeof AssessmentOriginEnum];
registerEnumType(AssessmentOriginEnum, {
  name: 'AssessmentOrigin',
  description:
    "Where a draft came from: the jobseeker's own account of their work, or a Job Market Finland profile.",
});
export const ConsentPurposeEnum = enumOf(DOMAIN_VALUES.purpose);
export type ConsentPurposeEnum = (typeof ConsentPurposeEnum)[keyof typeof ConsentPurposeEnum];
registerEnumType(ConsentPurposeEnum, {
  name: 'ConsentPurpose',
  description: 'What a consent allows.',
});

@ObjectType('JobseekerLanguage', { description: 'A language and its level.' })
export class JobseekerLanguageType {
  @Field({ description: 'ISO 639-1 code.' }) language!: string;
  @Field(() => LanguageLevelEnum, { description: 'Level.' }) level!: LanguageLevelEnum;
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
  @Field(() => String, {
    nullable: true,
    description:
      'The part of the profile (employment, education, project, business_activity, experience_description); null for own words.',
  })
  section!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The title of that item (a job, a degree, a project); null for own words.',
  })
  itemTitle!: string | null;
  @Field(() => String, { nullable: true, description: "The item's start date." })
  itemStartedOn!: string | null;
  @Field(() => String, { nullable: true, description: "The item's end date." })
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
  @Field(() => AssessmentSourceEnum, { description: 'Who assessed.' })
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
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
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
  @Field({ description: 'Remote preference: none, hybrid, full or any.' })
  remotePreference!: string;
  @Field(() => [String], { description: 'Working times wanted.' })
  workingTimePreferences!: string[];
  @Field(() => [String], { description: 'Contract types wanted.' }) contractPreferences!: string[];
  @Field(() => String, { nullable: true, description: 'Earliest start date.' }) earliestStartDate!:
    string | null;
  @Field(() => [String], { description: 'Desired ESCO occupations.' })
  desiredOccupationUris!: string[];
  @Field(() => [String], {
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
}

export const JobseekerConnection = Connection(JobseekerType, 'Jobseeker');

@InputType({ description: 'A language and its level.' })
export class JobseekerLanguageInput {
  @Field({ description: 'ISO 639-1 code.' }) language!: string;
  @Field(() => LanguageLevelEnum, { description: 'Level.' }) level!: LanguageLevelEnum;
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
  @Field({ nullable: true, description: 'none, hybrid, full or any.' }) remotePreference?: string;
  @Field(() => [String], { nullable: true, description: 'full_time, part_time.' })
  workingTimePreferences?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'permanent, fixed_term, seasonal, apprenticeship.',
  })
  contractPreferences?: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) earliestStartDate?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'When the customer relationship ended, YYYY-MM-DD (null while it lasts); retention counts from it.',
  })
  customerRelationshipEndedOn?: string | null;
  @Field(() => [String], { nullable: true, description: 'ESCO occupation URIs.' })
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
  @Field(() => [JobseekerLanguageInput], {
    nullable: true,
    description: 'Languages (replaces the list).',
  })
  languages?: JobseekerLanguageInput[];
}

@InputType({ description: 'Personal data.' })
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
  @Field(() => String, {
    nullable: true,
    description:
      'When the customer relationship began, YYYY-MM-DD (not after today). A customer whose data was erased is registered again only with a date after the erasure.',
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
  @Field(() => AssessmentSourceEnum, { description: 'Who assessed.' })
  source!: AssessmentSourceEnum;
  @Field(() => [AssessedSkillInput], { description: 'The skills (at most 200).' })
  skills!: AssessedSkillInput[];
}

@InputType({ description: 'Which jobseekers to list.' })
export class JobseekerFilter {
  @Field(() => [String], { nullable: true, description: 'Only with these home municipalities.' })
  municipalityCodes?: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Only with this skill in their active profile.',
  })
  skillUri?: string;
  @Field(() => String, { nullable: true, description: 'Only desiring this occupation.' })
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
