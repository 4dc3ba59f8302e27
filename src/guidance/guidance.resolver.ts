import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { ImportanceEnum } from '../employers/employers.types';
import { RequestContext } from '../graphql/context';
import { Language } from '../taxonomy/taxonomy.types';
import {
  ExtractedSkillType,
  RequirementSuggestionType,
  SuggestionSourceEnum,
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
    @Arg('language', () => Language, { defaultValue: Language.FI, description: 'fi, sv or en.' })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<ExtractedSkillType[]> {
    return ctx.services.guidance.extractSkills(text, language);
  }

  @Allow('counsellor', 'employer', 'admin')
  @Query(() => [RequirementSuggestionType], {
    description:
      "A draft requirement profile: the occupation's essential and optional skills and the skills found in the ad text, each with its reason. Give a vacancy (its occupation and text) or an occupation (and optionally a text). Roles: counsellor, employer (own vacancies), admin.",
  })
  async suggestRequirements(
    @Arg('vacancyId', () => ID, { nullable: true, description: 'A vacancy.' })
    vacancyId: string | null,
    @Arg('occupationUri', () => String, { nullable: true, description: 'Or an ESCO occupation.' })
    occupationUri: string | null,
    @Arg('text', () => String, {
      nullable: true,
      description: "The ad text (the vacancy's title and description when omitted).",
    })
    text: string | null,
    @Arg('language', () => Language, { defaultValue: Language.FI, description: 'fi, sv or en.' })
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
