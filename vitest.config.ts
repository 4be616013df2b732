import { defineConfig } from 'vitest/config';

/**
 * Unit tests (pure rules, web components) run once; everything that touches a database runs on PGlite
 * and, when RETA_TEST_DATABASE_URL is set (CI sets it), again on a PostgreSQL server.
 *
 * Speed (CI runs on two cores):
 * - two workers, not Vitest's default of cores − 1 (= one): a database test spends much of its time
 *   waiting on PostgreSQL, PGlite start-up or password hashing, so the second core would sit idle;
 * - `isolate: false` for the node projects: a worker keeps the modules it has loaded (Fastify, Drizzle,
 *   zod schemas, the whole server) from one test file to the next instead of importing them again for
 *   every file. Safe here because no test mocks modules or stubs globals (no vi.mock/stubEnv/stubGlobal/
 *   fake timers) and every file opens its own registry (database, app, audit key) in its own hooks;
 * - cheap argon2 for the passwords the factories make (RETA_TEST_FAST_PASSWORD_HASH, honoured only
 *   inside Vitest: src/server/auth/passwords.ts).
 * The web project keeps isolation: its files share one jsdom document otherwise.
 */
const databaseSuites = ['src/server/**/*.test.ts', 'test/**/*.test.ts'];
const withPostgres = Boolean(process.env.RETA_TEST_DATABASE_URL);

// The CLI's own tests start real processes on PGlite data directories: once is enough.
const databaseProject = (driver: 'pglite' | 'postgres') => ({
  test: {
    name: driver,
    include: driver === 'pglite' ? [...databaseSuites, 'src/cli/**/*.test.ts'] : databaseSuites,
    environment: 'node',
    isolate: false,
    globalSetup: [`test/global-setup-${driver}.ts`],
    env: { RETA_TEST_DRIVER: driver, RETA_TEST_FAST_PASSWORD_HASH: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    maxWorkers: Number(process.env.RETA_TEST_WORKERS) || 2,
    projects: [
      {
        test: { name: 'unit', include: ['src/core/**/*.test.ts', 'src/contracts/**/*.test.ts', 'src/db/**/*.test.ts', 'src/i18n/**/*.test.ts'], environment: 'node', isolate: false },
      },
      {
        test: { name: 'web', include: ['src/web/**/*.test.tsx', 'src/web/**/*.test.ts'], environment: 'jsdom' },
      },
      databaseProject('pglite'),
      ...(withPostgres ? [databaseProject('postgres')] : []),
    ],
  },
});
