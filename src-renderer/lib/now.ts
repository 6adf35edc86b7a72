/**
 * The renderer's clock port: the one place in the admin UI that reads the wall clock. Everything
 * else takes `now` as an argument, so helpers stay pure and tests pass a fixed instant.
 */
export function now(): number {
  // eslint-disable-next-line no-restricted-syntax -- the browser clock is the renderer's clock port (like src-main/core/clock.ts)
  return Date.now();
}
