import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The lint rule that keeps matching/ pure, tried on imports a file deep in matching/ could
// write. ESLint runs in a child process: its flat config is an ES module jest cannot load.
const cases: Array<[file: string, specifier: string, restricted: boolean]> = [
  ['matching/zz.ts', '../src/logger', true],
  ['matching/ranking/zz.ts', '../../src/logger', true],
  ['matching/ranking/deeper/zz.ts', '../../../src/db/database', true],
  ['matching/zz.ts', 'typeorm', true],
  ['matching/zz.ts', 'type-graphql', true],
  ['matching/zz.ts', '@apollo/server', true],
  ['matching/ranking/zz.ts', '../score', false],
];

function lintRestricted(): boolean[] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = ${JSON.stringify(cases)};
    (async () => {
      const eslint = new ESLint();
      const out = [];
      for (const [filePath, specifier] of cases) {
        const [r] = await eslint.lintText("import { x } from '" + specifier + "';\\nexport const y = x;\\n", { filePath });
        out.push(r.messages.some((m) => m.ruleId === 'no-restricted-imports'));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const root = path.join(__dirname, '..', '..');
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
  );
}

describe('the matching/ purity rule', () => {
  it('refuses src/, the database and GraphQL from any depth of matching/, allows its own files', () => {
    const restricted = lintRestricted();
    expect(cases.map(([file, specifier], i) => [file, specifier, restricted[i]])).toEqual(
      cases.map(([file, specifier, expected]) => [file, specifier, expected]),
    );
  });
});
