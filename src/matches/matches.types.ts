import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportanceEnum, VacancySourceEnum, WorkingTimeEnum } from '../vacancies/vacancies.types';
import { SourceStatus } from '../external/external-vacancy';
import { PageInfo } from '../kernel/paging/pagination';
import { DEFAULT_MATCH_PARAMS, MatchScore } from '../../matching';
import { PERTURBED } from '../disclosure/disclosure-control';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';

export const ScoreComponentEnum = domainEnum(
  DOMAIN_VALUES.scoreComponent,
  'ScoreComponentName',
  'A part of a match score; each has its own weight.',
  {
    SKILLS: 'The required skills met, directly or through related skills, by importance and level.',
    OCCUPATION: "How close the jobseeker's desired and past occupations are to the vacancy's.",
    LANGUAGES: 'The required languages spoken at the required level.',
    EDUCATION: 'Education level against the level required.',
    EXPERIENCE: 'Months of experience against the months required.',
    LOCATION: 'The commute from home, or remote work.',
    CONDITIONS: 'Working time, contract type and start date against what the jobseeker wants.',
  },
);
export type ScoreComponentEnum = (typeof ScoreComponentEnum)[keyof typeof ScoreComponentEnum];

export const HeldSkillRelationEnum = domainEnum(
  DOMAIN_VALUES.skillRelation,
  'HeldSkillRelation',
  'What a skill the jobseeker holds is to a skill required, in the ESCO skill graph.',
  {
    NARROWER: 'A narrower skill: a specialisation of the one required.',
    BROADER: 'A broader skill: the one required is a specialisation of it.',
    RELATED: 'ESCO relates the two skills (essential or optional).',
    CO_ESSENTIAL: 'Both are essential for many of the same occupations.',
  },
);
export type HeldSkillRelationEnum =
  (typeof HeldSkillRelationEnum)[keyof typeof HeldSkillRelationEnum];

@ObjectType('ScoreComponent', {
  description: 'One part of a score; the contributions add up to the score.',
})
export class ScoreComponentType {
  @Field(() => ScoreComponentEnum, { description: 'Which part of the score.' })
  name!: string;
  @Field(() => Float, {
    nullable: true,
    description:
      "How well this part fits, 0–1 (2 decimals); null when it could not be judged (no weight then). The occupation's is its fit times the skills value: a title counts as far as competence backs it.",
  })
  value!: number | null;
  @Field(() => Float, { description: 'Its share of the score (2 decimals).' }) weight!: number;
  @Field(() => Float, { description: 'value × weight, rounded to 2 decimals for display.' })
  contribution!: number;
  @Field(() => Float, {
    description: 'value × weight unrounded: the exact contributions add up to Match.exactScore.',
  })
  exactContribution!: number;
}

