import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The admin UI in a real browser (playwright-core + the system's Chromium) against `npm run serve`.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    // The suites retake the screenshots in docs/; the teardown re-encodes them (test/support/doc-images.ts).
    globalSetup: ['test/support/doc-images-teardown.ts'],
    include: ['test/e2e-admin/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
