// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'jest.config.js', 'web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', Blob: 'readonly' },
      // Type information for the promise rules below: one TypeScript program from tsconfig.json
      // (src, matching, migrations, scripts, test, bench, fixtures), shared by every file.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error'] }],
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the process) and
      // its ordering; one passed where a callback's result is ignored (an Express handler, an
      // event listener, forEach) does too. A deliberate fire-and-forget is written `void p`
      // with a comment saying why nothing waits for it.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Plain JavaScript files are outside tsconfig.json: no type information, no type-aware rules.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // GraphQL stays at the edge: only resolvers, GraphQL type files, the schema's assembly and
    // the API layer's middleware import type-graphql; services, repositories, entities and
    // everything else do not. matching/ has its own, stricter rule below.
    files: ['**/*.ts'],
    ignores: [
      'src/**/*.resolver.ts',
      'src/**/*.{types,type,input}.ts',
      // The schema's assembly and the API layer's middleware: *-middleware.ts directly in
      // src/api/ (the access rules) and text-arguments.ts (a middleware under another name).
      'src/api/schema.ts',
      'src/api/*-middleware.ts',
      'src/api/text-arguments.ts',
      // The paging types (PageArgs, PageInfo, connections): a type file under another name.
      'src/kernel/paging/pagination.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'type-graphql',
              message:
                'GraphQL stays in resolvers and type files (*.resolver.ts, *.types.ts) and the API layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // matching/ is pure: no database, no GraphQL, nothing from src/. A regular expression over
    // the whole specifier, so '../../src/…' from a subfolder is caught as well as '../src/…'.
    files: ['matching/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src(/|$)',
              message: 'matching/ is pure: it imports nothing from src/.',
            },
            { group: ['typeorm', 'type-graphql', 'graphql', 'pg', '@apollo/*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