@ObjectType('MatchedSkill', { description: 'A required skill the jobseeker has.' })
export class MatchedSkillType {
  @Field(() => ID, { description: 'ESCO skill URI.' }) skillUri!: string;
  @Field(() => ImportanceEnum, { description: 'How much the vacancy needs it.' })
  importance!: ImportanceEnum;
  @Field(() => Int, { description: 'Level the vacancy needs.' }) requiredLevel!: number;
  @Field(() => Int, { name: 'level', description: "The jobseeker's level." })
  candidateLevel!: number;
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
  @Field(() => HeldSkillRelationEnum, {
    description: 'What the related skill is to the required one.',
  })
  relation!: string;
  @Field(() => Float, { description: 'How close, 0–1.' }) similarity!: number;
  @Field(() => Int, { name: 'level', description: "The jobseeker's level in the related skill." })
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

registerEnumType(SourceStatus, {
  name: 'SourceStatus',
  description: 'How an outside source fared for one query.',
  valuesConfig: {
    OK: { description: 'Answered (or answered from a fresh cache).' },
    STALE: { description: 'Down or failing; an older cached answer was used.' },
    TIMED_OUT: { description: 'Did not answer within the time budget.' },
    RATE_LIMITED: { description: 'Asked us to slow down (429, or our own rate limit).' },
    CIRCUIT_OPEN: { description: 'Failed repeatedly; not asked until it has had time to recover.' },
    UNAVAILABLE: { description: 'Failed: an error, a dropped connection or an unreadable answer.' },
    NOT_CONFIGURED: { description: 'No address or credentials configured.' },
    NOT_NEEDED: {
      description: 'Not asked: enough local matches, not wanted, or not for this jobseeker.',
    },
  },
});

@ObjectType('SourceReport', {
  description: 'Whether an outside source was asked, and how it went.',
})
export class SourceReportType {
  @Field(() => VacancySourceEnum, { description: 'NATIONAL (Job Market Finland) or EURES.' })
  source!: VacancySourceEnum;
  @Field({ description: 'Whether the query needed this source.' }) asked!: boolean;
  @Field(() => Int, { description: 'How many vacancies it gave (before ranking and filters).' })
  returned!: number;
  @Field(() => SourceStatus, { description: 'How it went.' }) status!: SourceStatus;
  @Field({ description: 'Answered from the cache.' }) fromCache!: boolean;
}

@ObjectType('ExternalVacancy', {
  description:
    'A vacancy from Job Market Finland or EURES: shown with a link to the original, never stored as a local vacancy.',
})
export class ExternalVacancyType {
  @Field(() => VacancySourceEnum, { description: 'Where it comes from.' })
  source!: VacancySourceEnum;
  @Field({ description: "The source's own id." }) externalId!: string;
  @Field({ description: 'Title as the source gives it.' }) title!: string;
  @Field({ description: 'The description as plain text.' }) description!: string;
  @Field({ description: 'The original ad.' }) url!: string;
  @Field(() => String, { nullable: true, description: 'The employer, when the source names one.' })
  employerName!: string | null;
  @Field({ description: 'Country (ISO 3166 alpha-2).' }) country!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Municipality code (Finland) or NUTS code (EURES).',
  })
  locationCode!: string | null;
  @Field(() => ID, { nullable: true, description: 'ESCO occupation, when known.' })
  occupationUri!: string | null;
  @Field(() => WorkingTimeEnum, { description: 'Full or part time.' })
  workingTime!: WorkingTimeEnum;
  @Field({ description: 'When it was published.' }) publishedAt!: Date;
  @Field({ description: 'Application deadline, or when we stop showing it.' }) expiresAt!: Date;
}

const SKILLS_MET_RULE =
  'A requirement is met when the jobseeker has the skill, or a related skill, giving it some credit: a related skill counts, and so does a level below the one asked while any credit remains (at the default penalty, a claim four levels short gives none).';

@ObjectType('SkillsMet', {
  description: `"Meets k of n required skills", counted one way everywhere (explainMatch, the match lists, skillGap). ${SKILLS_MET_RULE}`,
})
export class SkillsMetType {
  @Field(() => Int, { description: 'k: requirements met, directly or through a related skill.' })
  met!: number;
  @Field(() => Int, {
    description: 'Of those, met through a related skill (the jobseeker lacks the skill itself).',
  })
  throughRelated!: number;
  @Field(() => Int, { description: 'n: every skill requirement, whatever its importance.' })
  required!: number;
  @Field(() => Int, { description: 'Essential requirements met.' }) essentialMet!: number;
  @Field(() => Int, { description: 'Essential requirements.' }) essentialRequired!: number;
}

