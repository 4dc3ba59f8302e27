import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * One owner per table: a table is written (INSERT, UPDATE, DELETE, TRUNCATE, or a TypeORM write
 * through its entity) only in its owner file, or in a migration. Read with the TypeScript parser:
 * SQL counts in string and template literals (a table named through `${…}` is not seen), entity
 * writes in calls; comments do not count. Tables are added here as they get their owner.
 */
const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['src', 'scripts'];

interface Owner {
  file: string;
  /** The entity classes mapping the table, if any. */
  entities: string[];
}

export const OWNERS: Record<string, Owner> = {
  api_key: { file: 'src/auth/api-key.repository.ts', entities: ['ApiKey'] },
  idempotency_key: {
    file: 'src/api/plugins/idempotency-key.repository.ts',
    entities: ['IdempotencyKey'],
  },
  rate_limit: { file: 'src/api/plugins/rate-limit.ts', entities: [] },
  external_vacancy: { file: 'src/external/external-cache.ts', entities: ['CachedExternalVacancy'] },
  external_search: { file: 'src/external/external-cache.ts', entities: ['CachedExternalSearch'] },
  match_outcome: { file: 'src/matches/match-outcome.repository.ts', entities: ['MatchOutcome'] },
  audit_log: { file: 'src/audit/audit-log.repository.ts', entities: ['AuditEntry'] },
  // Written by migrations only (the feed by their triggers): the owner files hold no write.
  match_change: { file: 'src/matches/match-change.repository.ts', entities: ['MatchChange'] },
  municipality: {
    file: 'src/municipalities/municipality.repository.ts',
    entities: ['Municipality'],
  },
};

/** The owned tables that only migrations write. */
const MIGRATIONS_ONLY = new Set(['match_change', 'municipality']);

/**
 * Writers not yet moved to their table's owner, each in a folder another change of issue 13 is
 * rewriting; the test fails when one of them stops writing, so the list only shrinks.
 */
const PENDING: string[] = [
  'audit_log <- src/import/jsonl-importer.ts',
  'audit_log <- src/jobseekers/assessment-draft.service.ts',
  'audit_log <- src/jobseekers/personal-data.reader.ts',
];

const SQL_WRITE =
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;
const ENTITY_WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'increment',
  'decrement',
  'clear',
  'into',
]);

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

/** The functions called along a call's receiver chain, with their arguments' identifiers. */
function chain(node: ts.Expression): { name: string; args: string[] }[] {
  const calls: { name: string; args: string[] }[] = [];
  let current: ts.Node = node;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    if (ts.isCallExpression(current)) {
      const callee = current.expression;
      calls.push({
        name: ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : '',
        args: current.arguments.filter(ts.isIdentifier).map((a) => a.text),
      });
      current = callee;
    } else {
      current = current.expression;
    }
  }
  return calls;
}

/** Whether a call writes through `entity`: `m.save(X, …)`, `getRepository(X).delete(…)`, `….delete().from(X)`. */
function writesEntity(call: ts.CallExpression, entity: string): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  const named = call.arguments.some((a) => ts.isIdentifier(a) && a.text === entity);
  const receiver = chain(call.expression.expression);
  if (method === 'from')
    return named && receiver.some((c) => ['delete', 'update', 'insert'].includes(c.name));
  if (!ENTITY_WRITES.has(method)) return false;
  return (
    named ||
    receiver.some(
      (c) => ['getRepository', 'createQueryBuilder'].includes(c.name) && c.args.includes(entity),
    )
  );
}

/** Every table of `owners` each file writes, as "table <- file" (file relative to root). */
export function tableWrites(root = ROOT, owners = OWNERS): string[] {
  const tableOfEntity = new Map(
    Object.entries(owners).flatMap(([table, o]) => o.entities.map((e) => [e, table] as const)),
  );
  const found = new Set<string>();
  for (const file of FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const relative = path.relative(root, file);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    const sql = (text: string) => {
      for (const [, table] of text.matchAll(SQL_WRITE))
        if (table && table.toLowerCase() in owners)
          found.add(`${table.toLowerCase()} <- ${relative}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) sql(node.text);
      else if (ts.isTemplateExpression(node))
        sql([node.head.text, ...node.templateSpans.map((s) => ` \${} ${s.literal.text}`)].join(''));
      else if (ts.isCallExpression(node)) {
        for (const [entity, table] of tableOfEntity)
          if (writesEntity(node, entity)) found.add(`${table} <- ${relative}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].sort();
}

/** Writes outside their table's owner file. */
export function strayWrites(root = ROOT, owners = OWNERS): string[] {
  return tableWrites(root, owners).filter((write) => {
    const [table, file] = write.split(' <- ') as [string, string];
    return owners[table]!.file !== file;
  });
}

describe('table owners', () => {
  it('finds a write outside the owner, in SQL or through the entity (the check can fail)', () => {
    const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'owners-'));
    try {
      fs.mkdirSync(path.join(root, 'src/auth'), { recursive: true });
      fs.mkdirSync(path.join(root, 'src/other'), { recursive: true });
      fs.mkdirSync(path.join(root, 'migrations'));
      const write = (file: string, text: string) => fs.writeFileSync(path.join(root, file), text);
      write('src/auth/api-key.repository.ts', "q('UPDATE api_key SET revoked_at = now()');\n");
      write('src/other/sql.ts', 'q(`INSERT INTO "api_key" (name) VALUES ($1)`);\n');
      write(
        'src/other/entity.ts',
        'm.save(ApiKey, {}); ds.getRepository(MatchOutcome).delete({});\n',
      );
      write(
        'src/other/builder.ts',
        'm.createQueryBuilder().delete().from(AuditEntry).execute();\n',
      );
      write(
        'src/other/quiet.ts',
        '// DELETE FROM api_key in a comment\nq(`SELECT 1 FROM api_key`);\n',
      );
      write('migrations/1-X.ts', "q('DELETE FROM api_key');\n");
      expect(strayWrites(root)).toEqual([
        'api_key <- src/other/entity.ts',
        'api_key <- src/other/sql.ts',
        'audit_log <- src/other/builder.ts',
        'match_outcome <- src/other/entity.ts',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes each owned table only in its owner file or a migration', () => {
    expect(strayWrites()).toEqual(PENDING);
  });

  it('sees each owner write its tables (a write it cannot read would slip past it)', () => {
    const writes = tableWrites();
    const unseen = Object.entries(OWNERS)
      .filter(([table]) => !MIGRATIONS_ONLY.has(table))
      .map(([table, owner]) => `${table} <- ${owner.file}`)
      .filter((write) => !writes.includes(write));
    expect(unseen).toEqual([]);
  });

  it('starts each owner file with a one-line comment naming the tables it owns', () => {
    for (const [table, owner] of Object.entries(OWNERS)) {
      const [first] = fs.readFileSync(path.join(ROOT, owner.file), 'utf8').split('\n');
      expect([owner.file, first?.startsWith('// Owns ') && first.includes(table)]).toEqual([
        owner.file,
        true,
      ]);
    }
  });
});
