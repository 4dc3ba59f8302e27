import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PERTURBED } from '../disclosure/disclosure-control';
import { ImportanceEnum } from '../vacancies/vacancies.types';
import { HeldSkillRelationEnum, SkillsMetType } from '../matches/matches.types';
import { TrainingModeEnum } from '../trainings/trainings.types';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';
import { LocalDate } from '../api/local-date.scalar';

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
  @Field(() => Float, {
    description: 'How sure, 0–1 (extractSkills returns only skills of at least 0.7).',
  })
  confidence!: number;
  @Field(() => [TextSpanType], { description: 'The words of the text that support it.' })
  evidence!: TextSpanType[];
  @Field({ description: 'Why, in words.' }) reason!: string;
}

@ObjectType('LinkedSkill', {
  description: 'An ESCO skill a sentence speaks of, ranked, with a calibrated confidence.',
})
export class LinkedSkillType extends ExtractedSkillType {
  @Field(() => Int, { description: 'Its rank within the sentence, 1 first.' }) rank!: number;
}

@ObjectType('SkillLinkSentence', {
  description: 'One sentence of a text with the skills it most likely speaks of, best first.',
})
export class SkillLinkSentenceType {
  @Field(() => Int, { description: 'First character of the sentence in the text.' })
  start!: number;
  @Field(() => Int, { description: 'One past its last character.' }) end!: number;
  @Field({ description: 'The sentence.' }) text!: string;
  @Field(() => [LinkedSkillType], {
    description:
      'Its skills, best first; confidence is calibrated (about the share of such answers a counsellor would keep).',
  })
  skills!: LinkedSkillType[];
}

export const SuggestionSourceEnum = domainEnum(
  DOMAIN_VALUES.suggestionSource,
  'SuggestionSource',
  'Why a skill is suggested.',
  {
    ESSENTIAL_FOR_OCCUPATION: 'ESCO marks it essential for the occupation of the vacancy.',
    OPTIONAL_FOR_OCCUPATION: 'ESCO marks it optional for the occupation of the vacancy.',
    FOUND_IN_TEXT: 'Found in the title or description of the ad.',
  },
);
export type SuggestionSourceEnum = (typeof SuggestionSourceEnum)[keyof typeof SuggestionSourceEnum];

@ObjectType('RequirementSuggestion', {
  description:
    'A suggested skill requirement for a draft profile; accept, edit or drop it with updateRequirementProfile.',
})
export class RequirementSuggestionType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field({ description: "The skill's preferred label in the language asked." }) label!: string;
  @Field(() => ImportanceEnum, { description: 'Suggested importance.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { name: 'requiredLevel', description: 'Suggested least level, 1–5.' })
  minProficiency!: number;
  @Field(() => [SuggestionSourceEnum], { description: 'Where the suggestion comes from.' })
  sources!: SuggestionSourceEnum[];
  @Field(() => Float, { nullable: true, description: 'For a skill found in the text: how sure.' })
  confidence!: number | null;
  @Field({ description: 'Why, in words.' }) reason!: string;
}

export const RequirementKindEnum = domainEnum(
  DOMAIN_VALUES.requirementKind,
  'RequirementKind',
  'What a requirement of a vacancy is about.',
  {
    SKILL: 'A required ESCO skill (the requirement is its URI).',
    LICENCE: 'A required licence or card (the requirement is its code).',
  },
);
export type RequirementKindEnum = (typeof RequirementKindEnum)[keyof typeof RequirementKindEnum];

@ObjectType('RequirementEffect', {
  description:
    'How one requirement shapes the candidate pool. Every count is exact for a counsellor (their area). For employers and admins the pools of changed profiles count people nobody lists to them, so they are ' +
    PERTURBED +
    '.',
})
export class RequirementEffectType {
  @Field(() => RequirementKindEnum, { description: 'A skill or a licence.' }) kind!: string;
  @Field({ description: 'The skill URI or the licence code.' }) requirement!: string;
  @Field({
    description: "The skill's preferred label, or the licence's name, in the language asked.",
  })
  label!: string;
  @Field(() => ImportanceEnum, {
    nullable: true,
    description: 'How much a skill matters; null for a licence.',
  })
  importance!: string | null;
  @Field(() => Int, {
    name: 'requiredLevel',
    nullable: true,
    description: 'The least level asked (skills).',
  })
  minProficiency!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The pool if it were dropped: exact for a counsellor; for others ' + PERTURBED + '.',
  })
  ifDropped!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'ifDropped − pool as shown (so for roles other than counsellor a difference of a perturbed count, never a count of its own; null when ifDropped is).',
  })
  moreIfDropped!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The pool if it were nice-to-have (null when it is): exact for a counsellor; for others ' +
      PERTURBED +
      '.',
  })
  ifOptional!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The pool with its minimum level one lower (null at level 1): exact for a counsellor; for others ' +
      PERTURBED +
      '.',
  })
  ifLevelLowered!: number | null;
}

