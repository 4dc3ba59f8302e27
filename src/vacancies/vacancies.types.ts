import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../kernel/paging/pagination';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';
import { LocalDate } from '../api/local-date.scalar';
import { PATCHES, REPLACES } from '../kernel/validation/update-rule';

export const VacancyStatusEnum = domainEnum(
  DOMAIN_VALUES.status,
  'VacancyStatus',
  'draft → open → closed or filled; a closed vacancy may reopen.',
  {
    DRAFT: 'Being written: not published and not matched; may open or close.',
    OPEN: 'Published and matched; may close or be filled.',
    CLOSED: 'No longer taking applications; may reopen.',
    FILLED: 'Someone was hired; final (no way back).',
  },
);
export type VacancyStatusEnum = (typeof VacancyStatusEnum)[keyof typeof VacancyStatusEnum];
/** The orders a vacancy list comes in; each ends with the id, so paging is stable. */
export const VacancyOrder = domainEnum(
  DOMAIN_VALUES.vacancyOrder,
  'VacancyOrder',
  'How a vacancy list is ordered; NEWEST unless asked otherwise.',
  {
    NEWEST: 'Newest first, by when the vacancy was created (the default).',
    DEADLINE: 'The soonest application deadline first; vacancies without a deadline last.',
    TITLE: 'By title, A to Z, case and accents aside.',
  },
);
export type VacancyOrder = (typeof VacancyOrder)[keyof typeof VacancyOrder];
export const VacancySourceEnum = domainEnum(
  DOMAIN_VALUES.vacancySource,
  'VacancySource',
  'Where the vacancy comes from.',
  {
    LOCAL: 'Entered in Osaamo by an employer or a counsellor.',
    NATIONAL: 'Copied from Job Market Finland (Työmarkkinatori).',
    EURES: 'Found through EURES, the European job mobility portal.',
  },
);
export type VacancySourceEnum = (typeof VacancySourceEnum)[keyof typeof VacancySourceEnum];
export const RemoteOptionEnum = domainEnum(
  DOMAIN_VALUES.remote,
  'RemoteOption',
  'Whether the work can be done remotely.',
  {
    NONE: 'On site only.',
    HYBRID: 'Partly remote, partly on site.',
    FULL: 'Fully remote.',
  },
);
export type RemoteOptionEnum = (typeof RemoteOptionEnum)[keyof typeof RemoteOptionEnum];
export const WorkingTimeEnum = domainEnum(
  DOMAIN_VALUES.workingTime,
  'WorkingTime',
  'Full or part time.',
  {
    FULL_TIME: 'Full-time work.',
    PART_TIME: 'Part-time work.',
  },
);
export type WorkingTimeEnum = (typeof WorkingTimeEnum)[keyof typeof WorkingTimeEnum];
export const ContractTypeEnum = domainEnum(
  DOMAIN_VALUES.contractType,
  'ContractType',
  'The kind of employment contract.',
  {
    PERMANENT: 'Until further notice (toistaiseksi voimassa oleva).',
    FIXED_TERM: 'For a fixed term.',
    SEASONAL: 'Seasonal work, e.g. harvest or summer tourism.',
    APPRENTICESHIP: 'An apprenticeship: work combined with vocational training.',
  },
);
export type ContractTypeEnum = (typeof ContractTypeEnum)[keyof typeof ContractTypeEnum];
export const ImportanceEnum = domainEnum(
  DOMAIN_VALUES.importance,
  'Importance',
  'How much a required skill matters.',
  {
    ESSENTIAL: 'Must have: weighs most in the skills score.',
    IMPORTANT: 'Should have: weighs less than an essential skill.',
    NICE_TO_HAVE: 'A plus: weighs least in the skills score.',
  },
);
export type ImportanceEnum = (typeof ImportanceEnum)[keyof typeof ImportanceEnum];
export const CefrLevelEnum = domainEnum(
  DOMAIN_VALUES.cefr,
  'CefrLevel',
  'A CEFR language level; "native" is not a requirement level.',
  {
    A1: 'Beginner.',
    A2: 'Elementary.',
    B1: 'Intermediate.',
    B2: 'Upper intermediate.',
    C1: 'Advanced.',
    C2: 'Proficient, near native.',
  },
);
export type CefrLevelEnum = (typeof CefrLevelEnum)[keyof typeof CefrLevelEnum];

