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
    env: { RETA_TEST_DRIVER: 'pglite' },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
