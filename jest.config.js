/** Tests run on the embedded database unless DATABASE_URL names a PostgreSQL server. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: [
    '<rootDir>/test/support/setup-env.ts',
    '<rootDir>/test/support/setup-property-seed.ts',
  ],
  setupFilesAfterEnv: [
    '<rootDir>/test/support/network-lockdown.ts',
    '<rootDir>/test/support/log-capture.ts',
  ],
  testTimeout: 60000,
  maxWorkers: 2,
};