@ObjectType('RequiredSkill', { description: 'A skill a vacancy requires.' })
export class RequiredSkillType {
  @Field(() => ID, { description: 'The ESCO skill URI.' }) skillUri!: string;
  @Field(() => ImportanceEnum, { description: 'Essential, important or nice to have.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { name: 'requiredLevel', description: 'The least level 1–5 the job needs.' })
  minProficiency!: number;
}

@ObjectType('RequiredLanguage', { description: 'A language a vacancy requires.' })
export class RequiredLanguageType {
  @Field({ description: 'ISO 639-1 code, e.g. "fi".' }) language!: string;
  @Field(() => CefrLevelEnum, { description: 'The lowest level the vacancy accepts.' })
  minLevel!: CefrLevelEnum;
  @Field({ description: 'An essential language is a hard requirement in matching.' })
  essential!: boolean;
}

@ObjectType('RequirementProfile', {
  description: 'What a vacancy requires; every change makes a new revision.',
})
export class RequirementProfileType {
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field(() => Int, {
    description: 'Grows by one on every change; updates name the revision they start from.',
  })
  revision!: number;
  @Field(() => Int, { nullable: true, description: 'Minimum EQF education level (1–8).' })
  minEducationLevel!: number | null;
  @Field(() => Int, { nullable: true, description: 'Minimum relevant experience in months.' })
  minExperienceMonths!: number | null;
  @Field(() => [String], { description: 'Licences and cards required, e.g. "driving_licence_c".' })
  licences!: string[];
  @Field({ description: 'Who made the current revision.' }) updatedBy!: string;
  @Field({ description: 'When the current revision was made.' }) updatedAt!: Date;
}

@ObjectType('Vacancy', { description: 'A vacancy.' })
export class VacancyType {
  @Field(() => ID, { description: "The vacancy's id." }) id!: string;
  @Field(() => ID, { description: 'The employer.' }) employerId!: string;
  @Field({ description: 'Title as advertised.' }) title!: string;
  @Field({ description: 'Description as advertised.' }) description!: string;
  @Field(() => ID, { nullable: true, description: 'The ESCO occupation URI.' }) occupationUri!:
    string | null;
  @Field({ description: 'Municipality code of the workplace.' }) municipalityCode!: string;
  @Field(() => Float, { nullable: true, description: "The workplace's latitude, if known." })
  latitude!: number | null;
  @Field(() => Float, { nullable: true, description: "The workplace's longitude, if known." })
  longitude!: number | null;
  @Field(() => RemoteOptionEnum, { description: 'Remote work option.' }) remote!: RemoteOptionEnum;
  @Field(() => WorkingTimeEnum, { description: 'Working time.' }) workingTime!: WorkingTimeEnum;
  @Field(() => ContractTypeEnum, { description: 'Contract type.' }) contractType!: ContractTypeEnum;
  @Field(() => Int, { description: 'Number of positions.' }) positions!: number;
  @Field(() => LocalDate, { nullable: true, description: 'The day the work starts.' })
  startDate!: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The last day to apply; an open vacancy closes after it.',
  })
  applicationDeadline!: string | null;
  @Field(() => VacancyStatusEnum, {
    description: 'Where the vacancy is in its life: draft, open, closed or filled.',
  })
  status!: VacancyStatusEnum;
  @Field(() => VacancySourceEnum, { description: 'Where the vacancy comes from.' })
  source!: VacancySourceEnum;
  @Field(() => String, { nullable: true, description: 'Id in the source system.' }) externalId!:
    string | null;
}

export const VacancyConnection = Connection(VacancyType, 'Vacancy');

