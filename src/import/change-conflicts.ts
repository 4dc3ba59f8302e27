/**
 * The importer's conflict rule: a record whose last change came through the API (see
 * db/change-origin.ts) is not overwritten by a line whose values differ from it; the line is
 * reported as a conflict, unless the import runs with --overwrite. Values equal to the record's
 * are no conflict (and no write).
 */

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

/**
 * The statement that finds the keys of the rows whose last change came through the API and
 * whose values the line would change, with when (columns `key`, `at`). The owner repository of
 * the table runs it (e.g. JobseekerRepository.importConflicts); this module only states the rule.
 */
export function changedThroughApiQuery(
  table: TrackedTable,
  rows: readonly object[],
): [sql: string, parameters: unknown[]] {
  const compared = table.columns.filter((c) => c.name !== table.key);
  return [
    `SELECT x.${table.key} AS key, t.last_changed_at AS at
     FROM jsonb_to_recordset($1::jsonb) AS x(${columnList(table)})
     ${table.join}
     WHERE t.last_changed_by = 'api'
       AND (${compared.map((c) => c.current ?? `t.${c.name}`).join(', ')})
           IS DISTINCT FROM (${compared.map((c) => `x.${c.name}`).join(', ')})`,
    [JSON.stringify(rows)],
  ];
}

/** The keys found by changedThroughApiQuery, with when each row changed through the API. */
export function changedAt(found: { key: string; at: Date | string }[]): Map<string, Date> {
  return new Map(found.map((f) => [f.key, new Date(f.at)]));
}

/** `name type, ...` for jsonb_to_recordset. */
export function columnList(table: TrackedTable): string {
  return table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
}

/** The table's own columns (derived ones, `current`, left out), comma-separated. */
export function ownColumns(table: TrackedTable): string {
  return table.columns
    .filter((c) => !c.current)
    .map((c) => c.name)
    .join(', ');
}

/** `alias.a, alias.b, ...` of a comma-separated column list. */
export function prefixed(alias: string, columns: string): string {
  return columns
    .split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');
}

export function conflictReason(changedAt: Date, overwritten: boolean): string {
  return overwritten
    ? `changed through the API on ${changedAt.toISOString()}; overwritten (--overwrite)`
    : `changed through the API on ${changedAt.toISOString()}; the file's values differ, the record is left as it is (--overwrite replaces it)`;
}
