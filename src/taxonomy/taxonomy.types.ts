import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';

/** Label languages the API searches and returns. */
export const Language = domainEnum(
  DOMAIN_VALUES.language,
  'Language',
  'A language of labels and texts.',
  {
    EN: 'English.',
    FI: 'Finnish.',
    SV: 'Swedish.',
  },
);
export type Language = (typeof Language)[keyof typeof Language];

export const LabelKind = domainEnum(
  DOMAIN_VALUES.labelKind,
  'LabelKind',
  'Preferred (one per language), alternative, or hidden (misspellings and old terms).',
  {
    PREFERRED: 'The one name ESCO shows for the concept in a language.',
    ALTERNATIVE: 'Another accepted name (a synonym, a gendered form).',
    HIDDEN: 'Found by search but never shown: misspellings and old terms.',
  },
);
export type LabelKind = (typeof LabelKind)[keyof typeof LabelKind];

export const SkillRelationKind = domainEnum(
  DOMAIN_VALUES.skillRelationKind,
  'SkillRelationKind',
  'Whether ESCO marks a skill as essential or optional for an occupation or skill.',
  {
    ESSENTIAL: 'ESCO marks it essential.',
    OPTIONAL: 'ESCO marks it optional.',
  },
);
export type SkillRelationKind = (typeof SkillRelationKind)[keyof typeof SkillRelationKind];

@ObjectType({ description: 'One label of a concept in one language.' })
export class Label {
  @Field({ description: 'The label text.' })
  text!: string;

  @Field(() => Language, { description: 'Its language.' })
  language!: Language;

  @Field(() => LabelKind, { description: 'Preferred, alternative or hidden.' })
  kind!: LabelKind;
}

@ObjectType({ description: 'An ESCO skill or knowledge concept.' })
export class Skill {
  @Field(() => ID, { description: 'The ESCO concept URI, which identifies the skill.' })
  uri!: string;

  @Field(() => String, {
    nullable: true,
    description: 'ESCO skill type: "skill/competence" or "knowledge".',
  })
  skillType!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ESCO reuse level: transversal, cross-sector, sector-specific or occupation-specific.',
  })
  reuseLevel!: string | null;
}

@ObjectType({ description: 'An ESCO occupation.' })
export class Occupation {
  @Field(() => ID, { description: 'The ESCO concept URI, which identifies the occupation.' })
  uri!: string;

  @Field(() => String, { nullable: true, description: 'The ESCO occupation code, e.g. "2221.2".' })
  code!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The 4-digit ISCO-08 unit group the occupation belongs to.',
  })
  iscoGroupCode!: string | null;
}

@ObjectType({ description: 'A skill an occupation needs, and how much.' })
export class OccupationSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => SkillRelationKind, { description: 'Essential or optional for the occupation.' })
  relation!: SkillRelationKind;
}

@ObjectType({ description: 'An occupation that needs a skill, and how much.' })
export class SkillOccupation {
  @Field(() => Occupation, { description: 'The occupation.' })
  occupation!: Occupation;

  @Field(() => SkillRelationKind, { description: 'Essential or optional for the occupation.' })
  relation!: SkillRelationKind;
}

@ObjectType({ description: 'A skill ESCO relates to another skill (skill–skill relation).' })
export class RelatedSkill {
  @Field(() => Skill, { description: 'The related skill.' })
  skill!: Skill;

  @Field(() => SkillRelationKind, {
    description: 'Essential or optional: how ESCO qualifies the relation.',
  })
  relation!: SkillRelationKind;
}

@ObjectType({ description: 'A concept found by a search, with why it was found.' })
export class SearchMatch {
  @Field(() => Float, { description: 'Relevance in [0, 1]; results are sorted by it.' })
  score!: number;

  @Field({ description: 'The label that matched best.' })
  matchedLabel!: string;

  @Field(() => Language, { description: 'The language of the matched label.' })
  matchedLanguage!: Language;

  @Field(() => LabelKind, { description: 'The kind of the matched label.' })
  matchedLabelKind!: LabelKind;
}

@ObjectType({ description: 'A skill found by searchSkills.' })
export class SkillSearchResult extends SearchMatch {
  @Field(() => Skill, { description: 'The skill found.' })
  skill!: Skill;
}

@ObjectType({ description: 'An occupation found by searchOccupations.' })
export class OccupationSearchResult extends SearchMatch {
  @Field(() => Occupation, { description: 'The occupation found.' })
  occupation!: Occupation;
}
