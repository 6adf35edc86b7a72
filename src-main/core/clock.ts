/**
 * The only place that reads the wall clock. Everything else receives a Clock (services) or a
 * `now` argument (pure code), so tests move time instead of waiting for it.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, UTC. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests and simulations. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | string) {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
    if (Number.isNaN(this.#now)) throw new Error(`ManualClock: unreadable start ${String(start)}`);
  }

  now(): number {
    return this.#now;
  }

  set(at: number | string): void {
    this.#now = typeof at === 'number' ? at : Date.parse(at);
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
