/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  // Each test file owns its SQLite file / server port; two workers fit the 2-core machines.
  maxWorkers: 2,
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
