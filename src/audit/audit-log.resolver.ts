import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { cursorsFor } from '../api/cursors';
import { AuditLogService } from './audit-log.service';

@ObjectType('AuditEntry', {
  description: 'One read, or refused attempt, of a jobseeker’s personal data.',
})
export class AuditEntryType {
  @Field(() => ID, { description: 'Its number; newer entries have larger ones.' }) id!: string;
  @Field({ description: 'When.' }) at!: Date;
  @Field({ description: 'Who asked (user id).' }) actorId!: string;
  @Field({ description: 'In which role.' }) actorRole!: string;
  @Field(() => ID, { description: 'Whose data.' }) jobseekerId!: string;
  @Field({ description: 'The GraphQL operation and field.' }) operation!: string;
  @Field(() => String, { nullable: true, description: 'The purpose stated.' })
  purpose!: string | null;
  @Field({ description: 'allowed or denied.' }) outcome!: string;
  @Field(() => String, {
    nullable: true,
    description: 'For a ranking served: the version of the matching parameters it used.',
  })
  paramsVersion!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'For a ranking served: the change-feed position (match_change id) its index had applied.',
  })
  matchChangeId!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "For a ranking served: the question as JSON (field, ids, filter, first, offset) and this person's position.",
  })
  ranking!: string | null;
}

@ObjectType('AuditPage', { description: 'A page of the audit log, newest first.' })
export class AuditPageType {
  @Field(() => [AuditEntryType], { description: 'The entries.' }) entries!: AuditEntryType[];
  @Field({ description: 'Whether older entries follow.' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

@Resolver()
export class AuditLogResolver {
  @Allow('data_protection_officer')
  @Query(() => AuditPageType, {
    description:
      'The audit log of personal-data reads and refusals, newest first, by jobseeker, actor and time. Roles: data protection officer.',
  })
  async auditLog(
    @Arg('jobseekerId', () => ID, { nullable: true, description: 'Only reads of this jobseeker.' })
    jobseekerId: string | null,
    @Arg('actorId', () => String, { nullable: true, description: 'Only reads by this user.' })
    actorId: string | null,
    @Arg('from', () => Date, { nullable: true, description: 'From this time.' }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Until this time.' }) to: Date | null,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 500.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuditPageType> {
    const cursors = cursorsFor(ctx, info);
    const { rows, hasNextPage } = await new AuditLogService(ctx.services.dataSource).list({
      jobseekerId,
      actorId,
      from,
      to,
      first,
      after: after ? cursors.open(after) : null,
    });
    const last = rows[rows.length - 1];
    return { entries: rows, hasNextPage, endCursor: last ? cursors.seal(last.id) : null };
  }
}
