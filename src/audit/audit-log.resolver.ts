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
import { Connection, Page, pageInfoOf } from '../kernel/paging/pagination';

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

// Not counted: the log grows with every personal-data read and is never pruned by a reader, so
// a count scans it (and the data protection officer pages it by time and person, not by total).
export const AuditEntryConnection = Connection(AuditEntryType, 'AuditEntry', { counted: false });
type AuditEntryConnection = Page<AuditEntryType>;

@Resolver()
export class AuditLogResolver {
  @Allow('data_protection_officer')
  @Query(() => AuditEntryConnection, {
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
  ): Promise<AuditEntryConnection> {
    const cursors = cursorsFor(ctx, info);
    const { rows, hasNextPage } = await ctx.services.auditLog.list({
      jobseekerId,
      actorId,
      from,
      to,
      first,
      after: after ? cursors.open(after) : null,
    });
    const edges = rows.map((node) => ({ cursor: cursors.seal(node.id), node }));
    return { edges, pageInfo: pageInfoOf(edges, hasNextPage, Boolean(after)) };
  }
}