@ObjectType('RequirementInsights', {
  description:
    "A vacancy's candidate pool and each requirement's effect on it: counted, never listed.",
})
export class RequirementInsightsType {
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field(() => Int, { description: 'The requirement profile revision counted.' }) revision!: number;
  @Field(() => Float, { description: 'Score a candidate needs to count.' }) threshold!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "Jobseekers passing the hard requirements with at least the threshold. For the saved profile exact, since every role allowed lists the same people with matchesForVacancy (a counsellor their area's); for a draft exact for a counsellor only, perturbed (or hidden) for others, as nobody lists a draft's pool.",
  })
  pool!: number | null;
  @Field(() => [RequirementEffectType], { description: 'Each skill requirement and licence.' })
  requirements!: RequirementEffectType[];
  @Field(() => RequirementEffectType, {
    nullable: true,
    description:
      'The requirement with the largest moreIfDropped as shown (none when none is above 0 or all are hidden).',
  })
  mostExcluding!: RequirementEffectType | null;
  @Field({ description: 'What the counts mean, in the language asked.' }) explanation!: string;
}

@ObjectType('RevisionComparison', {
  description: 'What changed between two revisions and how the pool changed, against today.',
})
export class RevisionComparisonType {
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field(() => Int, { description: 'The earlier revision.' }) from!: number;
  @Field(() => Int, { description: 'The later revision.' }) to!: number;
  @Field(() => [String], { description: 'The changes, one line each.' }) changes!: string[];
  @Field(() => Int, {
    nullable: true,
    description:
      'The pool of `from` against today: exact for a counsellor, and for others when `from` is the current revision (matchesForVacancy lists those people); otherwise ' +
      PERTURBED +
      '.',
  })
  poolFrom!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The pool of `to` against today, shown as poolFrom is.',
  })
  poolTo!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'poolTo − poolFrom as shown (null when either is hidden).',
  })
  poolChange!: number | null;
  @Field({ description: 'What changed and what it did to the pool, in the language asked.' })
  explanation!: string;
}

@ObjectType('RelatedHeldSkill', { description: 'A skill the jobseeker has, related to a gap.' })
export class RelatedHeldSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field({ description: "The held skill's preferred label in the language asked." }) label!: string;
  @Field(() => HeldSkillRelationEnum, { description: 'What it is to the skill of the gap.' })
  relation!: string;
  @Field(() => Int, { description: "The jobseeker's level." }) level!: number;
}

@ObjectType('SkillGapItem', { description: 'A skill missing or below the level asked.' })
export class SkillGapItemType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field({ description: "The skill's preferred label in the language asked." }) label!: string;
  @Field(() => ImportanceEnum, { description: 'How much it is needed.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { description: 'Level asked.' }) requiredLevel!: number;
  @Field(() => Int, {
    name: 'level',
    nullable: true,
    description: "The jobseeker's level (null: lacks it).",
  })
  currentLevel!: number | null;
  @Field(() => [RelatedHeldSkillType], { description: 'Related skills already held.' })
  related!: RelatedHeldSkillType[];
}

@ObjectType('SkillGap', { description: "A jobseeker's gaps against a vacancy or an occupation." })
export class SkillGapType {
  @Field(() => ID, { description: 'The jobseeker.' }) jobseekerId!: string;
  @Field({ description: 'The vacancy title or occupation label.' }) target!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The vacancy compared with (null when an occupation was).',
  })
  vacancyId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The ESCO occupation compared with (null when a vacancy was).',
  })
  occupationUri!: string | null;
  @Field(() => Int, {
    description:
      'Requirements met: skillsMet.met, counted as explainMatch counts them (a related skill, or a level below the one asked while it gives credit, counts).',
  })
  met!: number;
  @Field(() => SkillsMetType, {
    description: 'k of n: the same numbers explainMatch gives for a vacancy target.',
  })
  skillsMet!: SkillsMetType;
  @Field(() => [SkillGapItemType], {
    description:
      'Skills the jobseeker does not hold themselves, most important first (one may still be met through a related skill: see related and skillsMet).',
  })
  missing!: SkillGapItemType[];
  @Field(() => [SkillGapItemType], {
    description: 'Skills held below the level asked (met while they still give credit).',
  })
  underLevel!: SkillGapItemType[];
  @Field({ description: 'The gap summed up in the language asked.' }) explanation!: string;
}

