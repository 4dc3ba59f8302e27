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
import { Page, PageArgs } from '../kernel/paging/pagination';
import { cursorsFor } from '../api/cursors';
import { Training, TrainingSkill } from './training.entity';
import {
  TrainingConnection,
  TrainingFilter,
  TrainingInput,
  TrainingSkillType,
  TrainingType,
} from './trainings.types';

const service = (ctx: RequestContext) => ctx.services.trainings;

@Resolver(() => TrainingType)
export class TrainingResolver {
  @Allow('counsellor', 'admin', 'employer', 'jobseeker', 'learning_environment', 'integrator')
  @Query(() => TrainingConnection, { description: 'Trainings. All roles.' })
  trainings(
    @Arg('filter', () => TrainingFilter, {
      nullable: true,
      description:
        'Only the trainings meeting every condition given; all within reach when omitted.',
    })
    filter: TrainingFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Training>> {
    return service(ctx).list(filter, page, cursorsFor(ctx, info));
  }

  @Allow('counsellor', 'admin', 'employer', 'jobseeker', 'learning_environment', 'integrator')
  @Query(() => TrainingType, { description: 'One training. All roles.' })
  training(
    @Arg('id', () => ID, { description: "The training's id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Training> {
    return service(ctx).get(id);
  }

  @Allow('counsellor', 'admin')
  @Mutation(() => TrainingType, {
    description:
      'Adds a training. Roles: counsellor (held in own area, or online held nowhere), admin.',
  })
  createTraining(
    @Arg('input', { description: 'The training.' }) input: TrainingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Training> {
    return service(ctx).save(ctx.actor!, null, input);
  }

  @Allow('counsellor', 'admin')
  @Mutation(() => TrainingType, {
    description:
      'Replaces a training. Roles: counsellor (held in own area, or online held nowhere; before and after), admin.',
  })
  updateTraining(
    @Arg('id', () => ID, { description: "The training's id." }) id: string,
    @Arg('input', { description: 'The whole training.' }) input: TrainingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Training> {
    return service(ctx).save(ctx.actor!, id, input);
  }

  @FieldResolver(() => [TrainingSkillType], {
    complexity: listCost(10),
    description: 'Skills taught.',
  })
  skills(@Root() training: Training, @Ctx() ctx: RequestContext): Promise<TrainingSkill[]> {
    return ctx.loaders.trainingSkillsByTrainingId.load(training.id);
  }
}
