import { Arg, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { HIDDEN_BELOW } from '../disclosure/disclosure-control';
import { ImportanceEnum, RequirementProfileInput } from '../vacancies/vacancies.types';
import { RequestContext } from '../api/context';
import { Language } from '../taxonomy/taxonomy.types';
import { LINK_LIMITS } from './guidance.service';
import {
  occupationLink,
  optionalSkillLink,
  skillLink,
  trainingLink,
  vacancyLink,
} from '../api/links.resolver';
import {
  ExtractedSkillType,
  LinkedSkillType,
  RelatedHeldSkillType,
  RequirementEffectType,
  ScoreRaiseType,
  SkillClosedType,
  SkillGapItemType,
  RequirementInsightsType,
  RequirementSuggestionType,
  RevisionComparisonType,
  SkillDemandType,
  SkillGapType,
  SkillLinkSentenceType,
  SuggestionSourceEnum,
  TrainingSuggestionType,
} from './guidance.types';

@Resolver()
export class GuidanceResolver {
  @Allow('counsellor', 'employer', 'jobseeker', 'learning_environment', 'integrator', 'admin')
  @Query(() => [ExtractedSkillType], {
    description:
      'ESCO skills found in a free text (a job ad, an account of one’s work), each with its confidence, the words that support it and why. Precision first. Roles: every signed-in role (it reads only the taxonomy).',
  })
  extractSkills(
    @Arg('text', { description: 'The text, at most 10,000 characters.' }) text: string,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the text; the reasons are written in it.',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<ExtractedSkillType[]> {
    return ctx.services.guidance.extractSkills(text, language);
  }

  @Allow('counsellor', 'employer', 'jobseeker', 'learning_environment', 'integrator', 'admin')
  @Query(() => [SkillLinkSentenceType], {
    description:
      'Ranked skill linking: each sentence of a free text with its `first` most likely ESCO skills, each with a calibrated confidence, the words that support it and why. Recall first (extractSkills is the precise threshold on the same confidence). Costs 1 + first × skill per sentence, a sentence taken as 100 characters. Roles: every signed-in role (it reads only the taxonomy).',
    complexity: ({ args, childComplexity }) =>
      1 +
      Math.max(1, Math.ceil((typeof args.text === 'string' ? args.text.length : 0) / 100)) *
        (typeof args.first === 'number' ? args.first : 5) *
        Math.max(1, childComplexity),
  })
  linkSkills(
    @Arg('text', { description: 'The text, at most 10,000 characters.' }) text: string,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the text; the reasons are written in it.',
    })
    language: Language,
    @Arg('first', () => Int, {
      defaultValue: 5,
      description: `How many skills per sentence, 1 to ${LINK_LIMITS.maxFirst}.`,
    })
    first: number,
    @Arg('bySentence', {
      defaultValue: true,
      description:
        'Split the text into sentences (true) or link it as one span (false: a short item such as a line of a CV).',
    })
    bySentence: boolean,
    @Ctx() ctx: RequestContext,
  ): SkillLinkSentenceType[] {
    return ctx.services.guidance.linkSkills(text, language, first, bySentence);
  }

  @Allow('counsellor', 'employer', 'admin')
  @Query(() => [RequirementSuggestionType], {
    description:
      "A draft requirement profile: the occupation's essential and optional skills and the skills found in the ad text, each with its reason. Give a vacancy (its occupation and text) or an occupation (and optionally a text): exactly one of vacancyId and occupationUri, else BAD_USER_INPUT naming vacancyId (two arguments rather than a @oneOf input: type-graphql 2.0.0-rc.4 does not emit @oneOf). Roles: counsellor, employer (own vacancies), admin.",
  })
  async suggestRequirements(
    @Arg('vacancyId', () => ID, {
      nullable: true,
      description: 'The vacancy to suggest for; give this or occupationUri, not both.',
    })
    vacancyId: string | null,
    @Arg('occupationUri', () => ID, {
      nullable: true,
      description: 'The ESCO occupation to suggest for; give this or vacancyId, not both.',
    })
    occupationUri: string | null,
    @Arg('text', () => String, {
      nullable: true,
      description: "The ad text (the vacancy's title and description when omitted).",
    })
    text: string | null,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the ad text, the labels and the reasons.',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<RequirementSuggestionType[]> {
    const suggestions = await ctx.services.guidance.suggestRequirements(ctx.actor!, {
      vacancyId,
      occupationUri,
      text,
      language,
    });
    return suggestions.map((s) => ({
      ...s,
      importance: s.importance as ImportanceEnum,
      sources: s.sources as SuggestionSourceEnum[],
    }));
  }
}

