import { GraphQLResolveInfo } from 'graphql';
import { listCost } from '../api/plugins/query-limits';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { skillLink } from '../api/links.resolver';
import { Page, PageArgs } from '../kernel/paging/pagination';
import { cursorsFor } from '../api/cursors';
import { Employer } from '../employers/employer.entity';
import { EmployerType, MunicipalityType } from '../employers/employers.types';
import {
  CreateVacancyInput,
  RequiredLanguageType,
  RequiredSkillType,
  RequirementProfileInput,
  RequirementProfileType,
  VacancyConnection,
  VacancyFilter,
  VacancyInput,
  VacancyOrder,
  VacancyStatusEnum,
  VacancyType,
} from './vacancies.types';
import { RequirementProfile } from './requirement-profile.entity';
import { Vacancy } from './vacancy.entity';
import { Municipality } from '../municipalities/municipality.entity';

const vacancies = (ctx: RequestContext) => ctx.services.vacancies;

@Resolver()
export class VacancyResolver {
  @Allow('counsellor', 'admin', 'integrator', 'employer', 'jobseeker', 'learning_environment')
  @Query(() => VacancyConnection, {
    description:
      'Vacancies: employers see their own, counsellors and admins all, others open local ones. All roles.',
  })
  vacancies(
    @Arg('filter', () => VacancyFilter, {
      nullable: true,
      description:
        'Only the vacancies meeting every condition given; all within reach when omitted.',
    })
    filter: VacancyFilter | undefined,
    @Arg('orderBy', () => VacancyOrder, {
      defaultValue: VacancyOrder.NEWEST,
      description: 'The order: NEWEST (the default), DEADLINE or TITLE; ties by id.',
    })
    orderBy: VacancyOrder,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Vacancy>> {
    return vacancies(ctx).list(ctx.actor!, filter, page, cursorsFor(ctx, info), orderBy);
  }

  @Allow('counsellor', 'admin', 'integrator', 'employer', 'jobseeker', 'learning_environment')
  @Query(() => VacancyType, { description: 'One vacancy the actor may see. All roles.' })
  vacancy(
    @Arg('id', () => ID, { description: "The vacancy's id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Vacancy> {
    return vacancies(ctx).get(ctx.actor!, id);
  }

  @Allow('counsellor', 'admin', 'employer')
  @Mutation(() => VacancyType, {
    description: 'Adds a vacancy as a draft. Roles: employer (own), counsellor (own area), admin.',
  })
  createVacancy(
    @Arg('input', { description: 'The vacancy.' }) input: CreateVacancyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Vacancy> {
    return vacancies(ctx).create(ctx.actor!, input);
  }

  @Allow('counsellor', 'admin', 'employer')
  @Mutation(() => VacancyType, {
    description: 'Changes a vacancy. Roles: employer (own), counsellor (own area), admin.',
  })
  updateVacancy(
    @Arg('id', () => ID, { description: "The vacancy's id." }) id: string,
    @Arg('input', { description: 'The changes; omitted fields stay.' }) input: VacancyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Vacancy> {
    return vacancies(ctx).update(ctx.actor!, id, input);
  }

  @Allow('counsellor', 'admin', 'employer')
  @Mutation(() => VacancyType, {
    description:
      'Moves a vacancy along draft → open → closed or filled. Roles: employer (own), counsellor (own area), admin.',
  })
  setVacancyStatus(
    @Arg('id', () => ID, { description: "The vacancy's id." }) id: string,
    @Arg('status', () => VacancyStatusEnum, { description: 'The new status.' })
    status: VacancyStatusEnum,
    @Ctx() ctx: RequestContext,
  ): Promise<Vacancy> {
    return vacancies(ctx).setStatus(ctx.actor!, id, status);
  }

  @Allow('counsellor', 'admin', 'employer')
  @Mutation(() => RequirementProfileType, {
    description:
      'Replaces the requirement profile as a new revision; CONFLICT if baseRevision is not current. Roles: employer (own), counsellor (own area), admin.',
  })
  updateRequirementProfile(
    @Arg('vacancyId', () => ID, { description: 'The vacancy.' }) vacancyId: string,
    @Arg('baseRevision', () => Int, { description: 'The revision this change was made from.' })
    baseRevision: number,
    @Arg('input', { description: 'The whole new profile.' }) input: RequirementProfileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RequirementProfile> {
    return vacancies(ctx).updateRequirements(ctx.actor!, vacancyId, baseRevision, input);
  }
}

@Resolver(() => VacancyType)
export class VacancyFieldResolver {
  @FieldResolver(() => EmployerType, { description: 'The employer.' })
  async employer(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<Employer> {
    return (await ctx.loaders.employerById.load(vacancy.employerId))!;
  }

  @FieldResolver(() => MunicipalityType, { description: 'The municipality of the workplace.' })
  async municipality(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<Municipality> {
    return (await ctx.loaders.municipalityByCode.load(vacancy.municipalityCode))!;
  }

  @FieldResolver(() => RequirementProfileType, { description: 'The current requirement profile.' })
  async requirements(
    @Root() vacancy: Vacancy,
    @Ctx() ctx: RequestContext,
  ): Promise<RequirementProfile> {
    return (await ctx.loaders.requirementProfileByVacancyId.load(vacancy.id))!;
  }
}

@Resolver(() => RequirementProfileType)
export class RequirementProfileFieldResolver {
  @FieldResolver(() => [RequiredSkillType], {
    complexity: listCost(15),
    description: 'Required skills.',
  })
  skills(@Root() profile: RequirementProfile, @Ctx() ctx: RequestContext) {
    return ctx.loaders.requirementSkillsByVacancyId.load(profile.vacancyId);
  }

  @FieldResolver(() => [RequiredLanguageType], {
    complexity: listCost(5),
    description: 'Required languages.',
  })
  languages(@Root() profile: RequirementProfile, @Ctx() ctx: RequestContext) {
    return ctx.loaders.requirementLanguagesByVacancyId.load(profile.vacancyId);
  }
}

/** A requirement profile's skills linked: one batched load for every profile of the answer. */
export const VACANCY_LINKS = [
  skillLink(RequiredSkillType, {
    name: 'skill',
    description:
      'The required skill itself (its labels, description and relations), from skillUri.',
    keyOf: (s) => s.skillUri,
  }),
] as const;
