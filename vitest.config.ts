import { defineConfig } from 'vitest/config';

/**
 * Unit tests (pure rules, web components) run once; everything that touches a database runs on PGlite
 * and, when RETA_TEST_DATABASE_URL is set (CI sets it), again on a PostgreSQL server.
 */
const databaseSuites = ['src/server/**/*.test.ts', 'test/**/*.test.ts'];
const withPostgres = Boolean(process.env.RETA_TEST_DATABASE_URL);
// A shared, overloaded machine can need more (e.g. RETA_TEST_TIMEOUT_MS=600000); CI keeps the default.
const timeout = Number(process.env.RETA_TEST_TIMEOUT_MS) || 60_000;

// The CLI's own tests start real processes on PGlite data directories: once is enough.
const databaseProject = (driver: 'pglite' | 'postgres') => ({
  test: {
    name: driver,
    include: driver === 'pglite' ? [...databaseSuites, 'src/cli/**/*.test.ts'] : databaseSuites,
    environment: 'node',
    globalSetup: [`test/global-setup-${driver}.ts`],
    // Cheap argon2 for the users the factories make (honoured only inside Vitest: src/server/auth/passwords.ts).
    env: { RETA_TEST_DRIVER: driver, RETA_TEST_FAST_PASSWORD_HASH: '1' },
    testTimeout: timeout,
    hookTimeout: timeout,
    // Each file makes its own registry (database, app) and closes it, and no test mocks modules: files of one
    // worker share the imported modules instead of importing the whole server again for every file.
    isolate: false,
  },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: ONE on a 2-core machine, every file in turn. The
    // database suites spend much of their time waiting on the database server, so two workers keep both cores
    // busy.
    maxWorkers: 2,
    projects: [
      {
        test: { name: 'unit', include: ['src/core/**/*.test.ts', 'src/contracts/**/*.test.ts', 'src/db/**/*.test.ts', 'src/i18n/**/*.test.ts'], environment: 'node' },
      },
      {
        test: { name: 'web', include: ['src/web/**/*.test.tsx', 'src/web/**/*.test.ts'], environment: 'jsdom' },
      },
      databaseProject('pglite'),
      ...(withPostgres ? [databaseProject('postgres')] : []),
    ],
  },
});
