import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The desktop smoke test (`npm run test:desktop`): the real Electron app, driven by Playwright. */
export default defineConfig({
  root,
  test: {
    include: ['test/desktop/**/*.test.ts'],
    testTimeout: 60_000,
    // The first run may compile better-sqlite3 for Electron (minutes on a slow machine).
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
