import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * Reads an ESCO CSV file into records keyed by header. A real CSV parser: ESCO puts several
 * labels, newline-separated, inside one quoted cell.
 */
export function readCsvRecords(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}

/**
 * A column every record of the file must have (a concept's URI): a short or headerless line is a
 * clear error here rather than a NULL reaching a key column.
 */
export function requiredColumn(record: Record<string, string>, column: string): string {
  const value = record[column];
  if (value === undefined)
    throw new Error(`ESCO CSV record without ${column}: ${JSON.stringify(record).slice(0, 200)}`);
  return value;
}

/** The labels of a multi-label cell (newline-separated), trimmed, without empties or duplicates. */
export function splitLabels(cell: string | undefined): string[] {
  if (!cell) return [];
  return [
    ...new Set(
      cell
        .split(/\r?\n/)
        .map((label) => label.trim())
        .filter(Boolean),
    ),
  ];
}
