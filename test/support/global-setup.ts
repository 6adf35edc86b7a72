import { ensureBuilt } from './serve-process';

/**
 * Builds the bundles once, before any test file runs, when the sources are newer than `out/`:
 * the child-process tests and the build-output test then never race to rebuild.
 */
export function setup(): void {
  ensureBuilt();
}
