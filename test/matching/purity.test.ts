import { restrictedImports } from '../support/restricted-imports';

// The lint rule that keeps matching/ pure, tried on imports a file deep in matching/ could
// write.
const cases: Array<[file: string, specifier: string, restricted: boolean]> = [
  ['matching/zz.ts', '../src/logger', true],
  ['matching/ranking/zz.ts', '../../src/logger', true],
  ['matching/ranking/deeper/zz.ts', '../../../src/db/database', true],
  ['matching/zz.ts', 'typeorm', true],
  ['matching/zz.ts', 'type-graphql', true],
  ['matching/zz.ts', '@apollo/server', true],
  ['matching/ranking/zz.ts', '../score', false],
];

describe('the matching/ purity rule', () => {
  it('refuses src/, the database and GraphQL from any depth of matching/, allows its own files', () => {
    const restricted = restrictedImports(cases.map(([file, specifier]) => [file, specifier]));
    expect(cases.map(([file, specifier], i) => [file, specifier, restricted[i]])).toEqual(
      cases.map(([file, specifier, expected]) => [file, specifier, expected]),
    );
  });
});