@ObjectType('Match', { description: 'A jobseeker–vacancy pair with its score and why.' })
export class MatchType {
  @Field(() => Float, {
    description:
      'Score 0–1 rounded to 2 decimals, as shown to people (two matches may show the same score; the ranking uses exactScore).',
  })
  score!: number;
  @Field(() => Float, {
    description: 'The score unrounded, for integrators: ranks, floors and sums use this one.',
  })
  exactScore!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Km between the jobseeker's and the vacancy's locations (great-circle), the distance the location part of the score judges: null when either location is not known.",
  })
  distanceKm!: number | null;
  @Field(() => ID, {
    description: 'The vacancy: a local id, or `national:…` / `eures:…` for an outside one.',
  })
  vacancyId!: string;
  @Field(() => VacancySourceEnum, { description: 'LOCAL, NATIONAL or EURES.' })
  source!: VacancySourceEnum;
  @Field(() => ExternalVacancyType, {
    nullable: true,
    description: 'The outside vacancy (null for a local one; then see `vacancy`).',
  })
  externalVacancy!: ExternalVacancyType | null;
  @Field(() => [ScoreComponentType], { description: 'Each part of the score.' })
  components!: ScoreComponentType[];
  @Field(() => [MatchedSkillType], { description: 'Required skills the jobseeker has.' })
  matchedSkills!: MatchedSkillType[];
  @Field(() => [SkillMetThroughRelatedType], {
    description: 'Required skills met through a related skill.',
  })
  relatedSkills!: SkillMetThroughRelatedType[];
  @Field(() => SkillsMetType, {
    description:
      'How many required skills the pair meets (k of n), as the summary and skillGap count them.',
  })
  skillsMet!: SkillsMetType;
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
  @Field(() => [String], {
    description:
      "What could not be judged for lack of data, as codes (the summary says them in words): vacancy-skills (the vacancy lists no required skills), jobseeker-skills (no competence profile), education, experience (the jobseeker's is not known), location (the jobseeker's or the vacancy's is not known).",
  })
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
  // No totalCount: the ranking keeps only the best offset + first + 1 pairs, and counting every
  // pair that passes the filter and the floor would walk the whole index for each page.
  @Field(() => [SourceReportType], {
    description:
      'matchesForJobseeker: how each outside source fared (empty for matchesForVacancy and for roles that do not see outside vacancies).',
  })
  sources!: SourceReportType[];
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
    description: `Leave out matches scoring below this (0–1). Set (0 included), it is the whole floor: pairs meeting no essential skill are listed too. Unset, and without includeNearMisses: true, the default floor applies: a score of at least MatchParams.defaultMinScore (${DEFAULT_MATCH_PARAMS.defaultMinScore} unless configured) and at least one of the vacancy's essential skills met (see SkillsMet; a vacancy naming no essential skill is not left out by this).`,
  })
  minScore?: number | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Only the other side in these municipalities.',
  })
  municipalityCodes?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also return pairs failing exactly one hard requirement, labelled with it. True without a minScore also lifts the default floor (no least score, pairs meeting no essential skill listed too), so near misses and weak pairs are available when asked for; with a minScore, that score still applies.',
  })
  includeNearMisses?: boolean | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'For a person: only outside vacancies in these countries (ISO 3166 alpha-2, e.g. "SE"); naming any asks EURES.',
  })
  countries?: string[] | null;
}

export const OutcomeStatusEnum = domainEnum(
  DOMAIN_VALUES.outcomeStatus,
  'OutcomeStatus',
  'What happened to a proposed match.',
  {
    PROPOSED: 'The match was put to the jobseeker or the employer.',
    APPLIED: 'The jobseeker applied.',
    INTERVIEWED: 'The employer interviewed the jobseeker.',
    HIRED: 'The jobseeker was hired; final.',
    REJECTED: 'Not taken further by either side; a reason is required.',
  },
);
export type OutcomeStatusEnum = (typeof OutcomeStatusEnum)[keyof typeof OutcomeStatusEnum];

@InputType({ description: 'What happened to a proposed match.' })
export class MatchOutcomeInput {
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field({
    description: 'The jobseeker: their id (counsellors) or the pseudonym an employer was shown.',
  })
  jobseeker!: string;
  @Field(() => OutcomeStatusEnum, { description: 'What happened to the match.' })
  status!: OutcomeStatusEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Why; required for a rejection (at most 500 characters).',
  })
  reason?: string | null;
}

@ObjectType('MatchOutcome', { description: 'A recorded outcome of a match.' })
export class MatchOutcomeType {
  @Field(() => ID, { description: "The outcome's id." }) id!: string;
  @Field(() => ID, { description: 'The vacancy.' }) vacancyId!: string;
  @Field(() => OutcomeStatusEnum, { description: 'What happened to the match.' })
  status!: OutcomeStatusEnum;
  @Field(() => String, {
    nullable: true,
    description: 'The reason given with it (always given for a rejection).',
  })
  reason!: string | null;
  @Field({ description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType('OutcomeCount', { description: 'How many matches ended in an outcome.' })
export class OutcomeCountType {
  @Field(() => OutcomeStatusEnum, { description: 'What happened to the match.' })
  status!: OutcomeStatusEnum;
  @Field(() => Int, {
    nullable: true,
    description:
      "How many: exact for a counsellor (the outcomes of their area's jobseekers); for employers and admins, who cannot list these people, " +
      PERTURBED +
      '.',
  })
  count!: number | null;
}
