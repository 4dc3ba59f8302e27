import { EntityManager } from 'typeorm';
import { badInput } from '../errors/domain-error';

/** Sane limits on free text, so that nobody stores a megabyte in a name. */
export const TEXT_LIMITS = {
  name: 200,
  title: 200,
  description: 20_000,
  evidence: 2_000,
  code: 100,
} as const;

export function requireText(field: string, value: string | undefined | null, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

export function optionalText(
  field: string,
  value: string | undefined | null,
  max: number,
): string | null {
  if (value === undefined || value === null) return null;
  if (value.length > max) throw badInput(field, `must be at most ${max} characters`);
  return value.trim();
}

export function requireIntInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function optionalDate(field: string, value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw badInput(field, 'must be a date as YYYY-MM-DD');
  }
  return value;
}

export function optionalCoordinate(
  field: string,
  value: number | undefined | null,
  limit: 90 | 180,
): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isFinite(value) || Math.abs(value) > limit)
    throw badInput(field, `must be between -${limit} and ${limit}`);
  return value;
}

export function requireLanguageCode(field: string, value: string): string {
  if (!/^[a-z]{2}$/.test(value)) throw badInput(field, 'must be an ISO 639-1 code such as "fi"');
  return value;
}

export function requireCodes(field: string, values: string[], maxCount: number): string[] {
  if (values.length > maxCount) throw badInput(field, `must have at most ${maxCount} items`);
  values.forEach((v, i) => {
    if (!/^[a-z0-9_]{1,100}$/.test(v))
      throw badInput(`${field}[${i}]`, 'must be a code of lowercase letters, digits and _');
  });
  return [...new Set(values)];
}

/** Fails naming the first unknown one, e.g. `input.skills[2].skillUri: unknown ESCO skill`. */
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
