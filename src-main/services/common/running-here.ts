import type { Deps } from './deps';

/**
 * Work of one kind running in this process now, per database (tests run several apps in one
 * process): a long operation marks its key while it runs, so a second one, or a jobs pass that
 * resumes what a crash cut short, leaves it alone.
 */
export class RunningHere<K> {
  readonly #byDb = new WeakMap<Deps['db'], Set<K>>();

  has(deps: Deps, key: K): boolean {
    return this.#byDb.get(deps.db)?.has(key) ?? false;
  }

  /** Marks `key` as running; false (nothing marked) when it already is. */
  claim(deps: Deps, key: K): boolean {
    let running = this.#byDb.get(deps.db);
    if (!running) this.#byDb.set(deps.db, (running = new Set()));
    if (running.has(key)) return false;
    running.add(key);
    return true;
  }

  release(deps: Deps, key: K): void {
    this.#byDb.get(deps.db)?.delete(key);
  }

  /** Runs `work` with `key` marked as running (even when it already was: the caller decided). */
  async around<T>(deps: Deps, key: K, work: () => Promise<T>): Promise<T> {
    const mine = this.claim(deps, key);
    try {
      return await work();
    } finally {
      if (mine) this.release(deps, key);
    }
  }
}
