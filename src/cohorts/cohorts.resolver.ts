import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { Language } from '../taxonomy/taxonomy.types';
import { cohortAccess } from './cohort.service';
import { analysisView, cohortView, PeopleCounter } from './cohort-views';
import { cohortReport } from './cohort-report';
import {
  CohortAnalysisType,
  CohortType,
  CreateCohortInput,
  CreateCohortPayload,
} from './cohorts.types';

const requesterOf = (ctx: RequestContext) => ({
  operation: ctx.request.operation,
  purpose: ctx.purpose,
});

const READERS =
  'Roles: counsellor (their area’s in full; another area’s in aggregate), admin and integrator (in aggregate: no persons, counts of people perturbed).';

@Resolver()
export class CohortResolver {
  @Allow('counsellor')
  @Mutation(() => CreateCohortPayload, {
    description:
      'Names a group of jobseekers of your area (a lay-off’s people) for analysis: by ids, by the business id of the employer that laid them off, or by a JSON Lines file of customer ids. Nothing is created for a line naming nobody of your area; it is reported. Roles: counsellor.',
  })
  async createCohort(
    @Arg('input', () => CreateCohortInput, { description: 'Its name and members.' })
    input: CreateCohortInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateCohortPayload> {
    const keys = ctx.services.matches.recordKeys;
    const created = await ctx.services.cohorts.create(ctx.actor!, input);
    const access = cohortAccess(ctx.actor!, created.cohort);
    const counter = new PeopleCounter(access, keys);
    const memberIds = await ctx.services.cohorts.memberIds(created.cohort.id);
    return {
      cohort: cohortView(created.cohort, memberIds, counter, access),
      unknownLines: created.unknownLines,
      // People of another area: a count the counsellor could not list, so perturbed.
      laidOffElsewhere:
        created.cohort.source === 'employer'
          ? new PeopleCounter('aggregate', keys).count(created.elsewhereIds)
          : null,
    };
  }

  @Allow('counsellor', 'admin', 'integrator')
  @Query(() => [CohortType], {
    description: `Cohorts, newest first. Counsellors see their area’s. ${READERS}`,
  })
  async cohorts(
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1 to 100.' })
    first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortType[]> {
    const list = await ctx.services.cohorts.list(ctx.actor!, first);
    const members = await ctx.services.cohorts.memberIdsOf(list.map((c) => c.id));
    return list.map((cohort) => {
      const access = cohortAccess(ctx.actor!, cohort);
      const counter = new PeopleCounter(access, ctx.services.matches.recordKeys);
      return cohortView(cohort, members.get(cohort.id) ?? [], counter, access);
    });
  }

  @Allow('counsellor', 'admin', 'integrator')
  @Query(() => CohortAnalysisType, {
    description: `A cohort analysed: the group's combined profile, the vacancies ranked by how many of it each could take, where it could go by municipality and occupation, the members left without a match and what they lack, the trainings that would lift the most of them, what it nearly covers, and a one-to-one proposal of people to positions. ${READERS}`,
  })
  async cohortAnalysis(
    @Arg('cohortId', () => ID, { description: 'The cohort.' }) cohortId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortAnalysisType> {
    const cohorts = ctx.services.cohorts;
    const { cohort, access, figures } = await cohorts.analyse(
      ctx.actor!,
      cohortId,
      requesterOf(ctx),
    );
    return analysisView(cohort, figures, access, ctx.services.matches.recordKeys, cohorts.floor);
  }

  @Allow('counsellor', 'admin', 'integrator')
  @Query(() => String, {
    description: `A one-page report of a cohort's analysis for the structural-change working group: an HTML document with print styles (a PDF is the browser's print of it), with charts, in the language asked for, with persons only for a counsellor of the cohort's area. ${READERS}`,
  })
  async cohortReport(
    @Arg('cohortId', () => ID, { description: 'The cohort.' }) cohortId: string,
    @Arg('language', () => Language, {
      defaultValue: Language.FI,
      description: 'The language of the report’s texts and labels.',
    })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    const cohorts = ctx.services.cohorts;
    const { cohort, access, figures } = await cohorts.analyse(
      ctx.actor!,
      cohortId,
      requesterOf(ctx),
      'cohortReport',
    );
    const view = analysisView(
      cohort,
      figures,
      access,
      ctx.services.matches.recordKeys,
      cohorts.floor,
    );
    return cohortReport(ctx.services.dataSource, view, language);
  }
}
