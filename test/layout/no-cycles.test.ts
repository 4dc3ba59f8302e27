import path from 'node:path';
import ts from 'typescript';

/**
 * No runtime import cycle in src/ or matching/. The graph is read from what the TypeScript
 * compiler emits (each file's require calls), so imports that only name types (`import type`,
 * or names used only as types, which tsc drops) do not count, and decorator metadata, which
 * does need the class at run time, does.
 */
const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['src', 'matching'];

export function runtimeImportGraph(): Map<string, string[]> {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  const inScope = (file: string): boolean =>
    FOLDERS.some((folder) => path.relative(path.join(ROOT, folder), file).split(path.sep)[0] !== '..');
  const rootNames = config.fileNames.filter((file) => inScope(file) && !file.endsWith('.d.ts'));
  const program = ts.createProgram({
    rootNames,
    options: { ...config.options, noEmit: false, sourceMap: false, declaration: false },
  });
  const graph = new Map<string, string[]>();
  for (const sourceFile of program.getSourceFiles()) {
    const file = path.resolve(sourceFile.fileName);
    if (!rootNames.includes(sourceFile.fileName) && !rootNames.includes(file)) continue;
    let emitted = '';
    program.emit(sourceFile, (name, text) => {
      if (name.endsWith('.js')) emitted = text;
    });
    const targets: string[] = [];
    for (const match of emitted.matchAll(/require\("(\.{1,2}\/[^"]*)"\)/g)) {
      const resolved = ts.resolveModuleName(match[1], file, config.options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = path.resolve(resolved.resolvedFileName);
      if (inScope(target) && !target.endsWith('.d.ts')) targets.push(target);
    }
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every strongly connected component with more than one file (or a file importing itself). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowLinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return components.map((component) => component.map((file) => path.relative(ROOT, file)).sort());
}

describe('layout', () => {
  it('finds a cycle when there is one (the check itself can fail)', () => {
    const graph = new Map([
      [path.join(ROOT, 'src/a.ts'), [path.join(ROOT, 'src/b.ts')]],
      [path.join(ROOT, 'src/b.ts'), [path.join(ROOT, 'src/c.ts')]],
      [path.join(ROOT, 'src/c.ts'), [path.join(ROOT, 'src/a.ts')]],
      [path.join(ROOT, 'src/d.ts'), [path.join(ROOT, 'src/a.ts')]],
    ]);
    expect(importCycles(graph)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
  });

  it('has no runtime import cycle in src/ and matching/', () => {
    const graph = runtimeImportGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toEqual([]);
  }, 180_000);
});
