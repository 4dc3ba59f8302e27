import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/domain-error';
import { isUuid } from '../validation/validators';
import { CursorScope } from './cursor';
import { lazyCount, Page, PageArgs, pageInfoOf, validatePage } from './pagination';

/**
 * A list order for keyset paging: SQL expressions, none of them NULL (coalesce them), the last
 * the row's id so that the order is total; all in one direction, so that "after the cursor" is
 * one row comparison. `cast` is the type each key's text is read back as.
 */
export interface KeysetOrder {
  keys: { sql: string; cast: 'text' | 'date' | 'timestamptz' | 'uuid' }[];
  direction: 'ASC' | 'DESC';
}

/**
 * A page by keyset on an order other than the id. The cursor seals the last row's key values as
 * text (a timestamp keeps its microseconds, which a JS Date would lose), and is bound to the
 * list's arguments, the order among them (see cursor.ts): a cursor of one order is refused under
 * another. The keys are selected as text in the page's one query.
 */
export async function paginateByKeys<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  order: KeysetOrder,
  args: PageArgs,
  cursors: CursorScope,
): Promise<Page<T>> {
  validatePage(args);
  const { keys, direction } = order;
  const counted = query.clone();
  if (args.after) {
    const after = openPosition(cursors, args.after, keys.length);
    const params = Object.fromEntries(after.map((v, i) => [`after_k${i}`, v]));
    const row = keys.map((k) => k.sql).join(', ');
    const bound = keys.map((k, i) => `CAST(:after_k${i} AS ${k.cast})`).join(', ');
    query.andWhere(`(${row}) ${direction === 'ASC' ? '>' : '<'} (${bound})`, params);
  }
  keys.forEach((k, i) => {
    query.addSelect(`CAST(${k.sql} AS text)`, `page_k${i}`);
    if (i === 0) query.orderBy(k.sql, direction);
    else query.addOrderBy(k.sql, direction);
  });
  const { entities, raw } = await query.limit(args.first + 1).getRawAndEntities();
  const keysById = new Map<string, string[]>(
    raw.map((r: Record<string, string>) => [
      r[`${alias}_id`]!,
      keys.map((_, i) => r[`page_k${i}`]!),
    ]),
  );
  const seal = (node: T) => cursors.seal(JSON.stringify(keysById.get(node.id)));
  const edges = entities.slice(0, args.first).map((node) => ({ cursor: seal(node), node }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, entities.length > args.first, Boolean(args.after)),
    totalCount: lazyCount(() => counted.getCount()),
  };
}

/** The key values in a cursor of this list; anything else is refused as `after`. */
function openPosition(cursors: CursorScope, cursor: string, length: number): string[] {
  const refuse = () => badInput('after', 'is not a cursor from this list');
  let values: unknown;
  try {
    values = JSON.parse(cursors.open(cursor));
  } catch (error) {
    if (error instanceof SyntaxError) throw refuse();
    throw error;
  }
  if (
    !Array.isArray(values) ||
    values.length !== length ||
    !values.every((v) => typeof v === 'string') ||
    !isUuid(values[length - 1] as string)
  )
    throw refuse();
  return values as string[];
}
