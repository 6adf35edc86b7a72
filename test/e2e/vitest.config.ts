import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Browser tests (`npm run test:e2e`): real Chromium against the real headless server. */
export default defineConfig({
  root,
  test: {
    // The suites retake the screenshots in docs/; the teardown re-encodes them (test/support/doc-images.ts).
    globalSetup: ['test/support/doc-images-teardown.ts'],
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
