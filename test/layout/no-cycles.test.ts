import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * No import cycle in src/ or matching/: every relative import and re-export counts, `import type`
 * included, because a cycle of types is still two folders that cannot be understood (or moved)
 * one without the other. Read with the TypeScript parser, so strings and comments do not count.
 */
const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['src', 'matching'];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Each file of src/ and matching/ with the files of src/ and matching/ it imports. */
export function importGraph(root = ROOT): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    const specifiers: string[] = [];
    const visit = (node: ts.Node): void => {
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        specifiers.push(node.moduleSpecifier.text);
      } else if (
        ts.isCallExpression(node) &&
        (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
          (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
        node.arguments.length === 1 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        specifiers.push(node.arguments[0].text);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        const literal = node.argument.literal;
        if (ts.isStringLiteral(literal)) specifiers.push(literal.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    const targets = specifiers
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveImport(file, specifier))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every strongly connected component of more than one file (or a file importing itself). */
export function importCycles(graph: Map<string, string[]>, root = ROOT): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
      cycles.push(component.map((file) => path.relative(root, file)).sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('layout', () => {
  it('finds a cycle, through import type and re-exports too (the check can fail)', () => {
    const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'cycles-'));
    try {
      fs.mkdirSync(path.join(root, 'src/a'), { recursive: true });
      fs.mkdirSync(path.join(root, 'matching'));
      fs.writeFileSync(path.join(root, 'src/a/one.ts'), "import { two } from '../two';\n");
      fs.writeFileSync(path.join(root, 'src/two.ts'), "export * from './three';\n");
      fs.writeFileSync(path.join(root, 'src/three.ts'), "import type { One } from './a/one';\n");
      fs.writeFileSync(path.join(root, 'src/four.ts'), "import { two } from './two';\n");
      fs.writeFileSync(path.join(root, 'matching/pure.ts'), "// import '../src/two'\n");
      expect(importCycles(importGraph(root), root)).toEqual([
        ['src/a/one.ts', 'src/three.ts', 'src/two.ts'],
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('has no import cycle in src/ and matching/', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(150);
    expect(importCycles(graph)).toEqual([]);
  });
});
