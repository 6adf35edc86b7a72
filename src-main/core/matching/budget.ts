import type { SolveOptions } from './types';

export const DEFAULT_MAX_STEPS = 400_000_000;
const CLOCK_EVERY = 1 << 16;

/** Bounded work: every loop in the engine charges steps here and stops when `ok` turns false. */
export class Budget {
  used = 0;
  #nextClock = CLOCK_EVERY;
  #out = false;
  readonly #max: number;
  readonly #deadline: number;
  readonly #now: (() => number) | undefined;
  readonly #parent: Budget | undefined;

  constructor(max: number, now?: () => number, deadlineMs?: number, parent?: Budget) {
    this.#max = max;
    this.#now = now;
    this.#deadline = now !== undefined && deadlineMs !== undefined ? now() + deadlineMs : Infinity;
    this.#parent = parent;
  }

  static from(options: SolveOptions): Budget {
    return new Budget(options.maxSteps ?? DEFAULT_MAX_STEPS, options.now, options.deadlineMs);
  }

  /** Adds `k` steps; false once this budget, its parent or the deadline is exhausted. */
  charge(k: number): boolean {
    if (this.#out) return false;
    this.used += k;
    if (this.used > this.#max) this.#out = true;
    else if (this.used >= this.#nextClock) {
      this.#nextClock = this.used + CLOCK_EVERY;
      if (this.#now !== undefined && this.#now() > this.#deadline) this.#out = true;
    }
    if (this.#parent !== undefined && !this.#parent.charge(k)) this.#out = true;
    return !this.#out;
  }

  get ok(): boolean {
    return !this.#out;
  }

  get remaining(): number {
    return this.#out ? 0 : this.#max - this.used;
  }

  /** A child budget limited to `cap` steps whose spending also counts here. */
  slice(cap: number): Budget {
    return new Budget(Math.max(0, Math.min(cap, this.remaining)), undefined, undefined, this);
  }
}