@Resolver()
export class InsightsResolver {
  @Allow('counsellor', 'employer', 'admin')
  @Query(() => RequirementInsightsType, {
    description:
      "The candidate pool of a vacancy's current profile (or of a draft of it, see draft) and, per requirement, the pool if it were dropped, nice-to-have or a level lower. Counted, never listed; the saved profile's pool is exact, the other pools (and a draft's pool) are perturbed for roles other than counsellor (see RequirementEffect). Roles: counsellor (own area's jobseekers), employer (own vacancies), admin.",
  })
  requirementInsights(
    @Arg('vacancyId', () => ID, { description: 'The vacancy.' }) vacancyId: string,
    @Arg('threshold', () => Float, { defaultValue: 0.5, description: 'Score that counts, 0–1.' })
    threshold: number,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description:
        'The language of the labels and of the explanation (English where a label is missing).',
    })
    language: Language,
    @Arg('draft', () => RequirementProfileInput, {
      nullable: true,
      description:
        "A requirement profile being edited, as updateRequirementProfile takes it and validated the same way (BAD_USER_INPUT naming draft.<field>): the pool and the effects are counted for it instead of the saved profile, with the vacancy's place and everything else as they are; nothing is saved. A draft's pool is listed to no one, so for roles other than counsellor every count of a draft, the pool too, is perturbed (cell key) or hidden like the variants.",
    })
    draft: RequirementProfileInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RequirementInsightsType> {
    return ctx.services.insights.insights(ctx.actor!, vacancyId, threshold, language, draft);
  }

  @Allow('counsellor', 'employer', 'admin')
  @Query(() => RevisionComparisonType, {
    description:
      'What changed between two revisions of a requirement profile and how the pool changed (both against today; the pool of an earlier revision perturbed for roles other than counsellor). Roles: counsellor, employer (own vacancies), admin.',
  })
  compareRevisions(
    @Arg('vacancyId', () => ID, { description: 'The vacancy.' }) vacancyId: string,
    @Arg('from', () => Int, { description: 'The earlier revision.' }) from: number,
    @Arg('to', () => Int, { description: 'The later revision.' }) to: number,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description:
        'The language of the labels and of the explanation (English where a label is missing).',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<RevisionComparisonType> {
    return ctx.services.insights.compareRevisions(ctx.actor!, vacancyId, from, to, language);
  }
}

