import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportanceEnum } from '../employers/employers.types';

@ObjectType('TextSpan', { description: 'Where in the text: characters start (inclusive) to end.' })
export class TextSpanType {
  @Field(() => Int, { description: 'First character.' }) start!: number;
  @Field(() => Int, { description: 'One past the last character.' }) end!: number;
  @Field({ description: 'The words there.' }) text!: string;
}

@ObjectType('ExtractedSkill', { description: 'An ESCO skill found in a free text, with why.' })
export class ExtractedSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field({ description: 'The label that matched, in its language.' }) label!: string;
  @Field(() => Float, { description: 'How sure, 0–1 (only skills above 0.7 are returned).' })
  confidence!: number;
  @Field(() => [TextSpanType], { description: 'The words of the text that support it.' })
  evidence!: TextSpanType[];
  @Field({ description: 'Why, in words.' }) reason!: string;
}

export enum SuggestionSourceEnum {
  ESSENTIAL_FOR_OCCUPATION = 'essential_for_occupation',
  OPTIONAL_FOR_OCCUPATION = 'optional_for_occupation',
  FOUND_IN_TEXT = 'found_in_text',
}
registerEnumType(SuggestionSourceEnum, {
  name: 'SuggestionSource',
  description: 'Why a skill is suggested.',
});

@ObjectType('RequirementSuggestion', {
  description:
    'A suggested skill requirement for a draft profile; accept, edit or drop it with updateRequirementProfile.',
})
export class RequirementSuggestionType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field({ description: 'Its label.' }) label!: string;
  @Field(() => ImportanceEnum, { description: 'Suggested importance.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { description: 'Suggested minimum level, 1–5.' }) minProficiency!: number;
  @Field(() => [SuggestionSourceEnum], { description: 'Where the suggestion comes from.' })
  sources!: SuggestionSourceEnum[];
  @Field(() => Float, { nullable: true, description: 'For a skill found in the text: how sure.' })
  confidence!: number | null;
  @Field({ description: 'Why, in words.' }) reason!: string;
}
