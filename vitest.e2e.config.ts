import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server on a fresh PGlite database, driven through Debian's Chromium.
 * One file at a time (the machine has two cores and each file starts its own server and browser).
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup-pglite.ts'],
    // Cheap argon2 for the users the tests make (honoured only inside Vitest: src/server/auth/passwords.ts).
    env: { RETA_TEST_DRIVER: 'pglite', RETA_TEST_FAST_PASSWORD_HASH: '1' },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
