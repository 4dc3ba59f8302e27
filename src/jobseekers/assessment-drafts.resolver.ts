import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { listCost } from '../api/plugins/query-limits';
import { TEXT_LIMIT } from '../guidance/guidance.service';
import { Language } from '../taxonomy/taxonomy.types';
import {
  AssessedSkill,
  AssessedSkillSupport,
  CompetenceAssessment,
} from './competence-assessment.entity';
import { JobseekerView } from './jobseeker.service';
import {
  AssessmentOriginEnum,
  AssessedSkillType,
  CompetenceAssessmentType,
  ConfirmedSkillInput,
  JobseekerType,
  SkillSupportType,
} from './jobseekers.types';

const ROLES_NOTE =
  'Roles: jobseeker (self), counsellor (own area, stating a purpose in X-Osaamo-Purpose); audited.';

@Resolver()
export class AssessmentDraftResolver {
  @Allow('jobseeker', 'counsellor')
  @Mutation(() => CompetenceAssessmentType, {
    description: `Drafts a competence assessment from the jobseeker's own account of their work: the skills the skill extraction finds, each with a suggested level (from stated years or level words such as "hallitsen", "perustaidot", "grundläggande", "expert"; the working level 3 when nothing is said), its confidence and the sentences that support it. A draft is not the active profile and changes no match until confirmed (confirmAssessment). At most 10 open drafts per jobseeker. ${ROLES_NOTE}`,
  })
  draftAssessmentFromText(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('text', {
      description: `The account of their work, at most ${TEXT_LIMIT.toLocaleString('en')} characters. Only the sentences that support a skill are kept.`,
    })
    text: string,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the texts in the answer.',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<CompetenceAssessment> {
    return ctx.services.assessmentDrafts.draftFromText(ctx, jobseekerId, text, language);
  }

  @Allow('jobseeker', 'counsellor')
  @Mutation(() => CompetenceAssessmentType, {
    description: `Confirms a draft assessment, as drafted or edited (give the skills to keep, with their levels; the others are dropped). It becomes the active profile and the matches follow. Confirmed by a counsellor it counts as counsellor-verified, by the jobseeker as a self-assessment. A confirmed assessment cannot be confirmed again (CONFLICT). ${ROLES_NOTE}`,
  })
  confirmAssessment(
    @Arg('assessmentId', () => ID, { description: 'The draft.' }) assessmentId: string,
    @Arg('skills', () => [ConfirmedSkillInput], {
      nullable: true,
      description: "The draft's skills to keep, with their levels; omitted: all, as suggested.",
    })
    skills: ConfirmedSkillInput[] | null,
    @Arg('applyOfferedChanges', () => Boolean, {
      defaultValue: true,
      description:
        "For a draft imported from Job Market Finland: also add the languages, licences and desired occupations and skills its profile offers that the jobseeker lacks (never overwriting a value they have; see the draft's importedFrom). False: the assessment only.",
    })
    applyOfferedChanges: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<CompetenceAssessment> {
    return ctx.services.assessmentDrafts.confirm(ctx, assessmentId, skills, applyOfferedChanges);
  }

  @Allow('jobseeker', 'counsellor')
  @Mutation(() => Boolean, {
    description: `Discards a draft assessment with its skills and supporting words. A confirmed assessment cannot be discarded (CONFLICT). ${ROLES_NOTE}`,
  })
  async discardDraftAssessment(
    @Arg('assessmentId', () => ID, { description: 'The draft.' }) assessmentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await ctx.services.assessmentDrafts.discard(ctx, assessmentId);
    return true;
  }
}

@Resolver(() => JobseekerType)
export class JobseekerDraftsFieldResolver {
  @FieldResolver(() => [CompetenceAssessmentType], {
    complexity: listCost(3),
    description: `Open draft assessments, newest first: for the jobseeker and counsellors of their area stating a purpose (else empty); audited.`,
  })
  draftAssessments(
    @Root() jobseeker: JobseekerView,
    @Ctx() ctx: RequestContext,
  ): Promise<CompetenceAssessment[]> {
    return ctx.loaders.draftAssessmentsByJobseekerId.load(jobseeker.jobseekerId);
  }
}

/** Words of a profile stand in a section of it; one's own words in none. */
function supportSource(support: AssessedSkillSupport): AssessmentOriginEnum {
  return support.section === null ? 'own_words' : 'job_market_finland';
}

@Resolver(() => AssessedSkillType)
export class AssessedSkillFieldResolver {
  @FieldResolver(() => [SkillSupportType], {
    complexity: listCost(2),
    description:
      'For a suggested skill, the words that support it and where they stood: for the jobseeker and counsellors of their area stating a purpose (else empty); audited.',
  })
  async support(
    @Root() skill: AssessedSkill,
    @Ctx() ctx: RequestContext,
  ): Promise<SkillSupportType[]> {
    const all = await ctx.loaders.skillSupportByAssessmentId.load(skill.assessmentId);
    return all
      .filter((s) => s.skillUri === skill.skillUri)
      .map((s) => ({ ...s, source: supportSource(s) }));
  }
}
