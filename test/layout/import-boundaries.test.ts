import { restrictedImports } from '../support/restricted-imports';

// The lint rule that keeps type-graphql at the edge (eslint.config.mjs), tried on files that
// may import it and on files that may not.
const cases: Array<[file: string, specifier: string, restricted: boolean]> = [
  ['src/jobseekers/jobseekers.resolver.ts', 'type-graphql', false],
  ['src/jobseekers/jobseekers.types.ts', 'type-graphql', false],
  ['src/vacancies/create-vacancy.input.ts', 'type-graphql', false],
  ['src/matches/match.type.ts', 'type-graphql', false],
  ['src/api/schema.ts', 'type-graphql', false],
  ['src/api/access-middleware.ts', 'type-graphql', false],
  ['src/api/text-arguments.ts', 'type-graphql', false],
  ['src/kernel/paging/pagination.ts', 'type-graphql', false],
  ['src/auth/access-policy.ts', 'type-graphql', true],
  ['src/api/context.ts', 'type-graphql', true],
  ['src/api/plugins/query-limits.ts', 'type-graphql', true],
  ['src/api/plugins/zz-middleware.ts', 'type-graphql', true],
  ['src/kernel/errors/domain-error.ts', 'type-graphql', true],
  ['src/jobseekers/jobseeker.service.ts', 'type-graphql', true],
  ['src/jobseekers/jobseeker.entity.ts', 'type-graphql', true],
  ['src/auth/token.service.ts', 'type-graphql', true],
  ['src/cli/zz.ts', 'type-graphql', true],
  ['scripts/zz.ts', 'type-graphql', true],
  ['src/jobseekers/jobseeker.service.ts', 'graphql', false],
];

describe('the type-graphql import boundary', () => {
  it('lets resolvers, type files, the schema and the API middleware import type-graphql, nothing else', () => {
    const restricted = restrictedImports(cases.map(([file, specifier]) => [file, specifier]));
    expect(cases.map(([file, specifier], i) => [file, specifier, restricted[i]])).toEqual(
      cases.map(([file, specifier, expected]) => [file, specifier, expected]),
    );
  });
});
