import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { domainEnum } from '../api/domain-enum.types';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { BEST_KEPT } from '../../matching';
import { PERTURBED } from '../disclosure/disclosure-control';
import {
  occupationLink,
  optionalSkillLink,
  skillListLink,
  trainingLink,
  vacancyLink,
} from '../api/links.resolver';

export const CohortSourceEnum = domainEnum(
  DOMAIN_VALUES.cohortSource,
  'CohortSource',
  'How the members of a cohort were named when it was created.',
  {
    JOBSEEKERS: 'By jobseeker ids.',
    EMPLOYER: 'By the business id of the employer that laid them off.',
    CUSTOMER_FILE: 'By a JSON Lines file of customer ids.',
  },
);
export type CohortSourceEnum = (typeof CohortSourceEnum)[keyof typeof CohortSourceEnum];

export const CohortAccessEnum = domainEnum(
  DOMAIN_VALUES.cohortAccess,
  'CohortAccess',
  'What the reader gets of a cohort.',
  {
    FULL: 'A counsellor of the cohort’s employment area: its people and exact counts (they can list them anyway).',
    AGGREGATE: `Everyone else: no persons, and every count of people ${PERTURBED}.`,
  },
);
export type CohortAccessEnum = (typeof CohortAccessEnum)[keyof typeof CohortAccessEnum];

/** What a count of people is, in the schema's words. */
const PEOPLE = `Exact for a counsellor of the cohort’s area; for other readers ${PERTURBED}.`;

@ObjectType('Cohort', {
  description:
    'A group of jobseekers analysed together, such as the people a plant laid off. Its members are fixed when it is created.',
})
export class CohortType {
  @Field(() => ID, { description: 'The cohort id.' })
  id!: string;

  @Field({ description: 'The name a counsellor gave it.' })
  name!: string;

  @Field({ description: 'The employment area whose counsellors read it in full.' })
  employmentArea!: string;

  @Field(() => CohortSourceEnum, { description: 'How its members were named.' })
  source!: CohortSourceEnum;

  @Field(() => String, {
    nullable: true,
    description: 'The employer that laid the members off, when the cohort was named by it.',
  })
  employerBusinessId!: string | null;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Int, { nullable: true, description: `Its members. ${PEOPLE}` })
  members!: number | null;

  @Field(() => CohortAccessEnum, { description: 'What the reader gets of it.' })
  access!: CohortAccessEnum;
}

@InputType({ description: 'A new cohort: a name and its members, named in exactly one way.' })
export class CreateCohortInput {
  @Field({ description: 'A name, 1 to 200 characters, e.g. "Tehdas X, lomautukset 10/2026".' })
  name!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Jobseekers of your area by id (at most 2,000).',
  })
  jobseekerIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The business id of the employer that laid them off: every jobseeker of your area whose last employer it is.',
  })
  employerBusinessId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A JSON Lines text, one {"customerId": "..."} a line (blank lines and // comments skipped), at most 200,000 characters: lines naming a jobseeker of your area become members; the others are reported in unknownLines.',
  })
  customerIdsJsonl?: string | null;
}

@ObjectType('CohortUnknownLine', {
  description: 'A line of a customer-id file that named nobody of your area.',
})
export class UnknownLineType {
  @Field(() => Int, { description: 'The line number (from 1).' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'The customer id the line gave, if any.' })
  customerId!: string | null;

  @Field({ description: 'Why it named nobody.' })
  reason!: string;
}

@ObjectType('CreateCohortPayload', { description: 'The cohort created and what was left out.' })
export class CreateCohortPayload {
  @Field(() => CohortType, { description: 'The cohort.' })
  cohort!: CohortType;

  @Field(() => [UnknownLineType], {
    description: 'Lines of a customer-id file that named nobody of your area (none otherwise).',
  })
  unknownLines!: UnknownLineType[];

  @Field(() => Int, {
    nullable: true,
    description: `Named by an employer: the people it laid off who live outside your area, left out (${PERTURBED}); null otherwise or when hidden.`,
  })
  laidOffElsewhere!: number | null;
}

@ObjectType('CohortSkill', { description: 'A skill of the group’s combined profile.' })
export class CohortSkillType {
  @Field({ description: 'The ESCO skill URI.' })
  skillUri!: string;

  @Field(() => Int, { nullable: true, description: `Members holding it. ${PEOPLE}` })
  holders!: number | null;

  @Field(() => [Int], {
    nullable: 'items',
    description: `Holders by level, basic (1) first to expert (5). ${PEOPLE}`,
  })
  byLevel!: (number | null)[];
}

@ObjectType('CohortVacancy', {
  description: 'An open vacancy members of the cohort match above the default list floor.',
})
export class CohortVacancyType {
  @Field(() => ID, { description: 'The vacancy id (`national:…` for Job Market Finland’s).' })
  vacancyId!: string;

