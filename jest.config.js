/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Transpile only (types are checked once by `npm run lint`): keeps the suite fast on 2 cores.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Each test file owns its SQLite file / server port; two workers fit the 2-core machines.
  maxWorkers: 2,
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
