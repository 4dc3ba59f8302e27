import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../kernel/paging/pagination';
import { PATCHES, REPLACES } from '../kernel/validation/update-rule';
import { DOMAIN_VALUES, enumOf } from '../kernel/validation/domain-values';

export const VacancyStatusEnum = enumOf(DOMAIN_VALUES.status);
export type VacancyStatusEnum = (typeof VacancyStatusEnum)[keyof typeof VacancyStatusEnum];
registerEnumType(VacancyStatusEnum, {
  name: 'VacancyStatus',
  description: 'draft → open → closed or filled; a closed vacancy may reopen.',
});
/** The orders a vacancy list comes in; each ends with the id, so paging is stable. */
export const VacancyOrder = enumOf(DOMAIN_VALUES.vacancyOrder);
export type VacancyOrder = (typeof VacancyOrder)[keyof typeof VacancyOrder];
registerEnumType(VacancyOrder, {
  name: 'VacancyOrder',
  description: 'How a vacancy list is ordered; NEWEST unless asked otherwise.',
  valuesConfig: {
    NEWEST: { description: 'Newest first, by when the vacancy was created (the default).' },
    DEADLINE: {
      description: 'The soonest application deadline first; vacancies without a deadline last.',
    },
    TITLE: { description: 'By title, A to Z, case and accents aside.' },
  },
});
export const VacancySourceEnum = enumOf(DOMAIN_VALUES.vacancySource);
export type VacancySourceEnum = (typeof VacancySourceEnum)[keyof typeof VacancySourceEnum];
registerEnumType(VacancySourceEnum, {
  name: 'VacancySource',
  description: 'Where the vacancy comes from.',
});
export const RemoteOptionEnum = enumOf(DOMAIN_VALUES.remote);
export type RemoteOptionEnum = (typeof RemoteOptionEnum)[keyof typeof RemoteOptionEnum];
registerEnumType(RemoteOptionEnum, {
  name: 'RemoteOption',
  description: 'Whether the work can be done remotely.',
});
export const WorkingTimeEnum = enumOf(DOMAIN_VALUES.workingTime);
export type WorkingTimeEnum = (typeof WorkingTimeEnum)[keyof typeof WorkingTimeEnum];
registerEnumType(WorkingTimeEnum, { name: 'WorkingTime', description: 'Full or part time.' });
export const ContractTypeEnum = enumOf(DOMAIN_VALUES.contractType);
export type ContractTypeEnum = (typeof ContractTypeEnum)[keyof typeof ContractTypeEnum];
registerEnumType(ContractTypeEnum, {
  name: 'ContractType',
  description: 'The kind of employment contract.',
});
export const ImportanceEnum = enumOf(DOMAIN_VALUES.importance);
export type ImportanceEnum = (typeof ImportanceEnum)[keyof typeof ImportanceEnum];
registerEnumType(ImportanceEnum, {
  name: 'Importance',
  description: 'How much a required skill matters.',
});
export const CefrLevelEnum = enumOf(DOMAIN_VALUES.cefr);
export type CefrLevelEnum = (typeof CefrLevelEnum)[keyof typeof CefrLevelEnum];
registerEnumType(CefrLevelEnum, {
  name: 'CefrLevel',
  description: 'A CEFR language level; "native" is not a requirement level.',
});

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
  @Field(() => CefrLevelEnum, { description: 'Minimum level.' }) minLevel!: CefrLevelEnum;
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
  @Field({ description: 'When.' }) updatedAt!: Date;
}

@ObjectType('Vacancy', { description: 'A vacancy.' })
export class VacancyType {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The employer.' }) employerId!: string;
  @Field({ description: 'Title as advertised.' }) title!: string;
  @Field({ description: 'Description as advertised.' }) description!: string;
  @Field(() => String, { nullable: true, description: 'The ESCO occupation URI.' }) occupationUri!:
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
  @Field(() => String, { nullable: true, description: 'Start date (YYYY-MM-DD).' }) startDate!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Application deadline (YYYY-MM-DD); open vacancies close after it.',
  })
  applicationDeadline!: string | null;
  @Field(() => VacancyStatusEnum, { description: 'Status.' }) status!: VacancyStatusEnum;
  @Field(() => VacancySourceEnum, { description: 'Source.' }) source!: VacancySourceEnum;
  @Field(() => String, { nullable: true, description: 'Id in the source system.' }) externalId!:
    string | null;
}

export const VacancyConnection = Connection(VacancyType, 'Vacancy');

@InputType({ description: `Fields of a vacancy. ${PATCHES}` })
export class VacancyInput {
  @Field({ nullable: true, description: 'Title, at most 200 characters.' }) title?: string;
  @Field({ nullable: true, description: 'Description, at most 20,000 characters.' })
  description?: string;
  @Field(() => String, { nullable: true, description: 'ESCO occupation URI.' }) occupationUri?:
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
  @Field(() => String, { nullable: true, description: 'Start date (YYYY-MM-DD).' }) startDate?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Application deadline (YYYY-MM-DD).' })
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
  @Field(() => CefrLevelEnum, { description: 'Minimum level.' }) minLevel!: CefrLevelEnum;
  @Field({ defaultValue: true, description: 'Whether it is a hard requirement.' })
  essential!: boolean;
}

@InputType({
  description: `A whole requirement profile: it replaces the current one as a new revision. ${REPLACES}`,
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
  @Field(() => String, { nullable: true, description: 'Only for this ESCO occupation.' })
  occupationUri?: string;
  @Field(() => String, { nullable: true, description: 'Only those requiring this ESCO skill.' })
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
