import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the emitted schema: every `graphql(`…`)` in web/src becomes a typed
 * document in web/src/gql (generated, not committed). `npm run typecheck` generates first, so an
 * operation the schema no longer answers fails the type check.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          DateTimeISO: 'string',
          LocalDate: 'string',
        },
      },
    },
  },
};
export default config;