@Resolver()
export class LearningResolver {
  @Allow('counsellor', 'jobseeker', 'learning_environment', 'admin')
  @Query(() => SkillGapType, {
    description:
      "A jobseeker's missing and under-level skills against a vacancy or an occupation: exactly one of vacancyId and occupationUri, else BAD_USER_INPUT naming vacancyId. Each with its importance and the related skills already held. Roles: counsellor (own area), jobseeker (self), learning environment (only with the jobseeker's consent), admin.",
  })
  async skillGap(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('vacancyId', () => ID, {
      nullable: true,
      description: 'The vacancy to compare with; give this or occupationUri, not both.',
    })
    vacancyId: string | null,
    @Arg('occupationUri', () => ID, {
      nullable: true,
      description: 'The ESCO occupation to compare with; give this or vacancyId, not both.',
    })
    occupationUri: string | null,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description:
        'The language of the labels and of the explanation (English where a label is missing).',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<SkillGapType> {
    const gap = await ctx.services.learning.skillGap(
      ctx.actor!,
      jobseekerId,
      { vacancyId, occupationUri },
      language,
    );
    const typed = (items: typeof gap.missing) =>
      items.map((g) => ({ ...g, importance: g.importance as ImportanceEnum }));
    return { ...gap, missing: typed(gap.missing), underLevel: typed(gap.underLevel) };
  }

  @Allow('counsellor', 'jobseeker', 'learning_environment', 'admin')
  @Query(() => [TrainingSuggestionType], {
    description:
      "Trainings ranked by how much they raise the jobseeker's match to open vacancies they nearly match: weighted by open positions, by how near the jobseeker already is to each (a far-off vacancy counts less), and more for a vacancy of one of their desired occupations (up to ten times; partly for one of the same ISCO group); each with the skills it closes, the vacancies it raises and why, naming that occupation. Only trainings online or within the commute, starting ahead. Roles: counsellor (own area), jobseeker (self), learning environment (with consent), admin.",
  })
  trainingSuggestions(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('first', () => Int, { defaultValue: 5, description: '1 to 50.' }) first: number,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the labels and of the reasons.',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingSuggestionType[]> {
    return ctx.services.learning.trainingSuggestions(ctx.actor!, jobseekerId, first, language);
  }

  @Allow('counsellor', 'learning_environment', 'employer', 'admin')
  @Query(() => [SkillDemandType], {
    description: `The skills open vacancies in the municipalities ask for most and jobseekers there hold least: which trainings to buy. Jobseeker counts are exact for a counsellor asking only about municipalities of their own area, otherwise perturbed by the cell key method and hidden below ${HIDDEN_BELOW} (see SkillDemand.jobseekers). Roles: counsellor, learning environment, employer, admin.`,
  })
  demandForSkills(
    @Arg('municipalities', () => [String], {
      defaultValue: [],
      description: 'Codes; all when empty.',
    })
    municipalities: string[],
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the labels and texts in the answer.',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<SkillDemandType[]> {
    return ctx.services.learning.demandForSkills(ctx.actor!, municipalities, first, language);
  }
}

const SKILL = 'The skill itself (its labels, description and relations), from skillUri.';

/** Every guidance answer's items linked to their skill, occupation, vacancy or training. */
export const GUIDANCE_LINKS = [
  skillLink(ExtractedSkillType, { name: 'skill', description: SKILL, keyOf: (s) => s.skillUri }),
  skillLink(LinkedSkillType, { name: 'skill', description: SKILL, keyOf: (s) => s.skillUri }),
  skillLink(RequirementSuggestionType, {
    name: 'skill',
    description: SKILL,
    keyOf: (s) => s.skillUri,
  }),
  optionalSkillLink(RequirementEffectType, {
    name: 'skill',
    description: 'The skill itself for a skill requirement (null for a licence).',
    keyOf: (e) => (e.kind.toLowerCase() === 'skill' ? e.requirement : null),
  }),
  skillLink(SkillGapItemType, { name: 'skill', description: SKILL, keyOf: (g) => g.skillUri }),
  skillLink(RelatedHeldSkillType, {
    name: 'skill',
    description: 'The related skill the jobseeker holds, from skillUri.',
    keyOf: (r) => r.skillUri,
  }),
  vacancyLink(SkillGapType, {
    name: 'vacancy',
    description: 'The vacancy compared with (null when an occupation was).',
    keyOf: (g) => g.vacancyId,
  }),
  occupationLink(SkillGapType, {
    name: 'occupation',
    description: 'The occupation compared with (null when a vacancy was).',
    keyOf: (g) => g.occupationUri,
  }),
  skillLink(SkillClosedType, { name: 'skill', description: SKILL, keyOf: (c) => c.skillUri }),
  vacancyLink(ScoreRaiseType, {
    name: 'vacancy',
    description: 'The vacancy whose match rises (null if deleted since).',
    keyOf: (r) => r.vacancyId,
  }),
  trainingLink(TrainingSuggestionType, {
    name: 'training',
    description:
      'The training itself (its dates, place, duration and skills), from trainingId; null if deleted since.',
    keyOf: (t) => t.trainingId,
  }),
  occupationLink(TrainingSuggestionType, {
    name: 'occupation',
    description:
      'The desired occupation of the jobseeker whose near vacancies it serves most (null: none of them), from occupationUri.',
    keyOf: (t) => t.occupationUri,
  }),
  skillLink(SkillDemandType, { name: 'skill', description: SKILL, keyOf: (d) => d.skillUri }),
] as const;
