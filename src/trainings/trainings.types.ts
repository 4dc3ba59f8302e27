import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../kernel/paging/pagination';
import { REPLACES } from '../kernel/validation/update-rule';
import { DOMAIN_VALUES, enumOf } from '../kernel/validation/domain-values';

export const TrainingModeEnum = enumOf(DOMAIN_VALUES.mode);
export type TrainingModeEnum = (typeof TrainingModeEnum)[keyof typeof TrainingModeEnum];
registerEnumType(TrainingModeEnum, {
  name: 'TrainingMode',
  description: 'How a training is given.',
});

@ObjectType('TrainingSkill', { description: 'A skill a training teaches, and to what level.' })
export class TrainingSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => Int, { name: 'level', description: 'The level 1–5 it teaches to.' })
  levelReached!: number;
}

@ObjectType('Training', { description: 'A training.' })
export class TrainingType {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'Provider.' }) provider!: string;
  @Field({ description: 'Title.' }) title!: string;
  @Field(() => Int, { description: 'Duration in days.' }) durationDays!: number;
  @Field(() => TrainingModeEnum, { description: 'Mode.' }) mode!: TrainingModeEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Municipality code where held; null if online only.',
  })
  municipalityCode!: string | null;
  @Field(() => [String], { description: 'Start dates (YYYY-MM-DD).' }) startDates!: string[];
  @Field(() => String, { nullable: true, description: 'Link to the training.' }) url!:
    string | null;
}

export const TrainingConnection = Connection(TrainingType, 'Training');

@InputType({ description: 'A skill a training teaches.' })
export class TrainingSkillInput {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => Int, { description: 'The level 1–5 it teaches to.' }) level!: number;
}

@InputType({ description: `A training. On update: ${REPLACES}` })
export class TrainingInput {
  @Field({ description: 'Provider, at most 200 characters.' }) provider!: string;
  @Field({ description: 'Title, at most 200 characters.' }) title!: string;
  @Field(() => Int, { description: 'Duration in days (1–1000).' }) durationDays!: number;
  @Field(() => TrainingModeEnum, { description: 'Mode.' }) mode!: TrainingModeEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Municipality code; required unless online.',
  })
  municipalityCode?: string | null;
  @Field(() => [String], { description: 'Start dates (YYYY-MM-DD).' }) startDates!: string[];
  @Field(() => String, { nullable: true, description: 'An https link.' }) url?: string | null;
  @Field(() => [TrainingSkillInput], { description: 'Skills taught (1–50).' })
  skills!: TrainingSkillInput[];
}

@InputType({ description: 'Which trainings to list.' })
export class TrainingFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Held in these municipalities (online ones always match).',
  })
  municipalityCodes?: string[];
  @Field(() => String, { nullable: true, description: 'Teaching this ESCO skill.' })
  skillUri?: string;
}
