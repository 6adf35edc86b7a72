import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: {
      '@contract': fileURLToPath(new URL('../src-main/contract/index.ts', import.meta.url)),
      '@i18n': fileURLToPath(new URL('../src-main/i18n/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Deadlines only bound a hang: on a 2-core machine running two suites side by side a test that
    // spawns tsx or eslint, or fuzzes 5000 requests, took 40–80 s. No test may depend on speed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time: what a 2-core machine (CI's) runs well, even when it is busy.
    maxWorkers: 2,
  },
});