  @Field({ description: '"local" or "national" (Job Market Finland).' })
  source!: string;

  @Field({ description: 'The vacancy’s title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: "The employer's name, where known." })
  employerName!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the work is (municipality code).' })
  municipalityCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Its ESCO occupation URI, where known.' })
  occupationUri!: string | null;

  @Field(() => String, { nullable: true, description: 'The ad, for Job Market Finland’s.' })
  url!: string | null;

  @Field(() => Int, { description: 'Open positions (1 where the source gives none).' })
  positions!: number;

  @Field(() => Int, {
    nullable: true,
    description: `Members above the default list floor for it (among each member’s ${BEST_KEPT} best). ${PEOPLE}`,
  })
  members!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many of the group it could take: its positions, at most its members above the floor (null when that count is hidden).',
  })
  absorbable!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The best member’s score for it (counsellors of the area; null for others).',
  })
  bestScore!: number | null;
}

@ObjectType('CohortDestination', {
  description:
    'Where the group could go, summed over a municipality’s or an occupation’s vacancies.',
})
export class CohortDestinationType {
  @Field({ description: 'The municipality code or the occupation URI.' })
  key!: string;

  @Field(() => Int, { description: 'Vacancies members match above the floor.' })
  vacancies!: number;

  @Field(() => Int, { description: 'Their open positions.' })
  positions!: number;

  @Field(() => Int, { nullable: true, description: `Members matching at least one. ${PEOPLE}` })
  members!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'At most this many could go there: positions, at most members.',
  })
  absorbable!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Members the assignment proposal places there. ${PEOPLE}`,
  })
  placed!: number | null;
}

@ObjectType('CohortNearestVacancy', {
  description: 'A vacancy nearest to a member without a match, and what they lack for it.',
})
export class NearestVacancyType {
  @Field(() => ID, { description: 'The vacancy id (`national:…` for Job Market Finland’s).' })
  vacancyId!: string;

  @Field({ description: 'The vacancy’s title.' })
  title!: string;

  @Field(() => Float, { description: 'The pair’s score (2 decimals).' })
  score!: number;

  @Field(() => [String], { description: 'Essential and important skills they lack (URIs).' })
  missingSkillUris!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The one hard requirement they fail (licence:x, language:x, location), if any.',
  })
  nearMiss!: string | null;
}

@ObjectType('CohortUnmatchedMember', {
  description:
    'A member with no vacancy above the default list floor (counsellors of the area only).',
})
export class UnmatchedMemberType {
  @Field(() => ID, { description: 'The jobseeker.' })
  jobseekerId!: string;

  @Field(() => [NearestVacancyType], { description: 'The nearest vacancies, best first.' })
  nearest!: NearestVacancyType[];
}

@ObjectType('CohortTraining', {
  description: 'A training picked to lift members over the floor, in the order picked.',
})
export class CohortTrainingType {
  @Field(() => ID, { description: 'The training.' })
  trainingId!: string;

  @Field({ description: 'The training’s title.' })
  title!: string;

  @Field({ description: 'Who provides it.' })
  provider!: string;

  @Field(() => Int, {
    nullable: true,
    description: `Members it lifts over the floor for a real vacancy, who no earlier pick lifted. ${PEOPLE}`,
  })
  lifted!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Members with a match after this pick and those before it. ${PEOPLE}`,
  })
  withMatchAfter!: number | null;
}

@ObjectType('CohortPlacement', { description: 'One person proposed for one vacancy.' })
export class PlacementType {
  @Field(() => ID, { description: 'The jobseeker.' })
  jobseekerId!: string;

  @Field(() => ID, { description: 'The vacancy id (`national:…` for Job Market Finland’s).' })
  vacancyId!: string;

  @Field({ description: 'The vacancy’s title.' })
  title!: string;

  @Field(() => Float, { description: 'The pair’s score.' })
  fit!: number;
}

@ObjectType('CohortAssignment', {
  description: `A one-to-one proposal of members to open positions that maximises the total fit, each vacancy at most its positions, each person at most one, over each member’s ${BEST_KEPT} best vacancies above the floor (exact over every vacancy for a group of at most ${BEST_KEPT}); against the greedy choice (best pair first).`,
})
export class AssignmentType {
  @Field(() => Int, { nullable: true, description: `Members placed. ${PEOPLE}` })
  assigned!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The placed pairs’ scores summed (counsellors of the area; null for others: sums over people can be differenced).',
  })
  totalFit!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Members the greedy choice places (counsellors of the area; null for others).',
  })
  greedyAssigned!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The greedy choice’s total fit (counsellors of the area; null for others).',
  })
  greedyTotalFit!: number | null;

  @Field(() => [PlacementType], {
    nullable: true,
    description: 'The pairs, by person (counsellors of the area only; null for other readers).',
  })
  pairs!: PlacementType[] | null;
}

