/**
 * Expand and contract: a migration's `up` may add (tables, nullable columns, columns with a
 * default, indexes, triggers) but not take away or change what the previous server version
 * reads and writes, since both versions run against one schema during a rolling deploy. A
 * statement that does is allowed only in a contract step: marked with a `contract:` comment on
 * its line or within the three lines above, saying which release stopped using what it removes.
 */
export interface MigrationProblem {
  line: number;
  statement: string;
  rule: string;
}

const RULES: [rule: string, pattern: RegExp][] = [
  ['drops a table, column, view or type', /\bDROP\s+(TABLE|COLUMN|VIEW|TYPE|SCHEMA)\b/i],
  ['renames', /\bRENAME\b/i],
  ['changes a column type', /\bALTER\s+COLUMN\s+"?\w+"?\s+(SET\s+DATA\s+)?TYPE\b/i],
  ['makes a column NOT NULL', /\bSET\s+NOT\s+NULL\b/i],
  // At a statement's start: "BEFORE TRUNCATE" in a trigger is no truncation.
  ['truncates', /(^|[`;(]\s*)TRUNCATE\b/i],
  [
    'adds a NOT NULL column without a default',
    /\bALTER\s+TABLE\s+"?\w+"?\s+ADD\s+(COLUMN\s+)?(?!CONSTRAINT\b)"?\w+"?\s+[^`;]*?\bNOT\s+NULL\b(?![^`;]*\bDEFAULT\b)/i,
  ],
];

/** The problems of one migration file's source: statements in `up` that break the older version. */
export function lintMigration(source: string): MigrationProblem[] {
  const start = source.search(/async\s+up\s*\(/);
  const end = source.search(/async\s+down\s*\(/);
  if (start < 0) return [{ line: 1, statement: '', rule: 'has no up()' }];
  const before = source.slice(0, start).split('\n').length - 1;
  const lines = source.slice(start, end < 0 ? undefined : end).split('\n');
  const problems: MigrationProblem[] = [];
  lines.forEach((text, i) => {
    for (const [rule, pattern] of RULES) {
      if (!pattern.test(text)) continue;
      const marked = lines.slice(Math.max(0, i - 3), i + 1).some((l) => /\bcontract:/.test(l));
      if (!marked) problems.push({ line: before + i + 1, statement: text.trim(), rule });
    }
  });
  return problems;
}