@ObjectType('SkillClosed', {
  description: 'A skill a training adds or raises that vacancies ask for.',
})
export class SkillClosedType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field({ description: "The skill's preferred label in the language asked." }) label!: string;
  @Field(() => Int, { nullable: true, description: 'Level held before (null: none).' })
  levelBefore!: number | null;
  @Field(() => Int, { description: 'Level the training reaches.' }) levelAfter!: number;
}

@ObjectType('ScoreRaise', { description: 'A vacancy whose match the training raises.' })
export class ScoreRaiseType {
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field({ description: "The vacancy's title." }) title!: string;
  @Field(() => Float, { description: 'Score now, 0–1 (2 decimals).' }) before!: number;
  @Field(() => Float, { description: 'Score after the training, 0–1 (2 decimals).' })
  after!: number;
}

@ObjectType('TrainingSuggestion', {
  description:
    "A training ranked by how much it raises the jobseeker's matches to open vacancies they nearly match, weighted by open positions, by how near each is, and more for vacancies of the jobseeker's desired occupations.",
})
export class TrainingSuggestionType {
  @Field(() => ID, { description: 'The training.' }) trainingId!: string;
  @Field({ description: "The training's title." }) title!: string;
  @Field({ description: 'Who gives it.' }) provider!: string;
  @Field(() => TrainingModeEnum, { description: 'How the training is given.' }) mode!: string;
  @Field(() => String, { nullable: true, description: 'Where (null online).' })
  municipalityCode!: string | null;
  @Field(() => LocalDate, { description: 'The next day it starts.' }) nextStart!: string;
  @Field(() => Float, {
    description:
      'How much it helps, for ranking (2 decimals): Σ over the near vacancies of open positions × score gain × heading (up to 10 for a desired occupation, partly for one of the same ISCO group) × nearness ((score ÷ threshold)², at most 1).',
  })
  value!: number;
  @Field(() => [SkillClosedType], {
    description: 'Skills it adds or raises that vacancies ask for.',
  })
  closes!: SkillClosedType[];
  @Field(() => [ScoreRaiseType], { description: 'Up to 10, biggest gain first.' })
  raises!: ScoreRaiseType[];
  @Field(() => Int, {
    description:
      'Vacancies it brings to a score of 0.6 or more (vacancies of this jobseeker, not people: exact).',
  })
  broughtWithinReach!: number;
  @Field(() => ID, {
    nullable: true,
    description:
      "The jobseeker's desired occupation whose near vacancies it raises most (null: it raises none of a desired occupation); see `occupation`.",
  })
  occupationUri!: string | null;
  @Field(() => Int, {
    description:
      'How many near vacancies of that occupation it raises (0 when occupationUri is null).',
  })
  occupationVacancies!: number;
  @Field({
    description:
      'Why it helps, in the language asked: the skills it closes, for how many near vacancies, and the desired occupation they are in.',
  })
  reason!: string;
}

@ObjectType('SkillDemand', { description: 'A skill open vacancies want and jobseekers lack.' })
export class SkillDemandType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field({ description: "The skill's preferred label in the language asked." }) label!: string;
  @Field(() => Int, { description: 'Open vacancies asking for it (vacancies, not people: exact).' })
  vacancies!: number;
  @Field(() => Int, { description: 'Their open positions (exact).' }) positions!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "Jobseekers holding it at the level asked: exact for a counsellor asking only about their area's municipalities; otherwise " +
      PERTURBED +
      '.',
  })
  jobseekers!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'positions − jobseekers as shown (null when jobseekers is hidden).',
  })
  gap!: number | null;
}