@ObjectType('CohortCoverage', {
  description:
    'An occupation in demand nearby whose essential skills the group, taken together, nearly covers.',
})
export class CoverageType {
  @Field({ description: 'The ESCO occupation URI.' })
  occupationUri!: string;

  @Field(() => Int, { description: 'Its open vacancies in the area.' })
  vacancies!: number;

  @Field(() => Int, { description: 'Their open positions.' })
  positions!: number;

  @Field(() => Float, {
    description: 'Share of its essential skills a quarter of the group or more holds.',
  })
  coverage!: number;

  @Field(() => [CohortSkillType], {
    description: 'Its essential skills the group holds too little, most held first.',
  })
  missing!: CohortSkillType[];
}

@ObjectType('CohortAnalysis', {
  description:
    'Where a cohort can go, who is left without a good match, which trainings would move the most people, and a proposal of people to positions.',
})
export class CohortAnalysisType {
  @Field(() => CohortType, { description: 'The cohort.' })
  cohort!: CohortType;

  @Field({ description: 'The matching parameters’ version the analysis used.' })
  paramsVersion!: string;

  @Field(() => Float, {
    description: 'The change-feed position of the index it was computed on (to reproduce it).',
  })
  matchChangeId!: number;

  @Field(() => Float, { description: 'The list floor: a match counts from this score.' })
  floor!: number;

  @Field({ description: 'Whether Job Market Finland’s vacancies were ranked too.' })
  includesNational!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: `Members with a match above the floor. ${PEOPLE}`,
  })
  withMatch!: number | null;

  @Field(() => Int, { nullable: true, description: `Members without one. ${PEOPLE}` })
  withoutMatch!: number | null;

  @Field(() => [CohortSkillType], { description: 'The skills most of the group holds.' })
  skills!: CohortSkillType[];

  @Field(() => [CohortVacancyType], {
    description:
      'Vacancies by how many of the group each could take (the 50 first). Readers in aggregate get only those whose count is shown, ranked by the counts shown.',
  })
  vacancies!: CohortVacancyType[];

  @Field(() => [CohortDestinationType], {
    description: 'Where the group could go, by municipality.',
  })
  byMunicipality!: CohortDestinationType[];

  @Field(() => [CohortDestinationType], { description: 'Where the group could go, by occupation.' })
  byOccupation!: CohortDestinationType[];

  @Field(() => [UnmatchedMemberType], {
    nullable: true,
    description:
      'Members without a match and what they lack (counsellors of the area; null for others).',
  })
  unmatched!: UnmatchedMemberType[] | null;

  @Field(() => [CohortTrainingType], {
    description: 'Trainings that would lift the most members over the floor, greedily picked.',
  })
  trainings!: CohortTrainingType[];

  @Field(() => AssignmentType, {
    description: 'The one-to-one proposal of people to positions, against the greedy choice.',
  })
  assignment!: AssignmentType;

  @Field(() => [CoverageType], {
    description:
      'Occupations in demand in the area that the group nearly covers (not in full). Readers in aggregate get them only for a group large enough that a quarter of it is at least the disclosure threshold.',
  })
  nearlyCovered!: CoverageType[];
}

/** The link fields of the cohort types (the schema's resolver list takes them). */
export const COHORT_LINKS = [
  optionalSkillLink(CohortSkillType, {
    name: 'skill',
    description: 'The skill, with its labels.',
    keyOf: (s) => s.skillUri,
  }),
  vacancyLink(CohortVacancyType, {
    name: 'vacancy',
    description: 'The local vacancy (null for Job Market Finland’s).',
    keyOf: (v) => (v.source === 'local' ? v.vacancyId : null),
  }),
  occupationLink(CohortVacancyType, {
    name: 'occupation',
    description: 'Its occupation, with its labels.',
    keyOf: (v) => v.occupationUri,
  }),
  occupationLink(CohortDestinationType, {
    name: 'occupation',
    description: 'The occupation, when the key is one.',
    keyOf: (d) => (d.key.startsWith('http') ? d.key : null),
  }),
  skillListLink(NearestVacancyType, {
    name: 'missingSkills',
    description: 'The skills they lack, with their labels.',
    keysOf: (v) => v.missingSkillUris,
  }),
  trainingLink(CohortTrainingType, {
    name: 'training',
    description: 'The training.',
    keyOf: (t) => t.trainingId,
  }),
  occupationLink(CoverageType, {
    name: 'occupation',
    description: 'The occupation, with its labels.',
    keyOf: (c) => c.occupationUri,
  }),
];
