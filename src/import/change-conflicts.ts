/**
 * The importer's conflict rule: a record whose last change came through the API (see
 * db/change-origin.ts) is not overwritten by a line whose values differ from it; the line is
 * reported as a conflict, unless the import runs with --overwrite. Values equal to the record's
 * are no conflict (and no write).
 */
import { EntityManager } from 'typeorm';

/** What part of a line a conflict is about. */
export type ImportedPart =
  'employer' | 'vacancy' | 'requirements' | 'jobseeker' | 'personalData' | 'training';

export interface ConflictLine {
  line: number;
  part: ImportedPart;
  /** The record's key in the file: externalId, or customerId for jobseekers. */
  key: string;
  reason: string;
}

/**
 * A table the importer writes: the line's values arrive as `x` (jsonb_to_recordset with
 * `columns`), the stored row is `t`, joined by `join`. A column may compare a derived value of
 * the row (`current`, e.g. its languages as one string) instead of the column of that name.
 */
export interface TrackedTable {
  part: ImportedPart;
  /** The key field of the line, as named in `columns`. */
  key: string;
  columns: { name: string; type: string; current?: string }[];
  /** FROM clause after the recordset: `JOIN employer t ON t.external_id = x.external_id`. */
  join: string;
}

/** Keys of the rows whose last change came through the API and whose values the line would change, with when. */
export async function rowsChangedThroughApi(
  manager: EntityManager,
  table: TrackedTable,
  rows: Record<string, unknown>[],
): Promise<Map<string, Date>> {
  if (rows.length === 0) return new Map();
  const compared = table.columns.filter((c) => c.name !== table.key);
  const found: { key: string; at: Date }[] = await manager.query(
    `SELECT x.${table.key} AS key, t.last_changed_at AS at
     FROM jsonb_to_recordset($1::jsonb) AS x(${table.columns.map((c) => `${c.name} ${c.type}`).join(', ')})
     ${table.join}
     WHERE t.last_changed_by = 'api'
       AND (${compared.map((c) => c.current ?? `t.${c.name}`).join(', ')})
           IS DISTINCT FROM (${compared.map((c) => `x.${c.name}`).join(', ')})`,
    [JSON.stringify(rows)],
  );
  return new Map(found.map((f) => [f.key, new Date(f.at)]));
}

export function conflictReason(changedAt: Date, overwritten: boolean): string {
  return overwritten
    ? `changed through the API on ${changedAt.toISOString()}; overwritten (--overwrite)`
    : `changed through the API on ${changedAt.toISOString()}; the file's values differ, the record is left as it is (--overwrite replaces it)`;
}
