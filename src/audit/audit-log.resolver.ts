import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access-policy';
import { RequestContext } from '../api/context';
import { cursorsFor } from '../api/cursors';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';

export const AuditOutcomeEnum = domainEnum(
  DOMAIN_VALUES.auditOutcome,
  'AuditOutcome',
  'Whether a read of personal data was allowed.',
  {
    ALLOWED: 'The data was read.',
    DENIED: 'The read was refused; the attempt is logged all the same.',
  },
);
export type AuditOutcomeEnum = (typeof AuditOutcomeEnum)[keyof typeof AuditOutcomeEnum];
export const AuditActorRoleEnum = domainEnum(
  DOMAIN_VALUES.auditActorRole,
  'AuditActorRole',
  'The role a reader of personal data acted in.',
  {
    COUNSELLOR: 'An employment services counsellor.',
    EMPLOYER: "An employer's user.",
    JOBSEEKER: 'The jobseeker themselves.',
    LEARNING_ENVIRONMENT: 'A learning environment.',
    INTEGRATOR: "An integrator's API key.",
    ADMIN: 'An administrator.',
    DATA_PROTECTION_OFFICER: 'The data protection officer.',
    IMPORTER: 'The bulk importer, overwriting personal data (import:jsonl --overwrite).',
  },
);
export type AuditActorRoleEnum = (typeof AuditActorRoleEnum)[keyof typeof AuditActorRoleEnum];

@ObjectType('AuditEntry', {
  description: 'One read, or refused attempt, of a jobseeker’s personal data.',
})
export class AuditEntryType {
  @Field(() => ID, { description: 'Its number; newer entries have larger ones.' }) id!: string;
  @Field({ description: 'When the data was read or the read refused.' }) at!: Date;
  @Field({ description: 'Who asked (user id).' }) actorId!: string;
  @Field(() => AuditActorRoleEnum, { description: 'The role the reader acted in.' })
  actorRole!: string;
  @Field(() => ID, { description: 'Whose data.' }) jobseekerId!: string;
  @Field({ description: 'The GraphQL operation and field.' }) operation!: string;
  @Field(() => String, { nullable: true, description: 'The purpose stated.' })
  purpose!: string | null;
  @Field(() => AuditOutcomeEnum, { description: 'Whether the read was allowed or refused.' })
  outcome!: string;
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
    const { rows, hasNextPage } = await ctx.services.auditLog.list({
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
