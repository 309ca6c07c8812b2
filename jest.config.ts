import type { Config } from 'jest';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const swcReact = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/**
 * Projects: server (real PostgreSQL), client (components in jsdom), e2e (real Chromium against
 * a real server and database, serving the built client). `npm test` runs them all.
 */
const config: Config = {
  projects: [
    {
      displayName: 'server',
      rootDir: '<rootDir>/server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc as never },
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      displayName: 'client',
      rootDir: '<rootDir>/client',
      testEnvironment: '<rootDir>/src/test/jsdom-environment.cjs',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.{ts,tsx}'],
      transform: { '^.+\\.(t|j)sx?$': swcReact as never },
      // @x0k/json-schema-merge (used by @rjsf/utils) ships ES modules only, and @rjsf/mui's CommonJS
      // build takes MUI's CommonJS modules whole as their default export: compile both from ESM.
      transformIgnorePatterns: ['/node_modules/(?!(@x0k/json-schema-merge|@rjsf/mui)/)'],
      moduleNameMapper: { '^@rjsf/mui$': '<rootDir>/../node_modules/@rjsf/mui/lib/index.js' },
      setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: '<rootDir>/e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': swc as never },
      setupFiles: ['reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/setup.ts'],
      // Builds the client when stale, then the same database setup as the server project
      // (jest runs a global hook once per file path, so the embedded PostgreSQL is shared).
      globalSetup: '<rootDir>/global-setup.ts',
      globalTeardown: '<rootDir>/../server/test/global-teardown.ts',
    },
  ],
  maxWorkers: 2,
  // A global option (jest ignores it inside projects): real databases and a real browser on a
  // shared two-core machine take seconds, not jest's default five.
  testTimeout: 60_000,
};

export default config;
