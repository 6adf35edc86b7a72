import type { Deps } from '../common/deps';

/** Work started after an answer was given, per app (keyed by its deps), until it has run. */
const pending = new WeakMap<Deps, Set<Promise<void>>>();

/**
 * Runs `task` after the current request has been answered (a later turn of the event loop), so
 * the answer's content and timing cannot depend on what the task finds, e.g. whether an address
 * is registered. Failures are logged: nobody is waiting for them.
 */
export function afterResponse(deps: Deps, label: string, task: () => void): void {
  const set = pending.get(deps) ?? new Set<Promise<void>>();
  pending.set(deps, set);
  const run = new Promise<void>((resolve) => {
    setImmediate(() => {
      try {
        task();
      } catch (error) {
        deps.log.error('deferred work failed', { task: label, error });
      } finally {
        set.delete(run);
        resolve();
      }
    });
  });
  set.add(run);
}

/** Resolves once every deferred task of this app has run (tests, and a clean shutdown). */
export async function deferredWorkDone(deps: Deps): Promise<void> {
  const set = pending.get(deps);
  while (set && set.size > 0) await Promise.all([...set]);
}
