import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../api/context';
import { Allow } from './access-policy';

@ObjectType('ApiKey', { description: "An integrator's API key (its secret is never shown again)." })
export class ApiKeyType {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'Who it is for.' }) name!: string;
  @Field({ description: 'The short prefix that appears in the key, to recognise it.' })
  prefix!: string;
  @Field(() => [String], { description: 'The operations it may call.' }) operations!: string[];
  @Field({ description: 'Who created it.' }) createdBy!: string;
  @Field({ description: 'When.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new API key and, this once, its secret.' })
export class CreatedApiKeyType {
  @Field({
    description: 'Send it in the X-Api-Key header; it is not stored and cannot be shown again.',
  })
  key!: string;
  @Field(() => ApiKeyType, { description: 'The key.' }) apiKey!: ApiKeyType;
}

@Resolver()
export class ApiKeyResolver {
  @Allow('admin')
  @Mutation(() => CreatedApiKeyType, {
    description:
      'Creates an API key for an integrator, limited to operations integrators may call. Roles: admin.',
  })
  createApiKey(
    @Arg('name', { description: 'Who it is for.' }) name: string,
    @Arg('operations', () => [String], {
      description: 'The operations it may call, e.g. "vacancies".',
    })
    operations: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedApiKeyType> {
    return ctx.services.apiKeys.create(ctx.actor!, name, operations);
  }

  @Allow('admin')
  @Mutation(() => ApiKeyType, { description: 'Revokes an API key at once. Roles: admin.' })
  revokeApiKey(
    @Arg('id', () => ID, { description: 'The key.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiKeyType> {
    return ctx.services.apiKeys.revoke(id);
  }

  @Allow('admin')
  @Query(() => [ApiKeyType], {
    description: 'Every API key, newest first (no secrets). Roles: admin.',
  })
  apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyType[]> {
    return ctx.services.apiKeys.list();
  }
}
