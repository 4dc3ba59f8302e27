import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Who writes which table, read from the code: raw SQL (INSERT INTO, UPDATE, DELETE FROM,
 * TRUNCATE, in any string or template literal) and TypeORM writes (save, insert, update,
 * delete, ... on an EntityManager, Repository, DataSource or query builder), whose entity is
 * found by the type checker, also where only an instance is passed (`manager.save(jobseeker)`).
 */

const SQL_WRITE =
  /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const TYPEORM_WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
  'into',
]);
const TYPEORM_RECEIVERS = /^(EntityManager|Repository|DataSource|\w*QueryBuilder)\b/;

export interface TableWrite {
  file: string;
  line: number;
  table: string;
}

/** Table names of the entity classes declared in these files (`@Entity({ name: 'x' })`), by class. */
export function entityTables(files: string[]): Map<string, string> {
  const tables = new Map<string, string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const decorator of ts.getDecorators(node) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText(source) !== 'Entity') continue;
        const [options] = call.arguments;
        const name =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.find(
                (p): p is ts.PropertyAssignment =>
                  ts.isPropertyAssignment(p) && p.name.getText(source) === 'name',
              )
            : undefined;
        if (name && ts.isStringLiteral(name.initializer))
          tables.set(node.name.text, name.initializer.text);
        else if (options && ts.isStringLiteral(options)) tables.set(node.name.text, options.text);
      }
    });
  }
  return tables;
}

/** Every write to a table in the program's files under `root` (relative paths). */
export function tableWrites(
  program: ts.Program,
  entities: Map<string, string>,
  root: string,
): TableWrite[] {
  const checker = program.getTypeChecker();
  const writes: TableWrite[] = [];
  /** The entity table of a type: the class itself, an instance, an array of them, Repository<X>. */
  const tableOf = (type: ts.Type, depth = 0): string | undefined => {
    if (depth > 3) return undefined;
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const direct = symbol && entities.get(symbol.getName());
    if (direct) return direct;
    // `typeof Jobseeker` (the class passed as target): its construct signature's return type.
    for (const signature of type.getConstructSignatures()) {
      const table = tableOf(signature.getReturnType(), depth + 1);
      if (table) return table;
    }
    const isReference =
      (type.flags & ts.TypeFlags.Object) !== 0 &&
      ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
    for (const argument of isReference ? checker.getTypeArguments(type as ts.TypeReference) : []) {
      const table = tableOf(argument, depth + 1);
      if (table) return table;
    }
    return undefined;
  };
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !path.resolve(source.fileName).startsWith(root + path.sep))
      continue;
    const file = path.relative(root, source.fileName);
    const record = (node: ts.Node, table: string) =>
      writes.push({
        file,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        table,
      });
    const visit = (node: ts.Node): void => {
      if (
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)
      ) {
        for (const match of node.text.matchAll(SQL_WRITE)) record(node, match[1]!.toLowerCase());
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        TYPEORM_WRITES.has(node.expression.name.text)
      ) {
        const receiver = checker.getTypeAtLocation(node.expression.expression);
        const receiverName = checker.typeToString(receiver);
        if (TYPEORM_RECEIVERS.test(receiverName)) {
          const [first] = node.arguments;
          const table =
            tableOf(receiver) ?? (first ? tableOf(checker.getTypeAtLocation(first)) : undefined);
          if (table) record(node, table);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return writes;
}

/** The program of the project's TypeScript files (tsconfig.json), or of the files given. */
export function projectProgram(root: string, files?: string[]): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  return ts.createProgram(files ?? config.fileNames, { ...config.options, noEmit: true });
}

/** The tables each repository owns, from its first line: `// Owns a, b and c.` (by file). */
export function repositoryOwners(files: string[], root: string): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const file of files) {
    const first = fs.readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
    // `// Owns [table|tables] a, b and c[ (why)][: or ; what else].`: the names before the rest.
    const owned = /^\/\/ Owns (?:tables? )?(.+?)(?=\s*[(:;]|\.?$)/.exec(first)?.[1];
    owners.set(
      path.relative(root, file),
      owned
        ? owned
            .split(/,\s*|\s+and\s+/)
            .map((t) => t.trim())
            .filter((t) => /^[a-z_][a-z0-9_]*$/.test(t))
        : [],
    );
  }
  return owners;
}
