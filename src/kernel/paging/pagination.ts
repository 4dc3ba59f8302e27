import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/domain-error';
import { isUuid } from '../validation/validators';
import { CursorScope } from './cursor';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many, 1 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType({ description: 'Where a page is in the whole list.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** A Relay connection type for a node type: edges with cursors, and page info. */
export function Connection<T extends object>(
  nodeType: ClassType<T>,
  name: string,
): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`, { description: `A ${name} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export function validatePage({ first }: PageArgs): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
}

/**
 * A page by keyset on the id: stable under inserts, indexed (primary key), and the cost does
 * not grow with the page number as OFFSET's does. The cursors are sealed (see cursor.ts): the
 * id in them is the server's to read.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  args: PageArgs,
  cursors: CursorScope,
): Promise<Page<T>> {
  validatePage(args);
  if (args.after) {
    const after = cursors.open(args.after);
    if (!isUuid(after)) throw badInput('after', 'is not a cursor from this list');
    query.andWhere(`${alias}.id > :after`, { after });
  }
  const rows = await query
    .orderBy(`${alias}.id`, 'ASC')
    .take(args.first + 1)
    .getMany();
  const page = rows.slice(0, args.first);
  return {
    edges: page.map((node) => ({ cursor: cursors.seal(node.id), node })),
    pageInfo: {
      hasNextPage: rows.length > args.first,
      endCursor: page.length ? cursors.seal(page[page.length - 1].id) : null,
    },
  };
}
