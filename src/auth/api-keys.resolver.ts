import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../api/context';
import { Allow } from './access-policy';
import { ApiOperationEnum } from './auth.types';

@ObjectType('ApiKey', { description: "An integrator's API key (its secret is never shown again)." })
export class ApiKeyType {
  @Field(() => ID, { description: "The key's id (not its secret), for revokeApiKey." }) id!: string;
  @Field({ description: 'Who it is for.' }) name!: string;
  @Field({ description: 'The short prefix that appears in the key, to recognise it.' })
  prefix!: string;
  @Field(() => [ApiOperationEnum], { description: 'The only root operations the key may call.' })
  operations!: string[];
  @Field({ description: 'The id of the admin who created it.' }) createdBy!: string;
  @Field({ description: 'When the key was created.' }) createdAt!: Date;
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
    @Arg('operations', () => [ApiOperationEnum], {
      description: 'The only root operations the key may call, at least one, e.g. [VACANCIES].',
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
