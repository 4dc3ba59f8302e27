import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** A file (need not exist) and a module specifier it imports. */
export type ImportCase = [file: string, specifier: string];

/**
 * For each case, whether the project's ESLint config refuses the import (no-restricted-imports).
 * ESLint runs in a child process: its flat config is an ES module jest cannot load. The files
 * need not exist, so type information is switched off (the import rules need none; the
 * type-aware rules would refuse a file outside tsconfig.json).
 */
export function restrictedImports(cases: ImportCase[]): boolean[] {
  const script = `
    const { ESLint } = require('eslint');
    const tseslint = require('typescript-eslint');
    const cases = ${JSON.stringify(cases)};
    (async () => {
      const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
      const out = [];
      for (const [filePath, specifier] of cases) {
        const [r] = await eslint.lintText("import { x } from '" + specifier + "';\\nexport const y = x;\\n", { filePath });
        if (r.messages.some((m) => m.fatal)) throw new Error(filePath + ': ' + r.messages[0].message);
        out.push(r.messages.some((m) => m.ruleId === 'no-restricted-imports'));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const root = path.join(__dirname, '..', '..');
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
  ) as boolean[];
}