@InputType({ description: `Fields of a vacancy. ${PATCHES}` })
export class VacancyInput {
  @Field({ nullable: true, description: 'Title, at most 200 characters.' }) title?: string;
  @Field({ nullable: true, description: 'Description, at most 20,000 characters.' })
  description?: string;
  @Field(() => ID, { nullable: true, description: 'ESCO occupation URI.' }) occupationUri?:
    string | null;
  @Field({ nullable: true, description: 'Municipality code of the workplace.' })
  municipalityCode?: string;
  @Field(() => Float, { nullable: true, description: 'Latitude of the workplace.' }) latitude?:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Longitude of the workplace.' }) longitude?:
    number | null;
  @Field(() => RemoteOptionEnum, { nullable: true, description: 'Remote option.' })
  remote?: RemoteOptionEnum;
  @Field(() => WorkingTimeEnum, { nullable: true, description: 'Working time.' })
  workingTime?: WorkingTimeEnum;
  @Field(() => ContractTypeEnum, { nullable: true, description: 'Contract type.' })
  contractType?: ContractTypeEnum;
  @Field(() => Int, { nullable: true, description: 'Positions, 1 to 1000.' }) positions?: number;
  @Field(() => LocalDate, { nullable: true, description: 'The day the work starts.' })
  startDate?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'The last day to apply.' })
  applicationDeadline?: string | null;
}

@InputType({ description: 'A new vacancy, created as a draft with an empty requirement profile.' })
export class CreateVacancyInput extends VacancyInput {
  @Field(() => ID, { description: 'The employer.' }) employerId!: string;
}

@InputType({ description: 'A required skill.' })
export class RequiredSkillInput {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => ImportanceEnum, { description: 'How much it matters.' }) importance!: ImportanceEnum;
  @Field(() => Int, { description: 'The least level 1–5 the job needs.' }) requiredLevel!: number;
}

@InputType({ description: 'A required language.' })
export class RequiredLanguageInput {
  @Field({ description: 'ISO 639-1 code.' }) language!: string;
  @Field(() => CefrLevelEnum, { description: 'The lowest level the vacancy accepts.' })
  minLevel!: CefrLevelEnum;
  @Field({ defaultValue: true, description: 'Whether it is a hard requirement.' })
  essential!: boolean;
}

@InputType({
  description: `A whole requirement profile: saved by updateRequirementProfile it replaces the current one as a new revision; sent to requirementInsights as its draft it is only counted. ${REPLACES}`,
})
export class RequirementProfileInput {
  @Field(() => [RequiredSkillInput], { description: 'Required skills (at most 100).' })
  skills!: RequiredSkillInput[];
  @Field(() => [RequiredLanguageInput], { description: 'Required languages.' })
  languages!: RequiredLanguageInput[];
  @Field(() => Int, { nullable: true, description: 'Minimum EQF level 1–8.' }) minEducationLevel?:
    number | null;
  @Field(() => Int, { nullable: true, description: 'Minimum experience in months.' })
  minExperienceMonths?: number | null;
  @Field(() => [String], { description: 'Licences and cards.' }) licences!: string[];
}

@InputType({ description: 'Which vacancies to list.' })
export class VacancyFilter {
  @Field(() => [String], { nullable: true, description: 'Only in these municipalities.' })
  municipalityCodes?: string[];
  @Field(() => ID, { nullable: true, description: 'Only for this ESCO occupation.' })
  occupationUri?: string;
  @Field(() => ID, { nullable: true, description: 'Only those requiring this ESCO skill.' })
  skillUri?: string;
  @Field(() => [VacancyStatusEnum], { nullable: true, description: 'Only in these statuses.' })
  statuses?: VacancyStatusEnum[];
  @Field(() => ID, { nullable: true, description: 'Only of this employer.' }) employerId?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Only those whose title or description contains every word of this text (anywhere in a word, so "hitsaaja" finds "putkihitsaaja"), case and accents aside; at most 200 characters.',
  })
  text?: string | null;
}
