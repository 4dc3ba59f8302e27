import { EntityManager } from 'typeorm';
import { badInput } from '../errors/domain-error';

/**
 * What the record schemas (validation/records/) cannot check alone: that an identifier names a
 * row. Fails naming the first unknown one, e.g. `input.skills[2].skillUri: unknown ESCO skill`.
 */
export async function requireKnown(
  manager: EntityManager,
  table: 'esco_skill' | 'esco_occupation' | 'municipality' | 'employer',
  keyColumn: string,
  items: { field: string; value: string }[],
  what: string,
): Promise<void> {
  if (items.length === 0) return;
  const values = [...new Set(items.map((i) => i.value))];
  const rows: Record<string, string>[] = await manager.query(
    `SELECT ${keyColumn} AS key FROM ${table} WHERE ${keyColumn} = ANY($1)`,
    [values],
  );
  const known = new Set(rows.map((r) => String(r.key).trim()));
  const unknown = items.find((i) => !known.has(i.value));
  if (unknown) throw badInput(unknown.field, `unknown ${what}: ${unknown.value.slice(0, 200)}`);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
