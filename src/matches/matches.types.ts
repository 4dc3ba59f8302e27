import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportanceEnum } from '../employers/employers.types';
import { PageInfo } from '../graphql/pagination';
import { MatchScore } from '../../matching';

@ObjectType('ScoreComponent', {
  description: 'One part of a score; the contributions add up to the score.',
})
export class ScoreComponentType {
  @Field({
    description: 'skills, occupation, languages, education, experience, location or conditions.',
  })
  name!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'How well this part fits, 0–1; null when it could not be judged (no weight then).',
  })
  value!: number | null;
  @Field(() => Float, { description: 'Its share of the score.' }) weight!: number;
  @Field(() => Float, { description: 'value × weight.' }) contribution!: number;
}

@ObjectType('MatchedSkill', { description: 'A required skill the jobseeker has.' })
export class MatchedSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => ImportanceEnum, { description: 'How much the vacancy needs it.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { description: 'Level the vacancy needs.' }) requiredLevel!: number;
  @Field(() => Int, { description: "The jobseeker's level." }) candidateLevel!: number;
  @Field(() => Float, { description: 'Credit given, 0–1.' }) credit!: number;
}

@ObjectType('SkillMetThroughRelated', {
  description: 'A required skill met partly through a related skill the jobseeker has.',
})
export class SkillMetThroughRelatedType {
  @Field(() => ID, { description: 'The required ESCO skill.' }) skillUri!: string;
  @Field(() => ImportanceEnum, { description: 'How much the vacancy needs it.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { description: 'Level the vacancy needs.' }) requiredLevel!: number;
  @Field(() => ID, { description: "The jobseeker's related skill." }) viaSkillUri!: string;
  @Field({ description: 'How they relate: narrower, broader, related or co-essential.' })
  relation!: string;
  @Field(() => Float, { description: 'How close, 0–1.' }) similarity!: number;
  @Field(() => Int, { description: "The jobseeker's level in the related skill." })
  candidateLevel!: number;
  @Field(() => Float, { description: 'Credit given, 0–1 (always below a direct match).' })
  credit!: number;
}

@ObjectType('MissingSkill', { description: 'A required skill the jobseeker lacks.' })
export class MissingSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => ImportanceEnum, { description: 'How much the vacancy needs it.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { description: 'Level the vacancy needs.' }) requiredLevel!: number;
}

@ObjectType('Match', { description: 'A jobseeker–vacancy pair with its score and why.' })
export class MatchType {
  @Field(() => Float, { description: 'Score 0–1.' }) score!: number;
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field(() => [ScoreComponentType], { description: 'Each part of the score.' })
  components!: ScoreComponentType[];
  @Field(() => [MatchedSkillType], { description: 'Required skills the jobseeker has.' })
  matchedSkills!: MatchedSkillType[];
  @Field(() => [SkillMetThroughRelatedType], {
    description: 'Required skills met through a related skill.',
  })
  relatedSkills!: SkillMetThroughRelatedType[];
  @Field(() => [MissingSkillType], { description: 'Required skills the jobseeker lacks.' })
  missingSkills!: MissingSkillType[];
  @Field(() => [String], {
    description: 'Hard requirements failed (licence:x, language:x, location).',
  })
  hardFailures!: string[];
  @Field(() => String, {
    nullable: true,
    description: 'For a near miss: the one hard requirement it fails.',
  })
  nearMiss!: string | null;
  @Field(() => [String], { description: 'What could not be judged for lack of data.' })
  missingData!: string[];
  /** Internal: the jobseeker's id, for the jobseeker field. */
  candidateId!: string;
  /** Internal: the whole score, for the summary field. */
  breakdown!: MatchScore;
}

@ObjectType('MatchEdge', { description: 'A match in a ranked list.' })
export class MatchEdge {
  @Field({ description: 'Opaque position.' }) cursor!: string;
  @Field(() => MatchType, { description: 'The match.' }) node!: MatchType;
}

@ObjectType('MatchConnection', {
  description: 'A page of ranked matches, best first (score, then id).',
})
export class MatchConnection {
  @Field(() => [MatchEdge], { description: 'The matches of this page.' }) edges!: MatchEdge[];
  @Field(() => PageInfo, { description: 'Paging information.' }) pageInfo!: PageInfo;
}

@InputType({ description: 'Which matches to return.' })
export class MatchFilterInput {
  @Field(() => Float, {
    nullable: true,
    description: 'Only pairs at most this many km apart (0–2000).',
  })
  maxDistanceKm?: number | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'For a vacancy: people speaking all of these; for a person: vacancies requiring none but these (ISO 639-1).',
  })
  languages?: string[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Leave out matches scoring below this (0–1).',
  })
  minScore?: number | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Only the other side in these municipalities.',
  })
  municipalityCodes?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Also return pairs failing exactly one hard requirement, labelled with it.',
  })
  includeNearMisses?: boolean | null;
}

export enum OutcomeStatusEnum {
  PROPOSED = 'proposed',
  APPLIED = 'applied',
  INTERVIEWED = 'interviewed',
  HIRED = 'hired',
  REJECTED = 'rejected',
}
registerEnumType(OutcomeStatusEnum, {
  name: 'OutcomeStatus',
  description: 'What happened to a proposed match.',
});

@InputType({ description: 'What happened to a proposed match.' })
export class MatchOutcomeInput {
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field({
    description: 'The jobseeker: their id (counsellors) or the pseudonym an employer was shown.',
  })
  jobseeker!: string;
  @Field(() => OutcomeStatusEnum, { description: 'The outcome.' }) status!: OutcomeStatusEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Why; required for a rejection (at most 500 characters).',
  })
  reason?: string | null;
}

@ObjectType('MatchOutcome', { description: 'A recorded outcome of a match.' })
export class MatchOutcomeType {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field(() => OutcomeStatusEnum, { description: 'The outcome.' }) status!: OutcomeStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why.' }) reason!: string | null;
  @Field({ description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType('OutcomeCount', { description: 'How many matches ended in an outcome.' })
export class OutcomeCountType {
  @Field(() => OutcomeStatusEnum, { description: 'The outcome.' }) status!: OutcomeStatusEnum;
  @Field(() => Int, {
    nullable: true,
    description: 'How many; null when below 5 and shown to a role other than counsellor (privacy).',
  })
  count!: number | null;
}
