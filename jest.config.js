/**
 * Two jest projects. `unit`: pure tests, no database, no global template; `npm run test:unit`
 * runs them alone in seconds. `database`: every other test, on the embedded database unless
 * DATABASE_URL names a PostgreSQL server; global setup builds the migrated template they copy.
 * `npm test` runs both.
 */

/**
 * The pure test files (path regular expressions): no database (neither the template nor one
 * they start themselves), network mocked or loopback only. A test file that opens a database
 * does not belong here: it fails without the template (test/support/template.ts says so).
 */
const UNIT_TESTS = [
  '/test/matching/[^/]+\\.test\\.ts$',
  '/test/guidance/(level-suggestion|extraction)\\.test\\.ts$',
  '/test/search/(label-index|occupation-search|title-query|linking-set)\\.test\\.ts$',
  '/test/services/(audit-policy|business-id|config|display-number|feed-cache|migration-lint|personal-data-in-logs)\\.test\\.ts$',
  '/test/external/(providers|national-fake|national-provider|national-stream|national-sync-schedule|national-sync-status|p67-contract|tmt-profile-contract|tmt-profile-client|profile-import-mapping|profile-export-mapping)\\.test\\.ts$',
  '/test/auth/[^/]+\\.test\\.ts$',
  '/test/layout/[^/]+\\.test\\.ts$',
  '/test/profile-transfers/[^/]+\\.test\\.ts$',
  '/test/messages/[^/]+\\.test\\.ts$',
];

/** What both projects share: the TypeScript transform, the environment, seeds and log capture. */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }] },
  setupFiles: [
    '<rootDir>/test/support/setup-env.ts',
    '<rootDir>/test/support/setup-property-seed.ts',
  ],
  setupFilesAfterEnv: [
    '<rootDir>/test/support/network-lockdown.ts',
    '<rootDir>/test/support/log-capture.ts',
  ],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testRegex: UNIT_TESTS,
      // Logs only: a directory for the log lines, scanned for personal data afterwards.
      globalSetup: '<rootDir>/test/support/unit-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/unit-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'database',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...UNIT_TESTS],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
  maxWorkers: 2,
};
