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

  @Field({
    description:
      'Whether items come before this page: true when it was asked for with `after` (lists page forward only).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first item of this page (null when the page is empty).',
  })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

/** The page info of a page of edges; a page asked for `after` a cursor has items before it. */
export function pageInfoOf(
  edges: { cursor: string }[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}

/**
 * A count run only when awaited: GraphQL awaits a field's value only when the field is selected,
 * so a page whose `totalCount` nobody asks for costs no count query.
 */
export function lazyCount(count: () => Promise<number>): PromiseLike<number> {
  let started: Promise<number> | undefined;
  return {
    then: (onFulfilled, onRejected) => (started ??= count()).then(onFulfilled, onRejected),
  };
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Every item of the list as the actor may list it; absent where the list is not counted. */
  totalCount?: PromiseLike<number> | number | null;
}

/**
 * A Relay connection type for a node type: edges with cursors, and page info; with `totalCount`
 * unless `counted` is false (say why at the call).
 */
export function Connection<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  { counted = true }: { counted?: boolean } = {},
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
  // The field is declared before the type is built (at schema build), so applying it here is
  // the same as decorating a property of the class.
  if (counted)
    Field(() => Int, {
      nullable: true,
      description: `How many ${name} items the whole list holds, counting only those you may list (one count query, run only when asked for); null where a list is not counted.`,
    })(ConnectionType.prototype, 'totalCount');
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
  const counted = query.clone();
  if (args.after) {
    const after = cursors.open(args.after);
    if (!isUuid(after)) throw badInput('after', 'is not a cursor from this list');
    query.andWhere(`${alias}.id > :after`, { after });
  }
  const rows = await query
    .orderBy(`${alias}.id`, 'ASC')
    .take(args.first + 1)
    .getMany();
  const edges = rows.slice(0, args.first).map((node) => ({ cursor: cursors.seal(node.id), node }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, rows.length > args.first, Boolean(args.after)),
    totalCount: lazyCount(() => counted.getCount()),
  };
}
