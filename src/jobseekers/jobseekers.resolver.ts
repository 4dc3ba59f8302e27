import { listCost } from '../api/plugins/query-limits';
import { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { occupationListLink, skillLink, skillListLink } from '../api/links.resolver';
import { Page, PageArgs } from '../kernel/paging/pagination';
import { cursorsFor } from '../api/cursors';
import { AssessedSkill, CompetenceAssessment } from './competence-assessment.entity';
import { Consent } from './consent.entity';
import { JobseekerLanguage, JobseekerPersonalData } from './jobseeker.entity';
import { JobseekerView } from './jobseeker.service';
import { employerScopedId } from './pseudonyms';
import {
  AssessedSkillType,
  CompetenceAssessmentInput,
  CompetenceAssessmentType,
  ConsentPurposeEnum,
  ConsentType,
  CreateJobseekerInput,
  JobseekerConnection,
  JobseekerFilter,
  JobseekerInput,
  JobseekerLanguageType,
  JobseekerSearchInput,
  JobseekerType,
  PersonalDataInput,
  PersonalDataType,
} from './jobseekers.types';

const service = (ctx: RequestContext) => ctx.services.jobseekers;

@Resolver()
export class JobseekerResolver {
  @Allow('counsellor', 'admin', 'employer', 'jobseeker')
  @Query(() => JobseekerConnection, {
    description:
      'Jobseekers: counsellors see their area, a jobseeker themself, employers pseudonymised profiles. Roles: counsellor, admin, employer, jobseeker. With `search`: a counsellor finds jobseekers of their area by customer id or name (a purpose is required, and every one found is audit-logged), by last name, first name, then id.',
  })
  async jobseekers(
    @Arg('filter', () => JobseekerFilter, {
      nullable: true,
      description:
        'Only the jobseekers meeting every condition given; all within reach when omitted.',
    })
    filter: JobseekerFilter | undefined,
    @Arg('search', () => JobseekerSearchInput, {
      nullable: true,
      description:
        'Find by customer id or by name (counsellors only, a purpose required, audit-logged); also narrowed by `filter`. Without it: every jobseeker in scope, by id.',
    })
    search: JobseekerSearchInput | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<JobseekerView>> {
    if (!search) return service(ctx).list(ctx.actor!, filter, page, cursorsFor(ctx, info));
    const found = await ctx.services.personalData.findJobseekers(
      ctx,
      search,
      filter,
      page,
      cursorsFor(ctx, info),
    );
    return service(ctx).viewPage(ctx.actor!, found);
  }

  @Allow('counsellor', 'admin', 'jobseeker')
  @Query(() => JobseekerType, {
    description: 'One jobseeker in scope. Roles: counsellor (own area), admin, jobseeker (self).',
  })
  jobseeker(
    @Arg('id', () => ID, { description: "The jobseeker's id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<JobseekerView> {
    return service(ctx).get(ctx.actor!, id);
  }

  @Allow('counsellor')
  @Mutation(() => JobseekerType, {
    description: 'Registers a jobseeker. Role: counsellor (own area).',
  })
  createJobseeker(
    @Arg('input', { description: 'The jobseeker.' }) input: CreateJobseekerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<JobseekerView> {
    return service(ctx).create(ctx.actor!, input);
  }

  @Allow('counsellor', 'jobseeker')
  @Mutation(() => JobseekerType, {
    description:
      "Changes a jobseeker's matching data. Roles: counsellor (own area), jobseeker (self).",
  })
  updateJobseeker(
    @Arg('id', () => ID, { description: "The jobseeker's id." }) id: string,
    @Arg('input', { description: 'The changes.' }) input: JobseekerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<JobseekerView> {
    return service(ctx).update(ctx.actor!, id, input);
  }

  @Allow('counsellor', 'admin')
  @Mutation(() => Boolean, {
    description:
      'Erases a jobseeker: personal data, competence profiles, languages, consents and match outcomes; the audit trail stays. Roles: counsellor (own area), admin.',
  })
  async eraseJobseeker(
    @Arg('id', () => ID, { description: "The jobseeker's id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await service(ctx).erase(ctx.actor!, id);
    return true;
  }

  @Allow('counsellor', 'jobseeker')
  @Mutation(() => Boolean, {
    description:
      "Replaces a jobseeker's personal data: every field must be given, null clears an optional one, and one left out is refused (BAD_USER_INPUT naming it). Roles: counsellor (own area), jobseeker (self).",
  })
  async setJobseekerPersonalData(
    @Arg('id', () => ID, { description: "The jobseeker's id." }) id: string,
    @Arg('input', { description: 'The personal data.' }) input: PersonalDataInput,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await service(ctx).setPersonalData(ctx.actor!, id, input);
    return true;
  }

  @Allow('counsellor', 'jobseeker')
  @Mutation(() => CompetenceAssessmentType, {
    description:
      'Records a competence assessment, which becomes the active profile. Roles: counsellor (own area), jobseeker (self-assessment).',
  })
  addCompetenceAssessment(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('input', { description: 'The assessment.' }) input: CompetenceAssessmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CompetenceAssessment> {
    return service(ctx).addAssessment(ctx.actor!, jobseekerId, input);
  }

  @Allow('counsellor', 'jobseeker')
  @Mutation(() => ConsentType, {
    description:
      'Grants a consent. Roles: jobseeker (self), counsellor (own area, on their behalf).',
  })
  grantConsent(
    @Arg('jobseekerId', () => ID, { description: 'The jobseeker.' }) jobseekerId: string,
    @Arg('purpose', () => ConsentPurposeEnum, { description: 'What it allows.' })
    purpose: ConsentPurposeEnum,
    @Arg('recipient', {
      description: '"all_employers", an employer id, or "learning_environment".',
    })
    recipient: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Consent> {
    return service(ctx).grantConsent(ctx.actor!, jobseekerId, purpose, recipient);
  }

  @Allow('counsellor', 'jobseeker')
  @Mutation(() => ConsentType, {
    description: 'Revokes a consent at once. Roles: jobseeker (self), counsellor (own area).',
  })
  revokeConsent(
    @Arg('id', () => ID, { description: 'The consent.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Consent> {
    return service(ctx).revokeConsent(ctx.actor!, id);
  }
}

@Resolver(() => JobseekerType)
export class JobseekerFieldResolver {
  @FieldResolver(() => String, {
    description:
      'A pseudonym of this jobseeker: each employer gets its own, the same in all its vacancies, and never one another employer sees; others get a service-wide one.',
  })
  pseudonym(@Root() jobseeker: JobseekerView, @Ctx() ctx: RequestContext): Promise<string> {
    return ctx.loaders.pseudonymByJobseekerId.load(jobseeker.jobseekerId);
  }

  @FieldResolver(() => PersonalDataType, {
    nullable: true,
    description:
      'Personal data, for those allowed (else null); every read and refusal is audit-logged.',
  })
  personalData(
    @Root() jobseeker: JobseekerView,
    @Ctx() ctx: RequestContext,
  ): Promise<JobseekerPersonalData | null> {
    return ctx.loaders.personalDataByJobseekerId.load(jobseeker.jobseekerId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Customer id in the national customer system, a direct identifier read as personal data: the counsellor of the area (stating a purpose) and the jobseeker only (else null); every read and refusal is audit-logged.',
  })
  customerId(@Root() jobseeker: JobseekerView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return ctx.loaders.customerIdByJobseekerId.load(jobseeker.jobseekerId);
  }

  @FieldResolver(() => [JobseekerLanguageType], {
    complexity: listCost(5),
    description: 'Languages.',
  })
  languages(
    @Root() jobseeker: JobseekerView,
    @Ctx() ctx: RequestContext,
  ): Promise<JobseekerLanguage[]> {
    return ctx.loaders.languagesByJobseekerId.load(jobseeker.jobseekerId);
  }

  @FieldResolver(() => CompetenceAssessmentType, {
    nullable: true,
    description:
      'The active competence profile: the newest confirmed assessment (a tie on the time goes to the counsellor-verified one, then to the smallest id). Drafts never.',
  })
  activeAssessment(
    @Root() jobseeker: JobseekerView,
    @Ctx() ctx: RequestContext,
  ): Promise<CompetenceAssessment | null> {
    return ctx.loaders.activeAssessmentByJobseekerId.load(jobseeker.jobseekerId);
  }

  @FieldResolver(() => [CompetenceAssessmentType], {
    complexity: listCost(5),
    description: 'Every confirmed assessment, the active one first (history). Drafts are apart.',
  })
  assessments(
    @Root() jobseeker: JobseekerView,
    @Ctx() ctx: RequestContext,
  ): Promise<CompetenceAssessment[]> {
    return ctx.loaders.assessmentsByJobseekerId.load(jobseeker.jobseekerId);
  }

  @FieldResolver(() => [ConsentType], {
    complexity: listCost(5),
    description: "The jobseeker's consents; counsellors and the jobseeker only (else empty).",
  })
  async consents(@Root() jobseeker: JobseekerView, @Ctx() ctx: RequestContext): Promise<Consent[]> {
    // A counsellor reaches a jobseeker only within their area (every query scopes it); an
    // admin, an employer or another jobseeker gets none.
    const actor = ctx.actor;
    const allowed =
      actor?.role === 'counsellor' ||
      (actor?.role === 'jobseeker' && actor.jobseekerId === jobseeker.jobseekerId);
    if (!allowed) return [];
    return ctx.loaders.consentsByJobseekerId.load(jobseeker.jobseekerId);
  }
}

@Resolver(() => CompetenceAssessmentType)
export class CompetenceAssessmentFieldResolver {
  @FieldResolver(() => ID, {
    description:
      'Identifier. An employer gets an id of its own for each assessment, never the one another employer sees, so that ids link no one across employers.',
  })
  id(@Root() assessment: CompetenceAssessment, @Ctx() ctx: RequestContext): string {
    return ctx.actor?.role === 'employer'
      ? employerScopedId(
          ctx.services.pseudonymSecret,
          ctx.actor.employerId ?? '',
          'assessment',
          assessment.id,
        )
      : assessment.id;
  }

  @FieldResolver(() => [AssessedSkillType], {
    complexity: listCost(25),
    description: 'The assessed skills.',
  })
  skills(
    @Root() assessment: CompetenceAssessment,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessedSkill[]> {
    return ctx.loaders.assessedSkillsByAssessmentId.load(assessment.id);
  }
}

/** A jobseeker's skills and wishes linked: one batched load per type for a whole page. */
export const JOBSEEKER_LINKS = [
  skillLink(AssessedSkillType, {
    name: 'skill',
    description:
      'The assessed skill itself (its labels, description and relations), from skillUri.',
    keyOf: (s) => s.skillUri,
  }),
  occupationListLink(JobseekerType, {
    name: 'desiredOccupations',
    description: 'The desired occupations themselves, from desiredOccupationUris, in its order.',
    keysOf: (j) => j.desiredOccupationUris,
  }),
  skillListLink(JobseekerType, {
    name: 'desiredSkills',
    description: 'The desired skills themselves, from desiredSkillUris, in its order.',
    keysOf: (j) => j.desiredSkillUris,
  }),
] as const;
