import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { Page, PageArgs } from '../kernel/paging/pagination';
import { cursorsFor } from '../api/cursors';
import { Employer } from './employer.entity';
import {
  CreateEmployerInput,
  EmployerConnection,
  EmployerType,
  MunicipalityType,
  UpdateEmployerInput,
} from './employers.types';
import { Municipality } from '../municipalities/municipality.entity';

const employers = (ctx: RequestContext) => ctx.services.employers;

@Resolver()
export class EmployerResolver {
  @Allow('counsellor', 'admin', 'integrator', 'employer')
  @Query(() => EmployerConnection, {
    description:
      'Employers; an employer user sees its own. Roles: counsellor, admin, integrator, employer.',
  })
  employers(
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Employer>> {
    return employers(ctx).list(ctx.actor!, page, cursorsFor(ctx, info));
  }

  @Allow('counsellor', 'admin', 'integrator', 'employer')
  @Query(() => EmployerType, {
    description: 'One employer. Roles: counsellor, admin, integrator, employer (own).',
  })
  employer(
    @Arg('id', () => ID, { description: "The employer's id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Employer> {
    return employers(ctx).get(ctx.actor!, id);
  }

  @Allow('counsellor', 'admin')
  @Mutation(() => EmployerType, {
    description: 'Adds an employer. Roles: counsellor (located in own area), admin.',
  })
  createEmployer(
    @Arg('input', { description: 'The employer.' }) input: CreateEmployerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Employer> {
    return employers(ctx).create(ctx.actor!, input);
  }

  @Allow('counsellor', 'admin', 'employer')
  @Mutation(() => EmployerType, {
    description:
      'Changes an employer. Roles: counsellor (located in own area, and stays there), admin, employer (own).',
  })
  updateEmployer(
    @Arg('id', () => ID, { description: "The employer's id." }) id: string,
    @Arg('input', { description: 'The changes.' }) input: UpdateEmployerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Employer> {
    return employers(ctx).update(ctx.actor!, id, input);
  }

  @Allow('counsellor', 'admin', 'integrator', 'employer', 'jobseeker', 'learning_environment')
  @Query(() => [MunicipalityType], {
    description: 'Municipalities of the region, by code. All roles.',
  })
  municipalities(@Ctx() ctx: RequestContext): Promise<Municipality[]> {
    return ctx.services.dataSource.manager.find(Municipality, { order: { code: 'ASC' } });
  }
}
