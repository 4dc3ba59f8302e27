import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../kernel/paging/pagination';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';
import { LocalDate } from '../api/local-date.scalar';
import { REPLACES } from '../kernel/validation/update-rule';

export const TrainingModeEnum = domainEnum(
  DOMAIN_VALUES.mode,
  'TrainingMode',
  'How a training is given.',
  {
    CLASSROOM: 'On site, at the municipality given.',
    ONLINE: 'Online only; open wherever the learner lives.',
    BLENDED: 'Partly online, partly on site.',
  },
);
export type TrainingModeEnum = (typeof TrainingModeEnum)[keyof typeof TrainingModeEnum];

@ObjectType('TrainingSkill', { description: 'A skill a training teaches, and to what level.' })
export class TrainingSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => Int, { name: 'level', description: 'The level 1–5 it teaches to.' })
  levelReached!: number;
}

@ObjectType('Training', { description: 'A training.' })
export class TrainingType {
  @Field(() => ID, { description: "The training's id." }) id!: string;
  @Field({ description: 'Who gives the training.' }) provider!: string;
  @Field({ description: "The training's title." }) title!: string;
  @Field(() => Int, { description: 'Duration in days.' }) durationDays!: number;
  @Field(() => TrainingModeEnum, { description: 'How the training is given.' })
  mode!: TrainingModeEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Municipality code where held; null if online only.',
  })
  municipalityCode!: string | null;
  @Field(() => [LocalDate], { description: 'The days it starts.' })
  startDates!: string[];
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
  @Field(() => TrainingModeEnum, { description: 'How the training is given.' })
  mode!: TrainingModeEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Municipality code; required unless online.',
  })
  municipalityCode?: string | null;
  @Field(() => [LocalDate], { description: 'The days it starts.' })
  startDates!: string[];
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
  @Field(() => ID, { nullable: true, description: 'Teaching this ESCO skill.' })
  skillUri?: string;
}
