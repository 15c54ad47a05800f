/** Test tiers; `npm test` runs them all, `npm run test:<tier>` one (see scripts/test.sh). */
const base = {
  transform: { '^.+\\.ts$': '@swc/jest' },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  // Follow package.json "imports" (#domain, #contracts, …) to the TypeScript sources.
  testEnvironmentOptions: { customExportConditions: ['qinglian-source', 'node', 'node-addons'] },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

export default {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/test/deploy/**/*.spec.ts'],
    },
    { ...base, displayName: 'http', testMatch: ['<rootDir>/test/http/**/*.spec.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...base, displayName: 'workflows', testMatch: ['<rootDir>/test/workflows/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'] },
    // The console in a real Chromium (scripts/ensure-browser.sh provides it); a stack on SQLite per file.
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.spec.ts'] },
    { ...base, displayName: 'replay', testMatch: ['<rootDir>/test/replay/**/*.spec.ts'] },
    // The built system as processes, driven through faults (a worker killed, Temporal or PostgreSQL restarted, the launcher killed).
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.spec.ts'] },
  ],
  testTimeout: 120_000,
};
